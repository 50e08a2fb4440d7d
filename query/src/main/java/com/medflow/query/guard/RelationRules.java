package com.medflow.query.guard;

import static com.medflow.query.guard.SqlRefusedException.refuse;
import static java.util.Objects.requireNonNull;

import com.medflow.model.ColumnSpec;
import com.medflow.model.TableId;
import com.medflow.model.TableSpec;
import com.medflow.model.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.LateralView;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.Values;

/** FROM items: contract tables and CTEs, subqueries, joins and LATERAL VIEW; table-valued functions are refused. */
final class RelationRules {
  private final GuardContext context;
  private final QueryChecker checker;

  RelationRules(GuardContext context, QueryChecker checker) {
    this.context = requireNonNull(context, "context is null");
    this.checker = requireNonNull(checker, "checker is null");
  }

  String fromItem(FromItem item, Scope scope, Ctes ctes) {
    if (item instanceof TableFunction tf) {
      throw refuse(RefusalCode.FORBIDDEN_FUNCTION,
          "Table-valued function %s(...) is not allowed: select from the contract tables.", tableFunctionName(tf));
    }
    if (item instanceof Table t) {
      return table(t, scope, ctes);
    }
    if (item instanceof LateralSubSelect) {
      throw refuse(RefusalCode.TOO_COMPLEX, "LATERAL subqueries are not supported.");
    }
    if (item instanceof Values) {
      throw refuse(RefusalCode.NOT_A_QUERY, "VALUES lists are not allowed: select from the contract tables.");
    }
    if (item instanceof ParenthesedSelect ps) {
      NodeAudit.check(ps, Set.of("select", "alias"));
      Printed inner = checker.statements().query(ps.getSelect(), ctes, null, false, false);
      List<Col> cols = inner.cols();
      String name = null;
      StringBuilder sb = new StringBuilder("(").append(inner.sql()).append(')');
      if (ps.getAlias() != null) {
        Alias a = ps.getAlias();
        NodeAudit.check(a, Set.of("name", "useAs", "aliasColumns"));
        name = SqlText.checkName(a.getName(), "Alias");
        sb.append(" AS ").append(context.ident(name));
        if (!NodeAudit.isEmpty(a.getAliasColumns())) {
          List<String> names = new ArrayList<>();
          for (Alias.AliasColumn ac : a.getAliasColumns()) {
            NodeAudit.check(ac, Set.of("name"));
            names.add(SqlText.checkName(ac.name, "Column name"));
          }
          cols = StatementRules.rename(cols, names, "Subquery " + name);
          sb.append(names.stream().map(context::ident).collect(Collectors.joining(", ", "(", ")")));
        }
      }
      scope.relations.add(new Relation(name == null ? null : name.toLowerCase(Locale.ROOT), name, null, cols));
      return sb.toString();
    }
    if (item instanceof ParenthesedFromItem) {
      throw refuse(RefusalCode.TOO_COMPLEX, "Parenthesized joins are not supported: write the joins without parentheses.");
    }
    throw refuse(RefusalCode.TOO_COMPLEX, "This kind of FROM item (%s) is not supported.", item.getClass().getSimpleName());
  }

  static String tableFunctionName(TableFunction tf) {
    if (tf.getFunction() != null && tf.getFunction().getName() != null) {
      return tf.getFunction().getName();
    }
    return tf.getName() != null ? tf.getName() : String.valueOf(tf);
  }

  private String table(Table t, Scope scope, Ctes ctes) {
    NodeAudit.check(t, Set.of("partItems", "partDelimiters", "timeTravelStr", "timeTravelStrAfterAlias", "alias"));
    String travelClause = t.getTimeTravel();
    if (t.getTimeTravelStrAfterAlias() != null && !t.getTimeTravelStrAfterAlias().isBlank()) {
      if (travelClause != null && !travelClause.isBlank()) {
        throw refuse(RefusalCode.PARSE_ERROR, "A table may have one time travel clause.");
      }
      travelClause = t.getTimeTravelStrAfterAlias();
    }
    List<String> parts = TableNames.tableParts(t);
    String alias = null;
    if (t.getAlias() != null) {
      NodeAudit.check(t.getAlias(), Set.of("name", "useAs"));
      alias = SqlText.checkName(t.getAlias().getName(), "Alias");
    }
    String aliasSql = alias == null ? "" : " AS " + context.ident(alias);
    if (parts.size() == 1) {
      Optional<List<Col>> cte = ctes.lookup(parts.get(0));
      if (cte.isPresent()) {
        if (travelClause != null && !travelClause.isBlank()) {
          throw refuse(RefusalCode.TOO_COMPLEX, "Time travel applies to tables, not to the CTE %s.", parts.get(0));
        }
        String cteName = parts.get(0);
        String key = alias != null ? alias.toLowerCase(Locale.ROOT) : cteName;
        scope.relations.add(new Relation(key, alias != null ? alias : cteName, null, cte.get()));
        return context.ident(cteName) + aliasSql;
      }
    }
    TableId id = checker.tableNames().resolveTable(parts, t.getFullyQualifiedName());
    if (!context.role().mayRead(id)) {
      throw refuse(RefusalCode.TABLE_NOT_ALLOWED, "The %s role may not read %s. Tables it may read: %s.",
          context.role().wireName(), id, checker.tableNames().readableTables());
    }
    String travel = checker.tableNames().timeTravel(travelClause);
    context.addTable(id);
    TableSpec spec = Tables.spec(id).orElseThrow();
    List<Col> cols = new ArrayList<>();
    for (ColumnSpec c : spec.columns()) {
      cols.add(new Col(c.name(), c.pii()));
    }
    String key = alias != null ? alias.toLowerCase(Locale.ROOT) : id.name();
    scope.relations.add(new Relation(key, alias != null ? alias : id.name(), id, List.copyOf(cols)));
    return id.namespace() + "." + id.name() + travel + aliasSql;
  }

  String join(Join j, Scope scope, Ctes ctes) {
    NodeAudit.check(j, Set.of("onExpressions", "usingColumns", "outer", "right", "left", "full", "inner", "simple",
        "cross", "semi", "fromItem"));
    int sides = (j.isLeft() ? 1 : 0) + (j.isRight() ? 1 : 0) + (j.isFull() ? 1 : 0) + (j.isCross() ? 1 : 0)
        + (j.isSimple() ? 1 : 0) + (j.isInner() ? 1 : 0);
    if (sides > 1 || (j.isSemi() && (j.isRight() || j.isFull() || j.isCross() || j.isSimple()))
        || (j.isOuter() && !j.isLeft() && !j.isRight() && !j.isFull())) {
      throw refuse(RefusalCode.PARSE_ERROR, "Invalid join type.");
    }
    String keyword;
    if (j.isSimple()) {
      keyword = ", ";
    } else if (j.isSemi()) {
      keyword = " LEFT SEMI JOIN ";
    } else if (j.isCross()) {
      keyword = " CROSS JOIN ";
    } else if (j.isLeft()) {
      keyword = " LEFT OUTER JOIN ";
    } else if (j.isRight()) {
      keyword = " RIGHT OUTER JOIN ";
    } else if (j.isFull()) {
      keyword = " FULL OUTER JOIN ";
    } else {
      keyword = " JOIN ";
    }
    int before = scope.relations.size();
    StringBuilder sb = new StringBuilder(keyword).append(fromItem(j.getFromItem(), scope, ctes));
    Ctx ctx = new Ctx(scope, ctes, Clause.JOIN, 0);
    List<Expression> on = j.getOnExpressions() == null ? List.of() : List.copyOf(j.getOnExpressions());
    if (on.size() > 1) {
      throw refuse(RefusalCode.TOO_COMPLEX, "A join may have one ON condition.");
    }
    boolean hasUsing = !NodeAudit.isEmpty(j.getUsingColumns());
    if ((!on.isEmpty() || hasUsing) && (j.isSimple() || j.isCross())) {
      throw refuse(RefusalCode.PARSE_ERROR, "A cross join has no ON or USING condition.");
    }
    if (!on.isEmpty() && hasUsing) {
      throw refuse(RefusalCode.PARSE_ERROR, "A join has either ON or USING, not both.");
    }
    if (!on.isEmpty()) {
      sb.append(" ON ").append(checker.expressions().expr(on.get(0), ctx, false));
    }
    if (hasUsing) {
      Relation right = scope.relations.get(scope.relations.size() - 1);
      StringJoiner using = new StringJoiner(", ", " USING (", ")");
      for (Column c : j.getUsingColumns()) {
        NodeAudit.check(c, Set.of("columnName", "tableDelimiter"));
        String name = SqlText.unquote(c.getColumnName());
        String lower = name.toLowerCase(Locale.ROOT);
        Optional<Col> r = right.col(lower);
        Optional<Col> l = scope.relations.subList(0, before).stream().map(x -> x.col(lower)).flatMap(Optional::stream)
            .findFirst();
        if (r.isEmpty() || l.isEmpty()) {
          throw refuse(RefusalCode.UNKNOWN_COLUMN, "USING column %s must exist on both sides of the join.", name);
        }
        if (context.restrictPii() && (r.get().pii() || l.get().pii())) {
          throw ColumnRules.piiRefusal(r.get().name(), Clause.JOIN);
        }
        scope.usingColumns.add(lower);
        using.add(context.ident(r.get().name()));
      }
      sb.append(using);
    }
    return sb.toString();
  }

  String lateralView(LateralView lv, Ctx ctx) {
    NodeAudit.check(lv, Set.of("isUsingOuter", "generatorFunction", "tableAlias", "columnAlias"));
    Function f = lv.getGeneratorFunction();
    String fname = FunctionRules.functionName(f);
    if (Functions.kind(fname).orElse(null) != Functions.Kind.GENERATOR) {
      throw Functions.kind(fname).isPresent()
          ? refuse(RefusalCode.FORBIDDEN_FUNCTION, "LATERAL VIEW needs explode or posexplode, not %s.", fname)
          : Functions.refusal(fname);
    }
    String call = checker.functions().function(f, ctx);
    String generator = fname;
    if (lv.getTableAlias() == null) {
      throw refuse(RefusalCode.PARSE_ERROR, "LATERAL VIEW needs a table alias: LATERAL VIEW explode(x) t AS value.");
    }
    NodeAudit.check(lv.getTableAlias(), Set.of("name", "useAs"));
    String tableAlias = SqlText.checkName(lv.getTableAlias().getName(), "Alias");
    List<String> names = new ArrayList<>();
    if (lv.getColumnAlias() != null) {
      Alias ca = lv.getColumnAlias();
      NodeAudit.check(ca, Set.of("name", "useAs", "aliasColumns"));
      if (!NodeAudit.isEmpty(ca.getAliasColumns())) {
        for (Alias.AliasColumn ac : ca.getAliasColumns()) {
          NodeAudit.check(ac, Set.of("name"));
          names.add(SqlText.checkName(ac.name, "Column name"));
        }
      } else {
        names.add(SqlText.checkName(ca.getName(), "Column name"));
      }
    } else {
      names.addAll(fname.startsWith("pos") ? List.of("pos", "col") : List.of("col"));
    }
    List<Col> cols = names.stream().map(n -> new Col(n, false)).toList();
    ctx.scope().relations.add(new Relation(tableAlias.toLowerCase(Locale.ROOT), tableAlias, null, cols));
    return context.dialect().lateralView(lv.isUsingOuter(), generator, call, tableAlias, names);
  }
}
