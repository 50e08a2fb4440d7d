package com.medflow.query.guard;

import static java.util.Objects.requireNonNull;

import com.medflow.model.ColumnSpec;
import com.medflow.model.Role;
import com.medflow.model.TableId;
import com.medflow.model.TableSpec;
import com.medflow.model.Tables;
import java.util.LinkedHashSet;
import java.util.Set;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Walks one parsed query, checks every table, column and function against the contract and the
 * caller's role, and prints the query again as canonical Spark SQL. Anything it does not know how
 * to check is refused (fail closed): node types outside the supported subset are refused by
 * {@link ExpressionRules#expr}, and unknown clauses on supported nodes by {@link NodeAudit}.
 *
 * <p>The rules live in one class per family, which call each other through this one (a query holds
 * expressions, an expression holds subqueries):
 * <ul>
 *   <li>{@link StatementRules}: SELECT lists, WITH, set operations, query nesting;
 *   <li>{@link RelationRules} and {@link TableNames}: FROM, joins, LATERAL VIEW, table names, time travel;
 *   <li>{@link ColumnRules}: column resolution and personal-data refusals;
 *   <li>{@link ExpressionRules}, {@link PredicateRules}, {@link SpecialForms}: expressions;
 *   <li>{@link FunctionRules} and {@link ArgumentBounds}: the function allow-list and bounded arguments;
 *   <li>{@link OrderingRules} and {@link LimitRules}: GROUP BY, ORDER BY, windows, LIMIT/OFFSET.
 * </ul>
 * Text-level rules (length, invisible characters, comments, statements after {@code ;}) are checked
 * before parsing, by {@link SqlGuard} and {@link SqlText}. Everything one check shares is in its
 * {@link GuardContext}.
 *
 * <p>One instance checks one statement; it is not thread-safe.
 */
final class QueryChecker {
  private final GuardContext context;
  private final StatementRules statements;
  private final RelationRules relations;
  private final TableNames tableNames;
  private final ColumnRules columns;
  private final ExpressionRules expressions;
  private final PredicateRules predicates;
  private final SpecialForms specialForms;
  private final FunctionRules functions;
  private final OrderingRules ordering;
  private final LimitRules limits;

  QueryChecker(Role role, String catalog, int wantedLimit, int maxRows, SqlDialect dialect) {
    this.context = new GuardContext(role, catalog, wantedLimit, maxRows, dialect);
    this.statements = new StatementRules(context, this);
    this.relations = new RelationRules(context, this);
    this.tableNames = new TableNames(context);
    this.columns = new ColumnRules(context);
    this.expressions = new ExpressionRules(context, this);
    this.predicates = new PredicateRules(context, this);
    this.specialForms = new SpecialForms(context, this);
    this.functions = new FunctionRules(context, this);
    this.ordering = new OrderingRules(context, this);
    this.limits = new LimitRules(context, this);
  }

  /** Checks and prints the statement, applying the row limit to its outermost query. */
  String top(Select select) {
    requireNonNull(select, "select is null");
    return statements.query(select, Ctes.NONE, null, true, true).sql();
  }

  // ---- outcome, after top() ---------------------------------------------------------------------

  Set<TableId> tables() {
    return context.tables();
  }

  Set<String> maskedColumns() {
    return context.maskedColumns();
  }

  int limit() {
    return context.limit();
  }

  boolean limitAdded() {
    return context.limitAdded();
  }

  boolean timeTravel() {
    return context.timeTravel();
  }

  // ---- the rule families, for each other -------------------------------------------------------

  StatementRules statements() {
    return statements;
  }

  RelationRules relations() {
    return relations;
  }

  TableNames tableNames() {
    return tableNames;
  }

  ColumnRules columns() {
    return columns;
  }

  ExpressionRules expressions() {
    return expressions;
  }

  PredicateRules predicates() {
    return predicates;
  }

  SpecialForms specialForms() {
    return specialForms;
  }

  FunctionRules functions() {
    return functions;
  }

  OrderingRules ordering() {
    return ordering;
  }

  LimitRules limits() {
    return limits;
  }

  /** For tests and messages: every personal-data column name of the tables a role may read. */
  static Set<String> piiColumnNames(Role role) {
    Set<String> out = new LinkedHashSet<>();
    for (TableSpec t : Tables.ALL) {
      if (role.mayRead(t.id())) {
        for (ColumnSpec c : t.columns()) {
          if (c.pii()) {
            out.add(c.name());
          }
        }
      }
    }
    return out;
  }
}
