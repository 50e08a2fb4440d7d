package com.medflow.query.guard;

import static com.medflow.query.guard.SqlRefusedException.refuse;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnalyticType;
import net.sf.jsqlparser.expression.DateUnitExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LambdaExpression;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;

/** Function calls: the allow-list, aggregates and window functions, lambdas and unit keywords. */
final class FunctionRules {
  /** Functions whose first argument may be a unit keyword: datediff(DAY, a, b). */
  private static final Set<String> UNIT_FIRST = Set.of("datediff", "date_diff", "dateadd", "date_add", "timestampadd",
      "timestampdiff");
  private static final Set<String> UNITS = Set.of("YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND");

  private final GuardContext context;
  private final QueryChecker checker;

  FunctionRules(GuardContext context, QueryChecker checker) {
    this.context = requireNonNull(context, "context is null");
    this.checker = requireNonNull(checker, "checker is null");
  }

  static String functionName(Function f) {
    List<String> parts = f.getMultipartName();
    if (parts == null || parts.size() != 1) {
      throw refuse(RefusalCode.FORBIDDEN_FUNCTION,
          "Function %s is not allowed: qualified and user-defined functions cannot be called.", f.getName());
    }
    String name = SqlText.unquote(parts.get(0));
    if (!SqlText.isSimple(name)) {
      throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "Function %s is not allowed.", parts.get(0));
    }
    return name.toLowerCase(Locale.ROOT);
  }

  String function(Function f, Ctx ctx) {
    NodeAudit.check(f, Set.of("nameparts", "parameters", "distinct", "allColumns"));
    String name = functionName(f);
    List<Expression> args = new ArrayList<>();
    if (f.getParameters() != null) {
      args.addAll(f.getParameters());
    }
    if (f.isAllColumns()) {
      args.add(new AllColumns());
    }
    return call(name, args, f.isDistinct(), ctx);
  }

  /** Checks and prints {@code name(args)}. */
  String call(String name, List<Expression> args, boolean distinct, Ctx ctx) {
    Functions.Kind kind = Functions.kind(name).orElseThrow(() -> Functions.refusal(name));
    if (kind == Functions.Kind.GROUPING && ctx.clause() != Clause.GROUP_BY) {
      throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "%s(...) belongs in GROUP BY.", name);
    }
    if (distinct && kind != Functions.Kind.AGGREGATE) {
      throw refuse(RefusalCode.PARSE_ERROR, "DISTINCT is only allowed in aggregate functions, not in %s.", name);
    }
    ArgumentBounds.checkArguments(name, args);
    List<String> sj = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      Expression a = args.get(i);
      if (a instanceof AllColumns star && !(a instanceof AllTableColumns) && name.equals("count") && args.size() == 1
          && !distinct) {
        NodeAudit.check(star, Set.of());
        sj.add("*");
      } else if (a instanceof AllColumns || a instanceof AllTableColumns) {
        throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "* inside %s(...) is not allowed: it would read every column.", name);
      } else if (i == 0 && args.size() == 3 && UNIT_FIRST.contains(name) && unitKeyword(a).isPresent()) {
        sj.add(unitKeyword(a).get());
      } else if (a instanceof LambdaExpression lambda) {
        if (kind != Functions.Kind.HIGHER_ORDER || i == 0) {
          throw refuse(RefusalCode.TOO_COMPLEX, "A lambda may only be an argument of transform, filter, exists or forall.");
        }
        sj.add(lambda(lambda, ctx));
      } else {
        boolean bare = Functions.countsOnly(name) && a instanceof Column;
        sj.add(checker.expressions().expr(a, ctx, bare));
      }
    }
    return context.dialect().call(name, sj, distinct);
  }

  /** {@code DAY} in {@code datediff(DAY, a, b)}: JSqlParser reads it as a date unit or as a column. */
  private static Optional<String> unitKeyword(Expression a) {
    String u = null;
    if (a instanceof DateUnitExpression unit) {
      NodeAudit.check(unit, Set.of("type"));
      u = unit.getType().name();
    } else if (a instanceof Column c && c.getTable() == null && c.getArrayConstructor() == null) {
      u = c.getColumnName().toUpperCase(Locale.ROOT);
    }
    return u != null && UNITS.contains(u) ? Optional.of(u) : Optional.empty();
  }

  private String lambda(LambdaExpression l, Ctx ctx) {
    NodeAudit.check(l, Set.of("identifiers", "expression"));
    List<String> vars = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (String id : l.getIdentifiers()) {
      String v = SqlText.checkName(id, "Lambda variable");
      vars.add(v);
      keys.add(v.toLowerCase(Locale.ROOT));
    }
    context.lambdaVariables().push(keys);
    try {
      String body = checker.expressions().expr(l.getExpression(), ctx, false);
      String head = vars.size() == 1 ? context.ident(vars.get(0))
          : vars.stream().map(context::ident).collect(Collectors.joining(", ", "(", ")"));
      return head + " -> " + body;
    } finally {
      context.lambdaVariables().pop();
    }
  }

  String analytic(AnalyticExpression a, Ctx ctx) {
    NodeAudit.check(a, Set.of("name", "expression", "offset", "defaultValue", "allColumns", "type", "distinct",
        "filterExpression", "windowDef", "nullHandling", "ignoreNullsOutside"));
    String name = SqlText.unquote(a.getName());
    if (!SqlText.isSimple(name)) {
      throw Functions.refusal(a.getName());
    }
    name = name.toLowerCase(Locale.ROOT);
    Functions.Kind kind = Functions.kind(name).orElseThrow(() -> Functions.refusal(a.getName()));
    if (kind != Functions.Kind.AGGREGATE && kind != Functions.Kind.WINDOW) {
      throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "%s is not an aggregate or window function.", name);
    }
    List<Expression> args = new ArrayList<>();
    if (a.getExpression() instanceof ExpressionList<?> list && !(a.getExpression() instanceof ParenthesedExpressionList)) {
      args.addAll(list);
    } else if (a.getExpression() != null) {
      args.add(a.getExpression());
    }
    if (a.getOffset() != null) {
      args.add(a.getOffset());
    }
    if (a.getDefaultValue() != null) {
      args.add(a.getDefaultValue());
    }
    if (a.isAllColumns()) {
      args.add(new AllColumns());
    }
    boolean ignoreNulls = false;
    if (a.getNullHandling() != null) {
      if (!a.isIgnoreNullsOutside()) {
        throw refuse(RefusalCode.TOO_COMPLEX, "Write IGNORE NULLS after the parentheses: first_value(x) IGNORE NULLS OVER (...).");
      }
      ignoreNulls = a.getNullHandling() == Function.NullHandling.IGNORE_NULLS;
    }
    StringBuilder sb = new StringBuilder(call(name, args, a.isDistinct(), ctx));
    AnalyticType type = a.getType();
    if (a.getFilterExpression() != null) {
      if (kind != Functions.Kind.AGGREGATE) {
        throw refuse(RefusalCode.PARSE_ERROR, "FILTER applies to aggregate functions only.");
      }
      String filter = checker.expressions().expr(a.getFilterExpression(), ctx.in(Clause.FILTER), false);
      sb.append(" FILTER (WHERE ").append(filter).append(')');
    }
    if (ignoreNulls) {
      sb.append(" IGNORE NULLS");
    }
    WindowDefinition w = a.getWindowDefinition();
    switch (type) {
      case FILTER_ONLY -> {
        if (a.getFilterExpression() == null) {
          throw refuse(RefusalCode.PARSE_ERROR, "FILTER needs a WHERE condition.");
        }
      }
      case OVER -> {
        if (w == null) {
          throw refuse(RefusalCode.TOO_COMPLEX, "Named windows are not supported: write OVER (PARTITION BY ... ORDER BY ...).");
        }
        sb.append(" OVER ").append(checker.ordering().window(w, ctx.in(Clause.WINDOW)));
      }
      case WITHIN_GROUP -> {
        if (!name.equals("percentile_cont") && !name.equals("percentile_disc") && !name.equals("mode")
            && !name.equals("median")) {
          throw refuse(RefusalCode.TOO_COMPLEX, "WITHIN GROUP is only supported for percentile_cont, percentile_disc and mode.");
        }
        NodeAudit.check(w, Set.of("orderBy", "partitionBy"));
        if (!NodeAudit.isEmpty(w.getPartitionBy())) {
          throw refuse(RefusalCode.PARSE_ERROR, "WITHIN GROUP takes an ORDER BY only.");
        }
        String order = checker.ordering().orderList(w.getOrderByElements(), ctx.in(Clause.WINDOW));
        sb.append(" WITHIN GROUP (ORDER BY ").append(order).append(')');
      }
      default -> throw refuse(RefusalCode.TOO_COMPLEX, "This window form (%s) is not supported.", type);
    }
    return sb.toString();
  }
}
