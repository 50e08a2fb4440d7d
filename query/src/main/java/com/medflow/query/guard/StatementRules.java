package com.medflow.query.guard;

import static com.medflow.query.guard.SqlRefusedException.refuse;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Distinct;
import net.sf.jsqlparser.statement.select.ExceptOp;
import net.sf.jsqlparser.statement.select.IntersectOp;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.LateralView;
import net.sf.jsqlparser.statement.select.MinusOp;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperation;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.UnionOp;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/** The shape of a query: SELECT lists, WITH, set operations, parenthesized queries and the nesting bound. */
final class StatementRules {
  private static final int MAX_QUERY_DEPTH = 12;

  private final GuardContext context;
  private final QueryChecker checker;

  StatementRules(GuardContext context, QueryChecker checker) {
    this.context = requireNonNull(context, "context is null");
    this.checker = requireNonNull(checker, "checker is null");
  }

  /**
   * @param top whether this query's output is the statement's output (personal data may be listed, masked)
   * @param limitHere whether the statement's row limit goes on this query
   */
  Printed query(Select select, Ctes ctes, Scope correlated, boolean top, boolean limitHere) {
    if (context.enterQuery() > MAX_QUERY_DEPTH) {
      throw refuse(RefusalCode.TOO_COMPLEX, "The query nests more than %d subqueries.", MAX_QUERY_DEPTH);
    }
    try {
      if (select instanceof Values) {
        throw refuse(RefusalCode.NOT_A_QUERY, "VALUES lists are not allowed: select from the contract tables.");
      }
      StringBuilder sb = new StringBuilder();
      Ctes inner = withClause(select, ctes, sb);
      Printed body;
      if (select instanceof PlainSelect ps) {
        body = plainSelect(ps, inner, correlated, top, limitHere);
      } else if (select instanceof SetOperationList so) {
        body = setOperation(so, inner, correlated, limitHere);
      } else if (select instanceof LateralSubSelect) {
        throw refuse(RefusalCode.TOO_COMPLEX, "LATERAL subqueries are not supported.");
      } else if (select instanceof ParenthesedSelect ps) {
        body = parenthesized(ps, inner, correlated, top, limitHere);
      } else {
        throw refuse(RefusalCode.NOT_A_QUERY, "Only SELECT queries are allowed (found %s).",
            select.getClass().getSimpleName());
      }
      sb.append(body.sql());
      return new Printed(sb.toString(), body.cols());
    } finally {
      context.exitQuery();
    }
  }

  /** Prints {@code WITH a AS (...), ...} into {@code sb} and returns the CTEs visible to the body. */
  private Ctes withClause(Select select, Ctes ctes, StringBuilder sb) {
    List<WithItem<?>> items = select.getWithItemsList();
    if (items == null || items.isEmpty()) {
      return ctes;
    }
    Ctes current = ctes;
    StringJoiner joiner = new StringJoiner(", ", "WITH ", " ");
    for (WithItem<?> item : items) {
      NodeAudit.check(item, Set.of("statement", "alias", "withItemList"));
      if (!(item.getStatement() instanceof ParenthesedSelect body) || body instanceof LateralSubSelect) {
        throw refuse(RefusalCode.NOT_A_QUERY, "A WITH clause may only define SELECT queries.");
      }
      NodeAudit.check(body, Set.of("select"));
      String name = SqlText.checkName(item.getAlias().getName(), "CTE name");
      NodeAudit.check(item.getAlias(), Set.of("name", "useAs"));
      Printed p = query(body.getSelect(), current, null, false, false);
      List<Col> cols = p.cols();
      String columnList = "";
      if (item.getWithItemList() != null && !item.getWithItemList().isEmpty()) {
        List<String> names = new ArrayList<>();
        for (SelectItem<?> si : item.getWithItemList()) {
          NodeAudit.check(si, Set.of("expression"));
          if (!(si.getExpression() instanceof Column c) || c.getTable() != null) {
            throw refuse(RefusalCode.PARSE_ERROR, "The column list of CTE %s must contain plain names.", name);
          }
          names.add(SqlText.checkName(c.getColumnName(), "Column name"));
        }
        cols = rename(cols, names, "CTE " + name);
        columnList = names.stream().map(context::ident).collect(Collectors.joining(", ", "(", ")"));
      }
      joiner.add(context.ident(name) + columnList + " AS (" + p.sql() + ")");
      current = new Ctes(current, name.toLowerCase(Locale.ROOT), cols);
    }
    sb.append(joiner);
    return current;
  }

  static List<Col> rename(List<Col> cols, List<String> names, String what) {
    if (names.size() != cols.size()) {
      throw refuse(RefusalCode.UNKNOWN_COLUMN, "%s names %d columns but its query returns %d.", what, names.size(),
          cols.size());
    }
    List<Col> out = new ArrayList<>();
    for (int i = 0; i < cols.size(); i++) {
      out.add(new Col(names.get(i), cols.get(i).pii()));
    }
    return out;
  }

  private Printed parenthesized(ParenthesedSelect ps, Ctes ctes, Scope correlated, boolean top, boolean limitHere) {
    NodeAudit.check(ps, Set.of("select", "withItemsList", "orderByElements", "limit", "offset"));
    boolean plain = NodeAudit.isEmpty(ps.getOrderByElements()) && ps.getLimit() == null && ps.getOffset() == null;
    Printed inner = query(ps.getSelect(), ctes, correlated, top && plain, false);
    StringBuilder sb = new StringBuilder("(").append(inner.sql()).append(')');
    Scope outputScope = outputScope(inner.cols(), correlated);
    checker.limits().appendOrderLimitOffset(ps, sb, new Ctx(outputScope, ctes, Clause.ORDER_BY, 0), limitHere);
    return new Printed(sb.toString(), inner.cols());
  }

  private static Scope outputScope(List<Col> cols, Scope correlated) {
    Scope s = new Scope(correlated);
    s.relations.add(new Relation(null, null, null, cols));
    for (Col c : cols) {
      s.outputs.add(new Output(c.name(), c.pii(), c.pii() ? c.name() : null));
    }
    return s;
  }

  private Printed setOperation(SetOperationList so, Ctes ctes, Scope correlated, boolean limitHere) {
    NodeAudit.check(so, Set.of("selects", "operations", "withItemsList", "orderByElements", "limit", "offset"));
    hoistTrailingClauses(so);
    StringBuilder sb = new StringBuilder();
    List<Col> cols = null;
    for (int i = 0; i < so.getSelects().size(); i++) {
      if (i > 0) {
        SetOperation op = so.getOperation(i - 1);
        NodeAudit.check(op, Set.of("modifier", "type"));
        String modifier = op.getModifier() == null ? "" : op.getModifier().trim().toUpperCase(Locale.ROOT);
        if (!modifier.isEmpty() && !modifier.equals("ALL") && !modifier.equals("DISTINCT")) {
          throw refuse(RefusalCode.TOO_COMPLEX, "Set operation modifier %s is not supported.", modifier);
        }
        String type;
        if (op instanceof UnionOp) {
          type = "UNION";
        } else if (op instanceof IntersectOp) {
          type = "INTERSECT";
        } else if (op instanceof ExceptOp || op instanceof MinusOp) {
          type = "EXCEPT";
        } else {
          throw refuse(RefusalCode.TOO_COMPLEX, "Set operation %s is not supported.", op);
        }
        sb.append(' ').append(type).append(modifier.isEmpty() ? "" : " " + modifier).append(' ');
      }
      Select branch = so.getSelects().get(i);
      Printed p = query(branch, ctes, correlated, false, false);
      boolean wrap = branch instanceof PlainSelect ps && (!NodeAudit.isEmpty(ps.getWithItemsList())
          || !NodeAudit.isEmpty(ps.getOrderByElements()) || ps.getLimit() != null || ps.getOffset() != null);
      sb.append(wrap ? "(" + p.sql() + ")" : p.sql());
      if (cols == null) {
        cols = p.cols();
      } else {
        List<Col> merged = new ArrayList<>();
        for (int c = 0; c < cols.size(); c++) {
          boolean pii = cols.get(c).pii() || (c < p.cols().size() && p.cols().get(c).pii());
          merged.add(new Col(cols.get(c).name(), pii));
        }
        cols = merged;
      }
    }
    Ctx order = new Ctx(outputScope(cols, correlated), ctes, Clause.ORDER_BY, 0);
    checker.limits().appendOrderLimitOffset(so, sb, order, limitHere);
    return new Printed(sb.toString(), cols);
  }

  /**
   * In {@code a UNION b ORDER BY x LIMIT n}, JSqlParser may hang ORDER BY / LIMIT / OFFSET on the last
   * branch; SQL (and Spark) apply them to the whole set operation. Move them there so that what is
   * checked and printed means what Spark would run.
   */
  private static void hoistTrailingClauses(SetOperationList so) {
    Select last = so.getSelects().get(so.getSelects().size() - 1);
    if (!(last instanceof PlainSelect ps) || !NodeAudit.isEmpty(so.getOrderByElements()) || so.getLimit() != null
        || so.getOffset() != null) {
      return;
    }
    if (!NodeAudit.isEmpty(ps.getOrderByElements())) {
      so.setOrderByElements(ps.getOrderByElements());
      ps.setOrderByElements(null);
    }
    if (ps.getLimit() != null) {
      so.setLimit(ps.getLimit());
      ps.setLimit(null);
    }
    if (ps.getOffset() != null) {
      so.setOffset(ps.getOffset());
      ps.setOffset(null);
    }
  }

  private Printed plainSelect(PlainSelect ps, Ctes ctes, Scope correlated, boolean top, boolean limitHere) {
    if (!NodeAudit.isEmpty(ps.getIntoTables()) || ps.getIntoTempTable() != null || ps.getMySqlSelectIntoClause() != null) {
      throw refuse(RefusalCode.INTO_NOT_ALLOWED, "SELECT ... INTO writes a table; only reading queries are allowed.");
    }
    if (ps.getForMode() != null || !NodeAudit.isEmpty(ps.getForUpdateTables()) || ps.getForUpdateTable() != null) {
      throw refuse(RefusalCode.NOT_A_QUERY, "SELECT ... FOR UPDATE/SHARE locks rows; only reading queries are allowed.");
    }
    NodeAudit.check(ps, Set.of("distinct", "selectItems", "fromItem", "joins", "lateralViews", "where", "groupBy",
        "having", "withItemsList", "orderByElements", "limit", "offset"));
    Scope scope = new Scope(correlated);
    Ctx ctx = new Ctx(scope, ctes, top ? Clause.SELECT : Clause.SUBQUERY_SELECT, 0);

    // FROM first: the SELECT list is resolved against it.
    StringBuilder from = new StringBuilder();
    if (ps.getFromItem() != null) {
      from.append(" FROM ").append(checker.relations().fromItem(ps.getFromItem(), scope, ctes));
      if (ps.getJoins() != null) {
        for (Join join : ps.getJoins()) {
          from.append(checker.relations().join(join, scope, ctes));
        }
      }
      if (ps.getLateralViews() != null) {
        for (LateralView lv : ps.getLateralViews()) {
          from.append(checker.relations().lateralView(lv, ctx.in(Clause.LATERAL_VIEW)));
        }
      }
    } else if (!NodeAudit.isEmpty(ps.getJoins()) || !NodeAudit.isEmpty(ps.getLateralViews())) {
      throw refuse(RefusalCode.PARSE_ERROR, "JOIN or LATERAL VIEW without FROM.");
    }

    StringBuilder sb = new StringBuilder("SELECT ");
    if (ps.getDistinct() != null) {
      Distinct d = ps.getDistinct();
      NodeAudit.check(d, Set.of());
      sb.append("DISTINCT ");
    }
    List<Col> cols = new ArrayList<>();
    StringJoiner items = new StringJoiner(", ");
    for (SelectItem<?> item : ps.getSelectItems()) {
      items.add(selectItem(item, ctx.withAliases(scope.outputs.size()), top, cols));
    }
    if (ps.getDistinct() != null && context.restrictPii()) {
      // DISTINCT groups by every output column: a masked column would still be grouped by its raw value.
      for (Output o : scope.outputs) {
        if (o.piiBare()) {
          throw ColumnRules.piiRefusal(o.describe(), Clause.DISTINCT);
        }
      }
    }
    sb.append(items).append(from);

    if (ps.getWhere() != null) {
      sb.append(" WHERE ").append(checker.expressions().expr(ps.getWhere(), ctx.in(Clause.WHERE), false));
    }
    if (ps.getGroupBy() != null) {
      sb.append(checker.ordering().groupBy(ps.getGroupBy(), ctx.in(Clause.GROUP_BY).withAliases(scope.outputs.size())));
    }
    if (ps.getHaving() != null) {
      Ctx having = ctx.in(Clause.HAVING).withAliases(scope.outputs.size());
      sb.append(" HAVING ").append(checker.expressions().expr(ps.getHaving(), having, false));
    }
    checker.limits().appendOrderLimitOffset(ps, sb, ctx.in(Clause.ORDER_BY).withAliases(scope.outputs.size()), limitHere);
    return new Printed(sb.toString(), cols);
  }

  private String selectItem(SelectItem<?> item, Ctx ctx, boolean top, List<Col> cols) {
    NodeAudit.check(item, Set.of("expression", "alias"));
    Expression e = item.getExpression();
    Scope scope = ctx.scope();
    if (e instanceof AllTableColumns star) {
      NodeAudit.check(star, Set.of("table"));
      if (item.getAlias() != null) {
        throw refuse(RefusalCode.PARSE_ERROR, "t.* cannot have an alias.");
      }
      Relation r = checker.columns().relationByQualifier(scope, ColumnRules.qualifierParts(star.getTable()))
          .orElseThrow(() -> refuse(RefusalCode.UNKNOWN_COLUMN, "%s.* does not name a table of this query.",
              star.getTable().getFullyQualifiedName()));
      expandStar(r, top, cols, scope);
      return checker.columns().qualifier(r) + ".*";
    }
    if (e instanceof AllColumns star) {
      NodeAudit.check(star, Set.of());
      if (item.getAlias() != null) {
        throw refuse(RefusalCode.PARSE_ERROR, "* cannot have an alias.");
      }
      for (Relation r : scope.relations) {
        expandStar(r, top, cols, scope);
      }
      return "*";
    }
    String alias = null;
    if (item.getAlias() != null) {
      NodeAudit.check(item.getAlias(), Set.of("name", "useAs"));
      alias = SqlText.checkName(item.getAlias().getName(), "Alias");
    }
    String sql;
    String name = alias;
    boolean piiBare = false;
    String piiSource = null;
    if (e instanceof Column column && !ColumnRules.isNumericColumn(column) && column.getArrayConstructor() == null) {
      ColumnRef ref = checker.columns().columnRef(column, ctx);
      piiBare = ref.pii();
      piiSource = ref.piiName();
      if (piiBare && context.restrictPii() && !top) {
        throw ColumnRules.piiRefusal(ref.piiName(), ctx.clause());
      }
      sql = ref.sql();
      if (name == null) {
        name = ref.name();
      }
    } else {
      sql = checker.expressions().expr(e, ctx, false);
    }
    if (piiBare && context.restrictPii() && top && name != null) {
      context.maskColumn(name);
    }
    cols.add(new Col(name, piiBare));
    scope.outputs.add(new Output(name, piiBare, piiBare ? piiSource : null));
    return alias == null ? sql : sql + " AS " + context.ident(alias);
  }

  private void expandStar(Relation r, boolean top, List<Col> cols, Scope scope) {
    for (Col c : r.cols()) {
      if (c.pii() && context.restrictPii()) {
        if (!top) {
          throw refuse(RefusalCode.PII_NOT_ALLOWED,
              "SELECT * in a subquery or CTE would read %s, which is personal data: business users may count it but "
                  + "not read it. List the columns you need instead.", c.name());
        }
        if (c.name() != null) {
          context.maskColumn(c.name());
        }
      }
      cols.add(c);
      scope.outputs.add(new Output(c.name(), c.pii(), c.pii() ? c.name() : null));
    }
  }
}
