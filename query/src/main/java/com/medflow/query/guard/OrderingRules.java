package com.medflow.query.guard;

import static com.medflow.query.guard.SqlRefusedException.refuse;
import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import net.sf.jsqlparser.expression.AllValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.expression.WindowElement;
import net.sf.jsqlparser.expression.WindowOffset;
import net.sf.jsqlparser.expression.WindowRange;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.OrderByElement;

/** GROUP BY (ordinals, aliases, ALL, grouping sets), ORDER BY items and window specifications. */
final class OrderingRules {
  private final GuardContext context;
  private final QueryChecker checker;

  OrderingRules(GuardContext context, QueryChecker checker) {
    this.context = requireNonNull(context, "context is null");
    this.checker = requireNonNull(checker, "checker is null");
  }

  String groupBy(GroupByElement g, Ctx ctx) {
    NodeAudit.check(g, Set.of("groupByExpressions", "groupingSets"));
    StringJoiner parts = new StringJoiner(", ", " GROUP BY ", "");
    if (g.getGroupByExpressionList() != null) {
      for (Expression e : g.getGroupByExpressionList()) {
        if (e instanceof AllValue) {
          for (Output o : ctx.scope().outputs) {
            if (o.piiBare() && context.restrictPii()) {
              throw ColumnRules.piiRefusal(o.describe(), Clause.GROUP_BY);
            }
          }
          parts.add("ALL");
        } else {
          int alias = context.dialect() == SqlDialect.SPARK ? 0 : groupByAlias(e, ctx);
          parts.add(orderingExpression(alias > 0 ? new LongValue(alias) : e, ctx));
        }
      }
    }
    if (g.getGroupingSets() != null && !g.getGroupingSets().isEmpty()) {
      StringJoiner sets = new StringJoiner(", ", "GROUPING SETS (", ")");
      for (ExpressionList<?> set : g.getGroupingSets()) {
        StringJoiner one = new StringJoiner(", ", "(", ")");
        for (Expression e : set) {
          one.add(orderingExpression(e, ctx));
        }
        sets.add(one.toString());
      }
      parts.add(sets.toString());
    }
    return parts.toString();
  }

  /**
   * The 1-based position of the SELECT alias a GROUP BY item names, when no input column has that name (Spark's
   * resolution: input columns first); 0 otherwise. Trino groups by input columns only, so it gets the ordinal.
   */
  private static int groupByAlias(Expression e, Ctx ctx) {
    if (!(e instanceof Column c) || c.getTable() != null && c.getTable().getName() != null) {
      return 0;
    }
    String name = SqlText.unquote(c.getColumnName()).toLowerCase(Locale.ROOT);
    for (Relation r : ctx.scope().relations) {
      if (r.col(name).isPresent()) {
        return 0;
      }
    }
    List<Output> outputs = ctx.scope().outputs;
    for (int i = 0; i < outputs.size(); i++) {
      if (name.equals(outputs.get(i).key())) {
        return i + 1;
      }
    }
    return 0;
  }

  /** A GROUP BY or ORDER BY item: an ordinal, a SELECT alias or an expression over the input. */
  private String orderingExpression(Expression e, Ctx ctx) {
    if (e instanceof LongValue ordinal) {
      long n = LimitRules.parseInteger(ordinal.getStringValue(), "ordinal");
      List<Output> outputs = ctx.scope().outputs;
      if (n < 1 || n > outputs.size()) {
        throw refuse(RefusalCode.UNKNOWN_COLUMN, "%s %d refers to no column of the SELECT list (it has %d).",
            ctx.clause().where, n, outputs.size());
      }
      Output o = outputs.get((int) n - 1);
      if (o.piiBare() && context.restrictPii()) {
        throw ColumnRules.piiRefusal(o.describe(), ctx.clause());
      }
      return Long.toString(n);
    }
    return checker.expressions().expr(e, ctx, false);
  }

  String orderByElement(OrderByElement o, Ctx ctx, boolean ordinals) {
    NodeAudit.check(o, Set.of("expression", "asc", "ascDescPresent", "nullOrdering"));
    String e = ordinals ? orderingExpression(o.getExpression(), ctx)
        : checker.expressions().expr(o.getExpression(), ctx, false);
    StringBuilder sb = new StringBuilder(e);
    if (!o.isAsc()) {
      sb.append(" DESC");
    } else if (o.isAscDescPresent()) {
      sb.append(" ASC");
    }
    if (o.getNullOrdering() != null) {
      sb.append(o.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST ? " NULLS FIRST" : " NULLS LAST");
    } else {
      sb.append(context.dialect().defaultNullOrdering(o.isAsc()));
    }
    return sb.toString();
  }

  String orderList(List<OrderByElement> elements, Ctx ctx) {
    if (NodeAudit.isEmpty(elements)) {
      throw refuse(RefusalCode.PARSE_ERROR, "ORDER BY needs at least one expression.");
    }
    StringJoiner sj = new StringJoiner(", ");
    for (OrderByElement o : elements) {
      sj.add(orderByElement(o, ctx, false));
    }
    return sj.toString();
  }

  String window(WindowDefinition w, Ctx ctx) {
    NodeAudit.check(w, Set.of("orderBy", "partitionBy", "windowElement"));
    StringJoiner parts = new StringJoiner(" ", "(", ")");
    ExpressionList<?> partition = w.getPartitionBy();
    if (!NodeAudit.isEmpty(partition)) {
      parts.add("PARTITION BY " + partition.stream().map(x -> checker.expressions().expr(x, ctx, false))
          .collect(Collectors.joining(", ")));
    }
    if (!NodeAudit.isEmpty(w.getOrderByElements())) {
      parts.add("ORDER BY " + orderList(w.getOrderByElements(), ctx));
    }
    WindowElement frame = w.getWindowElement();
    if (frame != null) {
      NodeAudit.check(frame, Set.of("type", "offset", "range"));
      String unit = switch (frame.getType()) {
        case ROWS -> "ROWS";
        case RANGE -> "RANGE";
        default -> throw refuse(RefusalCode.TOO_COMPLEX, "%s frames are not supported.", frame.getType());
      };
      if (frame.getRange() != null) {
        WindowRange r = frame.getRange();
        NodeAudit.check(r, Set.of("start", "end"));
        parts.add(unit + " BETWEEN " + bound(r.getStart(), ctx) + " AND " + bound(r.getEnd(), ctx));
      } else if (frame.getOffset() != null) {
        parts.add(unit + " " + bound(frame.getOffset(), ctx));
      } else {
        throw refuse(RefusalCode.PARSE_ERROR, "Incomplete window frame.");
      }
    }
    return parts.toString();
  }

  private String bound(WindowOffset o, Ctx ctx) {
    NodeAudit.check(o, Set.of("expression", "type"));
    return switch (o.getType()) {
      case CURRENT -> "CURRENT ROW";
      case PRECEDING, FOLLOWING -> {
        String dir = o.getType() == WindowOffset.Type.PRECEDING ? " PRECEDING" : " FOLLOWING";
        if (o.getExpression() == null) {
          yield "UNBOUNDED" + dir;
        }
        Expression x = o.getExpression();
        if (!(x instanceof LongValue) && !(x instanceof IntervalExpression)) {
          throw refuse(RefusalCode.TOO_COMPLEX, "Window frame bounds must be numbers or intervals.");
        }
        yield checker.expressions().expr(x, ctx, false) + dir;
      }
      default -> throw refuse(RefusalCode.TOO_COMPLEX, "Unsupported window frame bound.");
    };
  }
}
