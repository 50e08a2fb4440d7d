package com.medflow.query.guard;

import static com.medflow.query.guard.SqlRefusedException.refuse;

import com.medflow.model.ColumnSpec;
import com.medflow.model.Role;
import com.medflow.model.TableId;
import com.medflow.model.TableSpec;
import com.medflow.model.Tables;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.AllValue;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnalyticType;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.ArrayExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DateUnitExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.IntervalQualifier;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LambdaExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.StructType;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.expression.WindowElement;
import net.sf.jsqlparser.expression.WindowOffset;
import net.sf.jsqlparser.expression.WindowRange;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.IntegerDivision;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.CosineSimilarity;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Distinct;
import net.sf.jsqlparser.statement.select.ExceptOp;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.IntersectOp;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.LateralView;
import net.sf.jsqlparser.statement.select.MinusOp;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.Offset;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperation;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.UnionOp;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Walks one parsed query, checks every table, column and function against the contract and the
 * caller's role, and prints the query again as canonical Spark SQL. Anything it does not know how
 * to check is refused (fail closed): node types outside the supported subset are refused by
 * {@link #expr}, and unknown clauses on supported nodes by {@link NodeAudit}.
 *
 * <p>One instance checks one statement; it is not thread-safe.
 */
final class QueryChecker {
  static final int MAX_QUERY_DEPTH = 12;
  static final int MAX_EXPRESSION_DEPTH = 100;
  static final int MAX_NODES = 5_000;
  static final long MAX_SEQUENCE_ELEMENTS = 10_000;
  static final long MAX_STRING_LENGTH_ARGUMENT = 1_000;
  static final long MAX_PERCENTILE_ACCURACY = 100_000;

  /** Functions whose first argument may be a unit keyword: datediff(DAY, a, b). */
  private static final Set<String> UNIT_FIRST = Set.of("datediff", "date_diff", "dateadd", "date_add", "timestampadd",
      "timestampdiff");
  private static final Set<String> FILE_FORMATS = Set.of("parquet", "csv", "json", "orc", "text", "avro", "delta",
      "binaryfile", "jdbc", "iceberg", "hive", "xml", "file", "hdfs", "s3", "s3a");
  private static final Set<String> SYSTEM_NAMESPACES = Set.of("information_schema", "system", "sys");
  private static final Pattern VERSION_AS_OF = Pattern.compile(
      "\\s*(?:FOR\\s+)?(?:SYSTEM_)?VERSION\\s+AS\\s+OF\\s+(\\d{1,19})\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern TIMESTAMP_AS_OF = Pattern.compile(
      "\\s*(?:FOR\\s+)?(?:SYSTEM_TIME|TIMESTAMP)\\s+AS\\s+OF\\s+(?:TIMESTAMP\\s*)?'([0-9: .T\\-]{10,26})'\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DATE_LITERAL = Pattern.compile("'(\\d{4}-\\d{2}-\\d{2})'");
  private static final Pattern TIMESTAMP_LITERAL = Pattern.compile(
      "'(\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,6})?)?)?)'");
  private static final Pattern INTEGER = Pattern.compile("\\d{1,30}");
  private static final Pattern SUFFIXED_INTEGER = Pattern.compile("\\d{1,19}[Ll]");
  private static final Pattern DECIMAL = Pattern.compile("(?:\\d{1,30}(?:\\.\\d{0,30})?|\\.\\d{1,30})(?:[eE][+-]?\\d{1,3})?");
  private static final Set<String> INTERVAL_UNITS = Set.of("YEAR", "YEARS", "MONTH", "MONTHS", "WEEK", "WEEKS", "DAY",
      "DAYS", "HOUR", "HOURS", "MINUTE", "MINUTES", "SECOND", "SECONDS");
  private static final Pattern INTERVAL_NUMBER = Pattern.compile("(-?\\d{1,9})|'(-?\\d{1,9})'");
  private static final Pattern INTERVAL_STRING = Pattern.compile(
      "'\\s*(-?\\d{1,9})\\s+(years?|months?|weeks?|days?|hours?|minutes?|seconds?)\\s*'", Pattern.CASE_INSENSITIVE);
  private static final Set<String> EXTRACT_FIELDS = Set.of("YEAR", "YEARS", "QUARTER", "MONTH", "MONTHS", "WEEK",
      "WEEKS", "DAY", "DAYS", "DAYOFWEEK", "DOW", "DAYOFWEEK_ISO", "DOY", "DAYOFYEAR", "HOUR", "HOURS", "MINUTE",
      "MINUTES", "SECOND", "SECONDS");
  private static final Pattern CAST_TYPE = Pattern.compile(
      "(string|int|integer|bigint|smallint|tinyint|long|short|byte|double|float|real|boolean|date|timestamp|"
          + "timestamp_ntz|timestamp_ltz)|(decimal|numeric|dec)(?:\\((\\d{1,2})(?:,(\\d{1,2}))?\\))?|"
          + "(varchar|char)\\((\\d{1,5})\\)");

  // ---- outcome ----------------------------------------------------------------------------------
  final Set<TableId> tables = new LinkedHashSet<>();
  final Set<String> maskedColumns = new LinkedHashSet<>();
  boolean timeTravel;
  int limit;
  boolean limitAdded;

  // ---- state ------------------------------------------------------------------------------------
  private final SqlDialect dialect;
  private final Role role;
  private final String catalog;
  private final boolean restrictPii;
  private final int wantedLimit;
  private final int maxRows;
  private int queryDepth;
  private int exprDepth;
  private int nodes;
  private final Deque<Set<String>> lambdaVariables = new ArrayDeque<>();

  QueryChecker(Role role, String catalog, int wantedLimit, int maxRows, SqlDialect dialect) {
    this.dialect = dialect;
    this.role = role;
    this.catalog = catalog;
    this.restrictPii = !role.seesPii();
    this.wantedLimit = wantedLimit;
    this.maxRows = maxRows;
  }

  private String ident(String name) {
    return dialect.identifier(name);
  }

  // ---- model ------------------------------------------------------------------------------------

  /** A column visible in a scope; {@code name} is null for an unnamed expression of a subquery. */
  record Col(String name, boolean pii) {
    String key() {
      return name == null ? null : name.toLowerCase(Locale.ROOT);
    }
  }

  /** A FROM item: a contract table, a CTE, a subquery or a LATERAL VIEW. */
  record Relation(String key, String printName, TableId table, List<Col> cols) {
    Optional<Col> col(String lower) {
      for (Col c : cols) {
        if (lower.equals(c.key())) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }

    String describe() {
      if (table != null) {
        return table.toString() + (key != null && !key.equals(table.name()) ? " (" + printName + ")" : "");
      }
      return printName == null ? "a subquery" : printName;
    }
  }

  /** An output column of a SELECT list, for aliases and ordinals in ORDER BY / GROUP BY / HAVING. */
  record Output(String name, boolean piiBare, String source) {
    String key() {
      return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    String describe() {
      return source == null || source.equalsIgnoreCase(name) ? String.valueOf(name) : name + " (an alias of " + source + ")";
    }
  }

  /** CTEs visible at a point of the query. */
  record Ctes(Ctes parent, String name, List<Col> cols) {
    static final Ctes NONE = new Ctes(null, null, List.of());

    Optional<List<Col>> lookup(String lower) {
      for (Ctes c = this; c != null; c = c.parent) {
        if (lower.equals(c.name)) {
          return Optional.of(c.cols);
        }
      }
      return Optional.empty();
    }
  }

  /** Names visible to the expressions of one SELECT. */
  static final class Scope {
    final Scope outer;
    final List<Relation> relations = new ArrayList<>();
    final Set<String> usingColumns = new HashSet<>();
    final List<Output> outputs = new ArrayList<>();

    Scope(Scope outer) {
      this.outer = outer;
    }
  }

  enum Clause {
    SELECT("an expression of the SELECT list"), SUBQUERY_SELECT("the SELECT list of a subquery or CTE"),
    WHERE("WHERE"), JOIN("a JOIN condition"), GROUP_BY("GROUP BY"), HAVING("HAVING"), ORDER_BY("ORDER BY"),
    WINDOW("a window (OVER ...)"), LATERAL_VIEW("LATERAL VIEW"), FILTER("a FILTER clause");

    final String where;

    Clause(String where) {
      this.where = where;
    }
  }

  /** Where an expression is: its scope, the CTEs visible, the clause and how many SELECT aliases it may use. */
  record Ctx(Scope scope, Ctes ctes, Clause clause, int aliases) {
    Ctx in(Clause c) {
      return new Ctx(scope, ctes, c, aliases);
    }

    Ctx withAliases(int n) {
      return new Ctx(scope, ctes, clause, n);
    }
  }

  record Printed(String sql, List<Col> cols) {}

  // ---- queries ----------------------------------------------------------------------------------

  /** Checks and prints the statement, applying the row limit to its outermost query. */
  String top(Select select) {
    return query(select, Ctes.NONE, null, true, true).sql();
  }

  /**
   * @param top whether this query's output is the statement's output (personal data may be listed, masked)
   * @param limitHere whether the statement's row limit goes on this query
   */
  private Printed query(Select select, Ctes ctes, Scope correlated, boolean top, boolean limitHere) {
    if (++queryDepth > MAX_QUERY_DEPTH) {
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
      queryDepth--;
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
        columnList = names.stream().map(this::ident).collect(Collectors.joining(", ", "(", ")"));
      }
      joiner.add(ident(name) + columnList + " AS (" + p.sql() + ")");
      current = new Ctes(current, name.toLowerCase(Locale.ROOT), cols);
    }
    sb.append(joiner);
    return current;
  }

  private static List<Col> rename(List<Col> cols, List<String> names, String what) {
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
    boolean plain = isEmpty(ps.getOrderByElements()) && ps.getLimit() == null && ps.getOffset() == null;
    Printed inner = query(ps.getSelect(), ctes, correlated, top && plain, false);
    StringBuilder sb = new StringBuilder("(").append(inner.sql()).append(')');
    Scope outputScope = outputScope(inner.cols(), correlated);
    appendOrderLimitOffset(ps, sb, new Ctx(outputScope, ctes, Clause.ORDER_BY, 0), limitHere);
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
      boolean wrap = branch instanceof PlainSelect ps && (!isEmpty(ps.getWithItemsList())
          || !isEmpty(ps.getOrderByElements()) || ps.getLimit() != null || ps.getOffset() != null);
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
    appendOrderLimitOffset(so, sb, new Ctx(outputScope(cols, correlated), ctes, Clause.ORDER_BY, 0), limitHere);
    return new Printed(sb.toString(), cols);
  }

  /**
   * In {@code a UNION b ORDER BY x LIMIT n}, JSqlParser may hang ORDER BY / LIMIT / OFFSET on the last
   * branch; SQL (and Spark) apply them to the whole set operation. Move them there so that what is
   * checked and printed means what Spark would run.
   */
  private static void hoistTrailingClauses(SetOperationList so) {
    Select last = so.getSelects().get(so.getSelects().size() - 1);
    if (!(last instanceof PlainSelect ps) || !isEmpty(so.getOrderByElements()) || so.getLimit() != null
        || so.getOffset() != null) {
      return;
    }
    if (!isEmpty(ps.getOrderByElements())) {
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
    if (!isEmpty(ps.getIntoTables()) || ps.getIntoTempTable() != null || ps.getMySqlSelectIntoClause() != null) {
      throw refuse(RefusalCode.INTO_NOT_ALLOWED, "SELECT ... INTO writes a table; only reading queries are allowed.");
    }
    if (ps.getForMode() != null || !isEmpty(ps.getForUpdateTables()) || ps.getForUpdateTable() != null) {
      throw refuse(RefusalCode.NOT_A_QUERY, "SELECT ... FOR UPDATE/SHARE locks rows; only reading queries are allowed.");
    }
    NodeAudit.check(ps, Set.of("distinct", "selectItems", "fromItem", "joins", "lateralViews", "where", "groupBy",
        "having", "withItemsList", "orderByElements", "limit", "offset"));
    Scope scope = new Scope(correlated);
    Ctx ctx = new Ctx(scope, ctes, top ? Clause.SELECT : Clause.SUBQUERY_SELECT, 0);

    // FROM first: the SELECT list is resolved against it.
    StringBuilder from = new StringBuilder();
    if (ps.getFromItem() != null) {
      from.append(" FROM ").append(fromItem(ps.getFromItem(), scope, ctes));
      if (ps.getJoins() != null) {
        for (Join join : ps.getJoins()) {
          from.append(join(join, scope, ctes));
        }
      }
      if (ps.getLateralViews() != null) {
        for (LateralView lv : ps.getLateralViews()) {
          from.append(lateralView(lv, ctx.in(Clause.LATERAL_VIEW)));
        }
      }
    } else if (!isEmpty(ps.getJoins()) || !isEmpty(ps.getLateralViews())) {
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
    sb.append(items).append(from);

    if (ps.getWhere() != null) {
      sb.append(" WHERE ").append(expr(ps.getWhere(), ctx.in(Clause.WHERE), false));
    }
    if (ps.getGroupBy() != null) {
      sb.append(groupBy(ps.getGroupBy(), ctx.in(Clause.GROUP_BY).withAliases(scope.outputs.size())));
    }
    if (ps.getHaving() != null) {
      sb.append(" HAVING ").append(expr(ps.getHaving(), ctx.in(Clause.HAVING).withAliases(scope.outputs.size()), false));
    }
    appendOrderLimitOffset(ps, sb, ctx.in(Clause.ORDER_BY).withAliases(scope.outputs.size()), limitHere);
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
      Relation r = relationByQualifier(scope, qualifierParts(star.getTable()))
          .orElseThrow(() -> refuse(RefusalCode.UNKNOWN_COLUMN, "%s.* does not name a table of this query.",
              star.getTable().getFullyQualifiedName()));
      expandStar(r, top, cols, scope);
      return qualifier(r) + ".*";
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
    if (e instanceof Column column && !isNumericColumn(column) && column.getArrayConstructor() == null) {
      ColumnRef ref = columnRef(column, ctx);
      piiBare = ref.pii();
      piiSource = ref.piiName();
      if (piiBare && restrictPii && !top) {
        throw piiRefusal(ref.piiName(), ctx.clause());
      }
      sql = ref.sql();
      if (name == null) {
        name = ref.name();
      }
    } else {
      sql = expr(e, ctx, false);
    }
    if (piiBare && restrictPii && top && name != null) {
      maskedColumns.add(name);
    }
    cols.add(new Col(name, piiBare));
    scope.outputs.add(new Output(name, piiBare, piiBare ? piiSource : null));
    return alias == null ? sql : sql + " AS " + ident(alias);
  }

  private void expandStar(Relation r, boolean top, List<Col> cols, Scope scope) {
    for (Col c : r.cols()) {
      if (c.pii() && restrictPii) {
        if (!top) {
          throw refuse(RefusalCode.PII_NOT_ALLOWED,
              "SELECT * in a subquery or CTE would read %s, which is personal data: business users may count it but "
                  + "not read it. List the columns you need instead.", c.name());
        }
        if (c.name() != null) {
          maskedColumns.add(c.name());
        }
      }
      cols.add(c);
      scope.outputs.add(new Output(c.name(), c.pii(), c.pii() ? c.name() : null));
    }
  }

  private String groupBy(GroupByElement g, Ctx ctx) {
    NodeAudit.check(g, Set.of("groupByExpressions", "groupingSets"));
    StringJoiner parts = new StringJoiner(", ", " GROUP BY ", "");
    if (g.getGroupByExpressionList() != null) {
      for (Expression e : g.getGroupByExpressionList()) {
        if (e instanceof AllValue) {
          for (Output o : ctx.scope().outputs) {
            if (o.piiBare() && restrictPii) {
              throw piiRefusal(o.describe(), Clause.GROUP_BY);
            }
          }
          parts.add("ALL");
        } else {
          int alias = dialect == SqlDialect.SPARK ? 0 : groupByAlias(e, ctx);
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
      long n = parseInteger(ordinal.getStringValue(), "ordinal");
      List<Output> outputs = ctx.scope().outputs;
      if (n < 1 || n > outputs.size()) {
        throw refuse(RefusalCode.UNKNOWN_COLUMN, "%s %d refers to no column of the SELECT list (it has %d).",
            ctx.clause().where, n, outputs.size());
      }
      Output o = outputs.get((int) n - 1);
      if (o.piiBare() && restrictPii) {
        throw piiRefusal(o.describe(), ctx.clause());
      }
      return Long.toString(n);
    }
    return expr(e, ctx, false);
  }

  private void appendOrderLimitOffset(Select s, StringBuilder sb, Ctx ctx, boolean limitHere) {
    if (!isEmpty(s.getOrderByElements())) {
      StringJoiner order = new StringJoiner(", ", " ORDER BY ", "");
      for (OrderByElement o : s.getOrderByElements()) {
        order.add(orderByElement(o, ctx, true));
      }
      sb.append(order);
    }
    OptionalLong given = limitValue(s.getLimit());
    OptionalLong printedLimit = given;
    if (limitHere) {
      if (given.isEmpty()) {
        limit = Math.min(wantedLimit, maxRows);
        limitAdded = true;
      } else if (given.getAsLong() > maxRows) {
        limit = maxRows;
        limitAdded = true;
      } else {
        limit = (int) given.getAsLong();
        limitAdded = false;
      }
      printedLimit = OptionalLong.of(limit);
    }
    OptionalLong printedOffset = OptionalLong.empty();
    Offset offset = s.getOffset();
    if (offset != null) {
      NodeAudit.check(offset, Set.of("offsetExpression"));
      if (!(offset.getOffset() instanceof LongValue v)) {
        throw refuse(RefusalCode.TOO_COMPLEX, "OFFSET must be a whole number.");
      }
      printedOffset = OptionalLong.of(parseInteger(v.getStringValue(), "OFFSET"));
    }
    sb.append(dialect.limitOffset(printedLimit, printedOffset));
  }

  private OptionalLong limitValue(Limit l) {
    if (l == null) {
      return OptionalLong.empty();
    }
    NodeAudit.check(l, Set.of("rowCount"));
    Expression rc = l.getRowCount();
    if (rc == null || rc instanceof AllValue || rc instanceof NullValue) {
      return OptionalLong.empty();
    }
    if (rc instanceof LongValue v) {
      return OptionalLong.of(parseLimit(v.getStringValue()));
    }
    throw refuse(RefusalCode.TOO_COMPLEX, "LIMIT must be a whole number.");
  }

  private String orderByElement(OrderByElement o, Ctx ctx, boolean ordinals) {
    NodeAudit.check(o, Set.of("expression", "asc", "ascDescPresent", "nullOrdering"));
    String e = ordinals ? orderingExpression(o.getExpression(), ctx) : expr(o.getExpression(), ctx, false);
    StringBuilder sb = new StringBuilder(e);
    if (!o.isAsc()) {
      sb.append(" DESC");
    } else if (o.isAscDescPresent()) {
      sb.append(" ASC");
    }
    if (o.getNullOrdering() != null) {
      sb.append(o.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST ? " NULLS FIRST" : " NULLS LAST");
    } else {
      sb.append(dialect.defaultNullOrdering(o.isAsc()));
    }
    return sb.toString();
  }

  // ---- FROM -------------------------------------------------------------------------------------

  private String fromItem(FromItem item, Scope scope, Ctes ctes) {
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
      Printed inner = query(ps.getSelect(), ctes, null, false, false);
      List<Col> cols = inner.cols();
      String name = null;
      StringBuilder sb = new StringBuilder("(").append(inner.sql()).append(')');
      if (ps.getAlias() != null) {
        Alias a = ps.getAlias();
        NodeAudit.check(a, Set.of("name", "useAs", "aliasColumns"));
        name = SqlText.checkName(a.getName(), "Alias");
        sb.append(" AS ").append(ident(name));
        if (!isEmpty(a.getAliasColumns())) {
          List<String> names = new ArrayList<>();
          for (Alias.AliasColumn ac : a.getAliasColumns()) {
            NodeAudit.check(ac, Set.of("name"));
            names.add(SqlText.checkName(ac.name, "Column name"));
          }
          cols = rename(cols, names, "Subquery " + name);
          sb.append(names.stream().map(this::ident).collect(Collectors.joining(", ", "(", ")")));
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

  private static String tableFunctionName(TableFunction tf) {
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
    List<String> parts = tableParts(t);
    String alias = null;
    if (t.getAlias() != null) {
      NodeAudit.check(t.getAlias(), Set.of("name", "useAs"));
      alias = SqlText.checkName(t.getAlias().getName(), "Alias");
    }
    String aliasSql = alias == null ? "" : " AS " + ident(alias);
    if (parts.size() == 1) {
      Optional<List<Col>> cte = ctes.lookup(parts.get(0));
      if (cte.isPresent()) {
        if (travelClause != null && !travelClause.isBlank()) {
          throw refuse(RefusalCode.TOO_COMPLEX, "Time travel applies to tables, not to the CTE %s.", parts.get(0));
        }
        String cteName = parts.get(0);
        String key = alias != null ? alias.toLowerCase(Locale.ROOT) : cteName;
        scope.relations.add(new Relation(key, alias != null ? alias : cteName, null, cte.get()));
        return ident(cteName) + aliasSql;
      }
    }
    TableId id = resolveTable(parts, t.getFullyQualifiedName());
    if (!role.mayRead(id)) {
      throw refuse(RefusalCode.TABLE_NOT_ALLOWED, "The %s role may not read %s. Tables it may read: %s.",
          role.wireName(), id, readableTables());
    }
    String travel = timeTravel(travelClause);
    tables.add(id);
    TableSpec spec = Tables.spec(id).orElseThrow();
    List<Col> cols = new ArrayList<>();
    for (ColumnSpec c : spec.columns()) {
      cols.add(new Col(c.name(), c.pii()));
    }
    String key = alias != null ? alias.toLowerCase(Locale.ROOT) : id.name();
    scope.relations.add(new Relation(key, alias != null ? alias : id.name(), id, List.copyOf(cols)));
    return id.namespace() + "." + id.name() + travel + aliasSql;
  }

  /** The parts of a table name, unquoted and lower-cased; refuses paths and malformed names. */
  private static List<String> tableParts(Table t) {
    List<String> raw = new ArrayList<>(t.getNameParts());
    java.util.Collections.reverse(raw);
    List<String> parts = new ArrayList<>();
    for (String r : raw) {
      String p = SqlText.unquote(r == null ? "" : r);
      if (p.contains("/") || p.contains(":") || p.contains("\\")) {
        throw refuse(RefusalCode.UNKNOWN_TABLE, "Reading files by path (%s) is not allowed: select from the contract tables.",
            t.getFullyQualifiedName());
      }
      for (String piece : p.split("\\.", -1)) {
        if (!SqlText.isSimple(piece)) {
          throw refuse(RefusalCode.UNKNOWN_TABLE, "%s is not a valid table name.", t.getFullyQualifiedName());
        }
        parts.add(piece.toLowerCase(Locale.ROOT));
      }
    }
    if (parts.isEmpty()) {
      throw refuse(RefusalCode.UNKNOWN_TABLE, "Missing table name.");
    }
    return parts;
  }

  private TableId resolveTable(List<String> parts, String written) {
    if (parts.stream().anyMatch(SYSTEM_NAMESPACES::contains)) {
      throw refuse(RefusalCode.METADATA_TABLE, "%s is a system or metadata table; query the contract tables instead.",
          written);
    }
    if (parts.size() >= 2 && FILE_FORMATS.contains(parts.get(0))) {
      throw refuse(RefusalCode.UNKNOWN_TABLE, "Reading files directly (%s) is not allowed: select from the contract tables.",
          written);
    }
    if (parts.size() == 2 && (parts.get(0).equals("spark_catalog") || parts.get(0).equals(catalog))
        || parts.size() >= 3 && parts.get(0).equals("spark_catalog")) {
      throw refuse(RefusalCode.UNKNOWN_TABLE, "%s is not a table of the lake catalog. Tables you may query: %s.", written,
          readableTables());
    }
    final List<String> p = parts.size() >= 3 && parts.get(0).equals(catalog) ? parts.subList(1, parts.size()) : parts;
    if (p.size() == 1) {
      String name = p.get(0);
      List<TableSpec> matches = Tables.ALL.stream().filter(s -> s.id().name().equals(name)).toList();
      if (matches.size() == 1) {
        return matches.get(0).id();
      }
      throw refuse(RefusalCode.UNKNOWN_TABLE, "Unknown table %s. Tables you may query: %s.", written, readableTables());
    }
    Optional<TableId> direct = contractTable(p.get(0), p.get(1));
    if (p.size() == 2) {
      if (direct.isPresent()) {
        return direct.get();
      }
      if (Tables.ALL.stream().anyMatch(s -> s.id().name().equals(p.get(0)))) {
        throw refuse(RefusalCode.METADATA_TABLE,
            "%s is Iceberg metadata (snapshots, history, files, manifests, branches, tags), not a query table.", written);
      }
      throw refuse(RefusalCode.UNKNOWN_TABLE, "Unknown table %s. Tables you may query: %s.", written, readableTables());
    }
    if (direct.isPresent()) {
      throw refuse(RefusalCode.METADATA_TABLE,
          "%s is Iceberg metadata (snapshots, history, files, manifests, branches, tags), not a query table. "
              + "For an older version use %s VERSION AS OF <snapshot id>.", written, direct.get());
    }
    throw refuse(RefusalCode.UNKNOWN_TABLE, "%s is not a table of the lake catalog. Tables you may query: %s.", written,
        readableTables());
  }

  private static Optional<TableId> contractTable(String namespace, String name) {
    return Tables.ALL.stream().map(TableSpec::id)
        .filter(id -> id.namespace().equals(namespace) && id.name().equals(name)).findFirst();
  }

  private String readableTables() {
    return Tables.ALL.stream().map(TableSpec::id).filter(role::mayRead).map(TableId::toString)
        .collect(Collectors.joining(", "));
  }

  private String timeTravel(String clause) {
    if (clause == null || clause.isBlank()) {
      return "";
    }
    Matcher v = VERSION_AS_OF.matcher(clause);
    if (v.matches()) {
      timeTravel = true;
      return dialect.versionAsOf(parseInteger(v.group(1), "snapshot id"));
    }
    Matcher ts = TIMESTAMP_AS_OF.matcher(clause);
    if (ts.matches()) {
      String value = ts.group(1).trim();
      try {
        if (value.length() == 10) {
          LocalDate.parse(value);
        } else {
          LocalDateTime.parse(value.replace(' ', 'T'));
        }
      } catch (DateTimeParseException e) {
        throw refuse(RefusalCode.PARSE_ERROR, "'%s' is not a valid timestamp for TIMESTAMP AS OF.", value);
      }
      timeTravel = true;
      return dialect.timestampAsOf(value);
    }
    throw refuse(RefusalCode.TOO_COMPLEX,
        "Time travel must be VERSION AS OF <snapshot id> or TIMESTAMP AS OF '<yyyy-MM-dd HH:mm:ss>' (found%s).", clause);
  }

  private String join(Join j, Scope scope, Ctes ctes) {
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
    boolean hasUsing = !isEmpty(j.getUsingColumns());
    if ((!on.isEmpty() || hasUsing) && (j.isSimple() || j.isCross())) {
      throw refuse(RefusalCode.PARSE_ERROR, "A cross join has no ON or USING condition.");
    }
    if (!on.isEmpty() && hasUsing) {
      throw refuse(RefusalCode.PARSE_ERROR, "A join has either ON or USING, not both.");
    }
    if (!on.isEmpty()) {
      sb.append(" ON ").append(expr(on.get(0), ctx, false));
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
        if (restrictPii && (r.get().pii() || l.get().pii())) {
          throw piiRefusal(r.get().name(), Clause.JOIN);
        }
        scope.usingColumns.add(lower);
        using.add(ident(r.get().name()));
      }
      sb.append(using);
    }
    return sb.toString();
  }

  private String lateralView(LateralView lv, Ctx ctx) {
    NodeAudit.check(lv, Set.of("isUsingOuter", "generatorFunction", "tableAlias", "columnAlias"));
    Function f = lv.getGeneratorFunction();
    String fname = functionName(f);
    if (Functions.kind(fname).orElse(null) != Functions.Kind.GENERATOR) {
      throw Functions.kind(fname).isPresent()
          ? refuse(RefusalCode.FORBIDDEN_FUNCTION, "LATERAL VIEW needs explode or posexplode, not %s.", fname)
          : Functions.refusal(fname);
    }
    String call = function(f, ctx);
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
      if (!isEmpty(ca.getAliasColumns())) {
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
    return dialect.lateralView(lv.isUsingOuter(), generator, call, tableAlias, names);
  }

  // ---- columns ----------------------------------------------------------------------------------

  /** A resolved column reference; {@code piiName} names the personal data it reads, for messages. */
  record ColumnRef(String sql, String name, boolean pii, String piiName) {
    ColumnRef(String sql, String name, boolean pii) {
      this(sql, name, pii, name);
    }
  }

  private static boolean isNumericColumn(Column c) {
    return c.getTable() == null && SUFFIXED_INTEGER.matcher(c.getColumnName()).matches();
  }

  private static List<String> qualifierParts(Table t) {
    if (t == null || t.getNameParts() == null || t.getNameParts().isEmpty()) {
      return List.of();
    }
    List<String> raw = new ArrayList<>(t.getNameParts());
    java.util.Collections.reverse(raw);
    List<String> out = new ArrayList<>();
    for (String r : raw) {
      String p = SqlText.unquote(r == null ? "" : r);
      if (!SqlText.isSimple(p)) {
        throw refuse(RefusalCode.UNKNOWN_COLUMN, "%s is not a valid table qualifier.", t.getFullyQualifiedName());
      }
      out.add(p.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private String qualifier(Relation r) {
    return ident(r.printName());
  }

  /** The relation a qualifier names in the innermost scope that has it. */
  private Optional<Relation> relationByQualifier(Scope scope, List<String> q) {
    for (Scope s = scope; s != null; s = s.outer) {
      Optional<Relation> r = relationIn(s, q);
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }

  private Optional<Relation> relationIn(Scope s, List<String> q) {
    List<String> p = q.size() >= 3 && q.get(0).equals(catalog) ? q.subList(1, q.size()) : q;
    for (Relation r : s.relations) {
      if (p.size() == 1 && p.get(0).equals(r.key())) {
        return Optional.of(r);
      }
      if (p.size() == 2 && r.table() != null && r.key().equals(r.table().name())
          && r.table().namespace().equals(p.get(0)) && r.table().name().equals(p.get(1))) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private ColumnRef columnRef(Column c, Ctx ctx) {
    NodeAudit.check(c, Set.of("table", "columnName", "tableDelimiter", "arrayConstructor"));
    if (c.getTableDelimiter() != null && !c.getTableDelimiter().equals(".")) {
      throw refuse(RefusalCode.PARSE_ERROR, "Unsupported column reference %s.", c.getFullyQualifiedName());
    }
    String raw = c.getColumnName();
    String name = SqlText.unquote(raw);
    if (!SqlText.isSimple(name) && !(raw.startsWith("`") && isPrintableName(name))) {
      throw refuse(RefusalCode.UNKNOWN_COLUMN, "Unknown column %s.", c.getFullyQualifiedName());
    }
    String lower = name.toLowerCase(Locale.ROOT);
    List<String> q = qualifierParts(c.getTable());
    if (!q.isEmpty()) {
      Relation r = relationByQualifier(ctx.scope(), q).orElseThrow(() -> refuse(RefusalCode.UNKNOWN_COLUMN,
          "Unknown column %s: no table or alias named %s in this query.", c.getFullyQualifiedName(), String.join(".", q)));
      Col col = r.col(lower).orElseThrow(() -> refuse(RefusalCode.UNKNOWN_COLUMN,
          "Unknown column %s: %s has no column %s. Its columns are: %s.", c.getFullyQualifiedName(), r.describe(), name,
          columnList(r)));
      return new ColumnRef(qualifier(r) + "." + ident(col.name()), col.name(), col.pii());
    }
    for (Set<String> vars : lambdaVariables) {
      if (vars.contains(lower)) {
        return new ColumnRef(ident(name), name, false);
      }
    }
    for (Scope s = ctx.scope(); s != null; s = s.outer) {
      List<Relation> matches = new ArrayList<>();
      for (Relation r : s.relations) {
        if (r.col(lower).isPresent()) {
          matches.add(r);
        }
      }
      Output alias = null;
      if (s == ctx.scope()) {
        for (int i = 0; i < Math.min(ctx.aliases(), s.outputs.size()); i++) {
          if (lower.equals(s.outputs.get(i).key())) {
            alias = s.outputs.get(i);
            break;
          }
        }
      }
      if (matches.size() > 1 && !s.usingColumns.contains(lower)) {
        throw refuse(RefusalCode.UNKNOWN_COLUMN, "Column %s is ambiguous: it exists in %s. Qualify it, e.g. %s.%s.", name,
            matches.stream().map(Relation::describe).collect(Collectors.joining(" and ")),
            matches.get(0).printName() == null ? "t" : matches.get(0).printName(), name);
      }
      if (!matches.isEmpty()) {
        boolean pii = false;
        Col first = null;
        for (Relation r : matches) {
          Col col = r.col(lower).orElseThrow();
          pii |= col.pii();
          if (first == null) {
            first = col;
          }
        }
        boolean viaAlias = !pii && alias != null && alias.piiBare();
        pii |= viaAlias;
        return new ColumnRef(ident(first.name()), first.name(), pii, viaAlias ? alias.describe() : first.name());
      }
      if (alias != null) {
        return new ColumnRef(ident(alias.name()), alias.name(), alias.piiBare(), alias.describe());
      }
    }
    throw refuse(RefusalCode.UNKNOWN_COLUMN, "Unknown column %s. %s", name, inScope(ctx.scope()));
  }

  private static boolean isPrintableName(String name) {
    try {
      SqlText.ident(name);
      return true;
    } catch (SqlRefusedException e) {
      return false;
    }
  }

  private static String columnList(Relation r) {
    return r.cols().stream().map(Col::name).filter(n -> n != null).collect(Collectors.joining(", "));
  }

  private static String inScope(Scope scope) {
    if (scope.relations.isEmpty()) {
      return "The query reads no table.";
    }
    StringJoiner sj = new StringJoiner("; ", "Columns in scope: ", ".");
    for (Relation r : scope.relations) {
      sj.add(r.describe() + ": " + columnList(r));
    }
    return sj.toString();
  }

  private SqlRefusedException piiRefusal(String column, Clause clause) {
    return refuse(RefusalCode.PII_NOT_ALLOWED,
        "%s is personal data: business users may count it (count(DISTINCT ...), approx_count_distinct(...)) or list it "
            + "as a plain result column, which is masked, but not read, filter, group, sort, join on or transform it "
            + "(found in %s).", column, clause.where);
  }

  // ---- expressions ------------------------------------------------------------------------------

  /** Precedence of the printed form of {@code e}; higher binds tighter. */
  private static int precedence(Expression e) {
    if (e instanceof OrExpression) {
      return 1;
    }
    if (e instanceof AndExpression) {
      return 2;
    }
    if (e instanceof NotExpression) {
      return 3;
    }
    if (e instanceof ComparisonOperator || e instanceof LikeExpression || e instanceof InExpression
        || e instanceof Between || e instanceof IsNullExpression || e instanceof IsBooleanExpression
        || e instanceof IsDistinctExpression || e instanceof ExistsExpression) {
      return 4;
    }
    if (e instanceof Addition || e instanceof Subtraction || e instanceof Concat) {
      return 8;
    }
    if (e instanceof Multiplication || e instanceof Division || e instanceof IntegerDivision || e instanceof Modulo) {
      return 9;
    }
    if (e instanceof SignedExpression) {
      return 10;
    }
    if (e instanceof LambdaExpression) {
      return 0;
    }
    return 11;
  }

  private String operand(Expression e, int minPrecedence, Ctx ctx) {
    String s = expr(e, ctx, false);
    return precedence(e) < minPrecedence ? "(" + s + ")" : s;
  }

  /**
   * Checks and prints one expression. {@code piiBareAllowed}: a bare personal-data column is allowed
   * right here (the direct argument of a counting aggregate).
   */
  String expr(Expression e, Ctx ctx, boolean piiBareAllowed) {
    if (++exprDepth > MAX_EXPRESSION_DEPTH) {
      throw refuse(RefusalCode.TOO_COMPLEX, "An expression is nested more than %d levels deep.", MAX_EXPRESSION_DEPTH);
    }
    if (++nodes > MAX_NODES) {
      throw refuse(RefusalCode.TOO_COMPLEX, "The query has more than %d expressions.", MAX_NODES);
    }
    try {
      return exprUnchecked(e, ctx, piiBareAllowed);
    } finally {
      exprDepth--;
    }
  }

  private String exprUnchecked(Expression e, Ctx ctx, boolean piiBareAllowed) {
    if (e == null) {
      throw refuse(RefusalCode.PARSE_ERROR, "Missing expression.");
    }
    if (e instanceof Column c) {
      if (isNumericColumn(c)) {
        return c.getColumnName().toUpperCase(Locale.ROOT);
      }
      ColumnRef ref = columnRef(c, ctx);
      boolean subscript = c.getArrayConstructor() != null;
      if (ref.pii() && restrictPii && (!piiBareAllowed || subscript)) {
        throw piiRefusal(ref.piiName(), ctx.clause());
      }
      if (subscript) {
        ArrayConstructor index = c.getArrayConstructor();
        NodeAudit.check(index, Set.of("expressions"));
        if (index.getExpressions() == null || index.getExpressions().size() != 1) {
          throw refuse(RefusalCode.TOO_COMPLEX, "Subscripts take one index: %s[...].", ref.name());
        }
        return ref.sql() + "[" + expr(index.getExpressions().get(0), ctx, false) + "]";
      }
      return ref.sql();
    }
    if (e instanceof DateUnitExpression unit) {
      // JSqlParser reads a bare year, month, day... as a date unit; in Spark it is a column or alias name.
      NodeAudit.check(unit, Set.of("type"));
      return expr(new Column(unit.getType().name().toLowerCase(Locale.ROOT)), ctx, piiBareAllowed);
    }
    if (e instanceof LongValue v) {
      NodeAudit.check(v, Set.of("stringValue"));
      if (!INTEGER.matcher(v.getStringValue()).matches()) {
        throw refuse(RefusalCode.PARSE_ERROR, "Unsupported number %s.", v.getStringValue());
      }
      return v.getStringValue();
    }
    if (e instanceof DoubleValue v) {
      NodeAudit.check(v, Set.of("value", "stringValue"));
      String text = v.toString();
      if (!DECIMAL.matcher(text).matches()) {
        throw refuse(RefusalCode.PARSE_ERROR, "Unsupported number %s.", text);
      }
      return text;
    }
    if (e instanceof StringValue v) {
      NodeAudit.check(v, Set.of("value", "quoteStr"));
      return dialect.stringLiteral(SqlText.stringLiteral(v.getValue(), v.getQuoteStr()));
    }
    if (e instanceof NullValue) {
      return "NULL";
    }
    if (e instanceof BooleanValue b) {
      return b.getValue() ? "TRUE" : "FALSE";
    }
    if (e instanceof DateTimeLiteralExpression d) {
      return dateTimeLiteral(d);
    }
    if (e instanceof TimeKeyExpression t) {
      NodeAudit.check(t, Set.of("stringValue"));
      String key = t.getStringValue().toLowerCase(Locale.ROOT).replace(" ", "");
      return switch (key) {
        case "current_date", "current_date()" -> dialect.call("current_date", List.of(), false);
        case "current_timestamp", "current_timestamp()" -> dialect.call("current_timestamp", List.of(), false);
        default -> throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "%s is not allowed.", t.getStringValue());
      };
    }
    if (e instanceof IntervalExpression i) {
      return interval(i);
    }
    if (e instanceof ParenthesedExpressionList<?> list) {
      if (list.size() == 1) {
        return "(" + expr(list.get(0), ctx, false) + ")";
      }
      return tuple(list, ctx);
    }
    if (e instanceof ParenthesedSelect ps) {
      if (ps instanceof LateralSubSelect) {
        throw refuse(RefusalCode.TOO_COMPLEX, "LATERAL subqueries are not supported.");
      }
      NodeAudit.check(ps, Set.of("select"));
      return "(" + query(ps.getSelect(), ctx.ctes(), ctx.scope(), false, false).sql() + ")";
    }
    if (e instanceof AnalyticExpression a) {
      return analytic(a, ctx);
    }
    if (e instanceof TableFunction tf) {
      throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "Table-valued function %s is not allowed.", tableFunctionName(tf));
    }
    if (e instanceof Function f) {
      return function(f, ctx);
    }
    if (e instanceof CaseExpression c) {
      NodeAudit.check(c, Set.of("switchExpression", "whenClauses", "elseExpression"));
      StringBuilder sb = new StringBuilder("CASE");
      if (c.getSwitchExpression() != null) {
        sb.append(' ').append(expr(c.getSwitchExpression(), ctx, false));
      }
      for (WhenClause w : c.getWhenClauses()) {
        NodeAudit.check(w, Set.of("whenExpression", "thenExpression"));
        sb.append(" WHEN ").append(expr(w.getWhenExpression(), ctx, false)).append(" THEN ")
            .append(expr(w.getThenExpression(), ctx, false));
      }
      if (c.getElseExpression() != null) {
        sb.append(" ELSE ").append(expr(c.getElseExpression(), ctx, false));
      }
      return sb.append(" END").toString();
    }
    if (e instanceof CastExpression c) {
      return cast(c, ctx);
    }
    if (e instanceof ExtractExpression x) {
      NodeAudit.check(x, Set.of("name", "expression"));
      String field = x.getName().toUpperCase(Locale.ROOT);
      if (!EXTRACT_FIELDS.contains(field)) {
        throw refuse(RefusalCode.TOO_COMPLEX, "EXTRACT(%s ...) is not supported.", x.getName());
      }
      return "EXTRACT(" + field + " FROM " + expr(x.getExpression(), ctx, false) + ")";
    }
    if (e instanceof TrimFunction t) {
      return trim(t, ctx);
    }
    if (e instanceof AndExpression || e instanceof OrExpression) {
      return chain((BinaryExpression) e, ctx);
    }
    if (e instanceof NotExpression n) {
      NodeAudit.check(n, Set.of("expression", "exclamationMark"));
      return "NOT " + operand(n.getExpression(), 3, ctx);
    }
    if (e instanceof ComparisonOperator c) {
      return comparison(c, ctx);
    }
    if (e instanceof IsDistinctExpression d) {
      NodeAudit.check(d, Set.of("leftExpression", "rightExpression", "not"));
      return operand(d.getLeftExpression(), 5, ctx) + (d.isNot() ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ")
          + operand(d.getRightExpression(), 5, ctx);
    }
    if (e instanceof Addition || e instanceof Subtraction || e instanceof Concat || e instanceof Multiplication
        || e instanceof Division || e instanceof IntegerDivision || e instanceof Modulo) {
      BinaryExpression b = (BinaryExpression) e;
      NodeAudit.check(b, Set.of("leftExpression", "rightExpression"));
      String op = e instanceof Addition ? "+" : e instanceof Subtraction ? "-" : e instanceof Concat ? "||"
          : e instanceof Multiplication ? "*" : e instanceof Division ? "/" : e instanceof IntegerDivision ? "DIV" : "%";
      int p = precedence(e);
      String left = operand(b.getLeftExpression(), p, ctx);
      String right = operand(b.getRightExpression(), p + 1, ctx);
      if (e instanceof Division) {
        return dialect.divide(left, right);
      }
      return e instanceof IntegerDivision ? dialect.integerDivide(left, right) : left + " " + op + " " + right;
    }
    if (e instanceof SignedExpression s) {
      NodeAudit.check(s, Set.of("sign", "expression"));
      if (s.getSign() != '-' && s.getSign() != '+') {
        throw refuse(RefusalCode.TOO_COMPLEX, "The operator %s is not supported.", s.getSign());
      }
      return s.getSign() + operand(s.getExpression(), 11, ctx);
    }
    if (e instanceof LikeExpression l) {
      return like(l, ctx);
    }
    if (e instanceof InExpression in) {
      return in(in, ctx);
    }
    if (e instanceof Between b) {
      NodeAudit.check(b, Set.of("leftExpression", "not", "betweenExpressionStart", "betweenExpressionEnd"));
      return operand(b.getLeftExpression(), 5, ctx) + (b.isNot() ? " NOT BETWEEN " : " BETWEEN ")
          + operand(b.getBetweenExpressionStart(), 5, ctx) + " AND " + operand(b.getBetweenExpressionEnd(), 5, ctx);
    }
    if (e instanceof IsNullExpression n) {
      NodeAudit.check(n, Set.of("leftExpression", "not", "useIsNull", "useNotNull"));
      boolean not = n.isNot() || n.isUseNotNull();
      return operand(n.getLeftExpression(), 5, ctx) + (not ? " IS NOT NULL" : " IS NULL");
    }
    if (e instanceof IsBooleanExpression b) {
      NodeAudit.check(b, Set.of("leftExpression", "not", "isTrue"));
      return operand(b.getLeftExpression(), 5, ctx) + " IS " + (b.isNot() ? "NOT " : "") + (b.isTrue() ? "TRUE" : "FALSE");
    }
    if (e instanceof ExistsExpression x) {
      NodeAudit.check(x, Set.of("rightExpression", "not"));
      if (x.getRightExpression() instanceof ParenthesedSelect ps && !(ps instanceof LateralSubSelect)) {
        NodeAudit.check(ps, Set.of("select"));
        return (x.isNot() ? "NOT " : "") + "EXISTS (" + query(ps.getSelect(), ctx.ctes(), ctx.scope(), false, false).sql()
            + ")";
      }
      if (x.getRightExpression() instanceof ParenthesedExpressionList<?> args) {
        return (x.isNot() ? "NOT " : "") + call("exists", new ArrayList<>(args), false, ctx);
      }
      throw refuse(RefusalCode.TOO_COMPLEX, "Unsupported EXISTS form.");
    }
    if (e instanceof ArrayExpression a) {
      NodeAudit.check(a, Set.of("objExpression", "indexExpression"));
      return operand(a.getObjExpression(), 11, ctx) + "[" + expr(a.getIndexExpression(), ctx, false) + "]";
    }
    if (e instanceof LambdaExpression) {
      throw refuse(RefusalCode.TOO_COMPLEX, "A lambda (x -> ...) may only be an argument of transform, filter, exists or forall.");
    }
    if (e instanceof StructType) {
      throw Functions.refusal("struct");
    }
    if (e instanceof AllColumns || e instanceof AllTableColumns) {
      throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "* may only be used as a SELECT item or in count(*).");
    }
    if (e instanceof JdbcParameter || e instanceof JdbcNamedParameter) {
      throw refuse(RefusalCode.TOO_COMPLEX, "Query parameters (?, :name) are not supported: write the values.");
    }
    if (e instanceof UserVariable u) {
      throw refuse(RefusalCode.TOO_COMPLEX, "Variables (%s) are not supported.", u);
    }
    if (e instanceof AllValue) {
      throw refuse(RefusalCode.PARSE_ERROR, "ALL is only allowed in GROUP BY ALL.");
    }
    throw refuse(RefusalCode.TOO_COMPLEX, "The SQL uses %s, which the guard does not support.", describe(e));
  }

  private static String describe(Expression e) {
    String name = e.getClass().getSimpleName();
    String text = String.valueOf(e);
    return "a construct it cannot check (" + name + ": " + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + ")";
  }

  /**
   * Prints a left-deep chain {@code a AND b AND c ...} (or OR) without recursing once per operator,
   * so that long generated conditions stay within the nesting limit.
   */
  private String chain(BinaryExpression e, Ctx ctx) {
    Class<?> type = e.getClass();
    Deque<Expression> operands = new ArrayDeque<>();
    Expression cur = e;
    while (cur.getClass() == type) {
      BinaryExpression b = (BinaryExpression) cur;
      NodeAudit.check(b, Set.of("leftExpression", "rightExpression", "useOperator"));
      operands.push(b.getRightExpression());
      cur = b.getLeftExpression();
      if (++nodes > MAX_NODES) {
        throw refuse(RefusalCode.TOO_COMPLEX, "The query has more than %d expressions.", MAX_NODES);
      }
    }
    operands.push(cur);
    int p = precedence(e);
    String op = e instanceof AndExpression ? " AND " : " OR ";
    StringJoiner sj = new StringJoiner(op);
    for (Expression x : operands) {
      sj.add(operand(x, p, ctx));
    }
    return sj.toString();
  }

  private String tuple(List<? extends Expression> list, Ctx ctx) {
    StringJoiner sj = new StringJoiner(", ", "(", ")");
    for (Expression x : list) {
      sj.add(expr(x, ctx, false));
    }
    return sj.toString();
  }

  private String comparison(ComparisonOperator c, Ctx ctx) {
    NodeAudit.check(c, Set.of("leftExpression", "rightExpression", "operator"));
    String op;
    if (c instanceof EqualsTo) {
      op = "=";
    } else if (c instanceof NotEqualsTo) {
      op = "<>";
    } else if (c instanceof GreaterThan) {
      op = ">";
    } else if (c instanceof GreaterThanEquals) {
      op = ">=";
    } else if (c instanceof MinorThan) {
      op = "<";
    } else if (c instanceof MinorThanEquals) {
      op = "<=";
    } else if (c instanceof CosineSimilarity && "<=>".equals(c.getStringExpression())) {
      op = "<=>";
    } else {
      throw refuse(RefusalCode.TOO_COMPLEX, "The operator %s is not supported.", c.getStringExpression());
    }
    String given = c.getStringExpression() == null ? "" : c.getStringExpression().replace(" ", "");
    if (!Set.of("=", "==", "<>", "!=", ">", ">=", "<", "<=", "<=>", "^=").contains(given)) {
      throw refuse(RefusalCode.TOO_COMPLEX, "The operator %s is not supported.", c.getStringExpression());
    }
    return operand(c.getLeftExpression(), 5, ctx) + " " + op + " " + operand(c.getRightExpression(), 5, ctx);
  }

  private String like(LikeExpression l, Ctx ctx) {
    NodeAudit.check(l, Set.of("leftExpression", "rightExpression", "not", "escapeExpression", "likeKeyWord"));
    String keyword = switch (l.getLikeKeyWord()) {
      case LIKE -> "LIKE";
      case ILIKE -> "ILIKE";
      case RLIKE, REGEXP, REGEXP_LIKE -> "RLIKE";
      default -> throw refuse(RefusalCode.TOO_COMPLEX, "%s is not supported.", l.getLikeKeyWord());
    };
    if (l.getRightExpression() instanceof Function f && functionName(f).matches("any|all|some")) {
      throw refuse(RefusalCode.TOO_COMPLEX, "LIKE ANY/ALL is not supported: combine LIKE conditions with OR/AND.");
    }
    if (keyword.equals("RLIKE")) {
      regexLiteral(l.getRightExpression(), "RLIKE");
    }
    if (keyword.equals("RLIKE") && l.getEscape() == null) {
      return dialect.regexMatch(operand(l.getLeftExpression(), 5, ctx), l.isNot(), operand(l.getRightExpression(), 5, ctx));
    }
    StringBuilder sb = new StringBuilder(operand(l.getLeftExpression(), 5, ctx)).append(l.isNot() ? " NOT " : " ")
        .append(keyword).append(' ').append(operand(l.getRightExpression(), 5, ctx));
    if (l.getEscape() != null) {
      if (!(l.getEscape() instanceof StringValue)) {
        throw refuse(RefusalCode.TOO_COMPLEX, "ESCAPE must be a one-character string.");
      }
      sb.append(" ESCAPE ").append(expr(l.getEscape(), ctx, false));
    }
    return sb.toString();
  }

  private String in(InExpression in, Ctx ctx) {
    NodeAudit.check(in, Set.of("leftExpression", "not", "rightExpression"));
    String left = operand(in.getLeftExpression(), 5, ctx);
    Expression right = in.getRightExpression();
    String rightSql;
    if (right instanceof ParenthesedSelect ps && !(ps instanceof LateralSubSelect)) {
      rightSql = expr(ps, ctx, false);
    } else if (right instanceof ExpressionList<?> list) {
      rightSql = tuple(list, ctx);
    } else {
      throw refuse(RefusalCode.TOO_COMPLEX, "IN needs a list of values or a subquery.");
    }
    return left + (in.isNot() ? " NOT IN " : " IN ") + rightSql;
  }

  private String dateTimeLiteral(DateTimeLiteralExpression d) {
    NodeAudit.check(d, Set.of("value", "type"));
    String value = d.getValue().trim();
    switch (d.getType()) {
      case DATE -> {
        Matcher m = DATE_LITERAL.matcher(value);
        if (!m.matches()) {
          throw refuse(RefusalCode.PARSE_ERROR, "DATE %s is not a date (yyyy-MM-dd).", value);
        }
        try {
          LocalDate.parse(m.group(1));
        } catch (DateTimeParseException ex) {
          throw refuse(RefusalCode.PARSE_ERROR, "DATE %s is not a valid date.", value);
        }
        return "DATE '" + m.group(1) + "'";
      }
      case TIMESTAMP -> {
        Matcher m = TIMESTAMP_LITERAL.matcher(value);
        if (!m.matches()) {
          throw refuse(RefusalCode.PARSE_ERROR, "TIMESTAMP %s is not a timestamp (yyyy-MM-dd HH:mm:ss).", value);
        }
        return "TIMESTAMP '" + m.group(1) + "'";
      }
      default -> throw refuse(RefusalCode.TOO_COMPLEX, "%s literals are not supported.", d.getType());
    }
  }

  /** The single unit of an interval ({@code DAY}, {@code MONTHS}...), or null when it has none or several. */
  @SuppressWarnings("deprecation") // JSqlParser still fills intervalType for INTERVAL 30 DAYS
  private static String intervalUnit(IntervalExpression i) {
    if (i.getIntervalType() != null) {
      return i.getIntervalType().trim().toUpperCase(Locale.ROOT);
    }
    IntervalQualifier q = i.getIntervalQualifier();
    if (q != null && q.getLeadingField() != null && q.getTrailingField() == null && q.getLeadingFieldPrecision() == null
        && q.getFractionalSecondsPrecision() == null) {
      return q.getLeadingField().trim().toUpperCase(Locale.ROOT);
    }
    return null;
  }

  private String interval(IntervalExpression i) {
    NodeAudit.check(i, Set.of("intervalKeyword", "parameter", "intervalType", "intervalQualifier"));
    if (!i.isUsingIntervalKeyword()) {
      throw refuse(RefusalCode.TOO_COMPLEX, "Write intervals as INTERVAL 30 DAYS.");
    }
    String p = i.getParameter() == null ? "" : i.getParameter().trim();
    String type = intervalUnit(i);
    if (type == null && i.getIntervalQualifier() != null) {
      throw refuse(RefusalCode.TOO_COMPLEX, "Unsupported interval %s: write INTERVAL 30 DAYS.", i);
    }
    if (type == null) {
      Matcher m = INTERVAL_STRING.matcher(p);
      if (!m.matches()) {
        throw refuse(RefusalCode.TOO_COMPLEX, "Unsupported interval %s: write INTERVAL 30 DAYS.", p);
      }
      return dialect.interval(m.group(1), m.group(2).toUpperCase(Locale.ROOT));
    }
    String unit = type;
    Matcher m = INTERVAL_NUMBER.matcher(p);
    if (!m.matches() || !INTERVAL_UNITS.contains(unit)) {
      throw refuse(RefusalCode.TOO_COMPLEX, "Unsupported interval %s %s: write INTERVAL 30 DAYS.", p, unit);
    }
    return dialect.interval(m.group(1) != null ? m.group(1) : m.group(2), unit);
  }

  private String cast(CastExpression c, Ctx ctx) {
    NodeAudit.check(c, Set.of("keyword", "leftExpression", "colDataType"));
    String keyword = c.keyword == null ? "CAST" : c.keyword.trim().toUpperCase(Locale.ROOT);
    if (!keyword.equals("CAST") && !keyword.equals("TRY_CAST")) {
      throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "Function %s is not allowed: use CAST or TRY_CAST.", c.keyword);
    }
    ColDataType t = c.getColDataType();
    NodeAudit.check(t, Set.of("dataType", "argumentsStringList", "precision", "scale"));
    String type = (t.getDataType() + (isEmpty(t.getArgumentsStringList()) ? ""
        : "(" + String.join(",", t.getArgumentsStringList()) + ")")).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    Matcher m = CAST_TYPE.matcher(type);
    if (!m.matches()) {
      throw refuse(RefusalCode.TOO_COMPLEX, "Casting to %s is not supported: use a scalar type such as STRING, INT, "
          + "BIGINT, DOUBLE, DECIMAL(p,s), DATE, TIMESTAMP or BOOLEAN.", t.getDataType());
    }
    String canonical;
    if (m.group(1) != null) {
      canonical = m.group(1).toUpperCase(Locale.ROOT);
    } else if (m.group(2) != null) {
      canonical = "DECIMAL" + (m.group(3) == null ? "" : "(" + m.group(3) + (m.group(4) == null ? "" : "," + m.group(4)) + ")");
    } else {
      canonical = m.group(5).toUpperCase(Locale.ROOT) + "(" + m.group(6) + ")";
    }
    return keyword + "(" + expr(c.getLeftExpression(), ctx, false) + " AS " + dialect.castType(canonical) + ")";
  }

  private String trim(TrimFunction t, Ctx ctx) {
    NodeAudit.check(t, Set.of("trimSpecification", "expression", "fromExpression", "isUsingFromKeyword"));
    String spec = t.getTrimSpecification() == null ? "" : t.getTrimSpecification().name() + " ";
    if (t.getFromExpression() == null) {
      if (!spec.isEmpty() || t.isUsingFromKeyword()) {
        throw refuse(RefusalCode.TOO_COMPLEX, "Unsupported TRIM form.");
      }
      return "trim(" + expr(t.getExpression(), ctx, false) + ")";
    }
    if (!t.isUsingFromKeyword()) {
      throw refuse(RefusalCode.TOO_COMPLEX, "Write trim(BOTH 'x' FROM value).");
    }
    String chars = t.getExpression() == null ? "" : expr(t.getExpression(), ctx, false) + " ";
    return "trim(" + spec + chars + "FROM " + expr(t.getFromExpression(), ctx, false) + ")";
  }

  // ---- functions --------------------------------------------------------------------------------

  private static String functionName(Function f) {
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

  private String function(Function f, Ctx ctx) {
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
  private String call(String name, List<Expression> args, boolean distinct, Ctx ctx) {
    Functions.Kind kind = Functions.kind(name).orElseThrow(() -> Functions.refusal(name));
    if (kind == Functions.Kind.GROUPING && ctx.clause() != Clause.GROUP_BY) {
      throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "%s(...) belongs in GROUP BY.", name);
    }
    if (distinct && kind != Functions.Kind.AGGREGATE) {
      throw refuse(RefusalCode.PARSE_ERROR, "DISTINCT is only allowed in aggregate functions, not in %s.", name);
    }
    checkArguments(name, args);
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
        sj.add(expr(a, ctx, bare));
      }
    }
    return dialect.call(name, sj, distinct);
  }

  private static final Set<String> UNITS = Set.of("YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND");

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
    lambdaVariables.push(keys);
    try {
      String body = expr(l.getExpression(), ctx, false);
      String head = vars.size() == 1 ? ident(vars.get(0))
          : vars.stream().map(this::ident).collect(Collectors.joining(", ", "(", ")"));
      return head + " -> " + body;
    } finally {
      lambdaVariables.pop();
    }
  }

  /** Bounds on the arguments of allowed functions whose cost the caller could otherwise inflate. */
  private void checkArguments(String name, List<Expression> args) {
    int regex = Functions.regexArgument(name);
    if (regex >= 0 && args.size() > regex) {
      regexLiteral(args.get(regex), name);
    }
    switch (name) {
      case "repeat", "lpad", "rpad" -> {
        long n = args.size() > 1 ? integerLiteral(args.get(1)).orElse(Long.MAX_VALUE) : 0;
        if (n > MAX_STRING_LENGTH_ARGUMENT) {
          throw refuse(RefusalCode.FORBIDDEN_FUNCTION,
              "%s needs a literal length of at most %d.", name, MAX_STRING_LENGTH_ARGUMENT);
        }
      }
      case "percentile_approx", "approx_percentile" -> {
        if (args.size() > 2 && integerLiteral(args.get(2)).orElse(Long.MAX_VALUE) > MAX_PERCENTILE_ACCURACY) {
          throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "%s accuracy must be a literal of at most %d.", name,
              MAX_PERCENTILE_ACCURACY);
        }
      }
      case "sequence" -> checkSequence(args);
      default -> { }
    }
  }

  private static void regexLiteral(Expression e, String function) {
    if (!(e instanceof StringValue s)) {
      throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "The pattern of %s must be a string literal.", function);
    }
    String literal = SqlText.stringLiteral(s.getValue(), s.getQuoteStr());
    SqlText.checkRegex(SqlText.decode(literal), function);
  }

  private static OptionalLong integerLiteral(Expression e) {
    if (e instanceof LongValue v && INTEGER.matcher(v.getStringValue()).matches() && v.getStringValue().length() < 19) {
      return OptionalLong.of(Long.parseLong(v.getStringValue()));
    }
    if (e instanceof SignedExpression s && s.getSign() == '-' && s.getExpression() instanceof LongValue) {
      OptionalLong inner = integerLiteral(s.getExpression());
      return inner.isPresent() ? OptionalLong.of(-inner.getAsLong()) : inner;
    }
    return OptionalLong.empty();
  }

  private static void checkSequence(List<Expression> args) {
    SqlRefusedException bound = refuse(RefusalCode.FORBIDDEN_FUNCTION,
        "sequence needs literal bounds (numbers, or DATE literals with an INTERVAL step) producing at most %d elements.",
        MAX_SEQUENCE_ELEMENTS);
    if (args.size() < 2 || args.size() > 3) {
      throw bound;
    }
    OptionalLong a = integerLiteral(args.get(0));
    OptionalLong b = integerLiteral(args.get(1));
    if (a.isPresent() && b.isPresent()) {
      long step = args.size() == 3 ? integerLiteral(args.get(2)).orElse(0) : 1;
      if (step == 0) {
        throw bound;
      }
      double count = Math.abs(((double) b.getAsLong() - a.getAsLong()) / step) + 1;
      if (count > MAX_SEQUENCE_ELEMENTS) {
        throw bound;
      }
      return;
    }
    if (args.get(0) instanceof DateTimeLiteralExpression d0 && args.get(1) instanceof DateTimeLiteralExpression d1
        && d0.getType() == DateTimeLiteralExpression.DateTime.DATE
        && d1.getType() == DateTimeLiteralExpression.DateTime.DATE) {
      Matcher m0 = DATE_LITERAL.matcher(d0.getValue().trim());
      Matcher m1 = DATE_LITERAL.matcher(d1.getValue().trim());
      if (!m0.matches() || !m1.matches()) {
        throw bound;
      }
      long days;
      try {
        days = Math.abs(LocalDate.parse(m0.group(1)).toEpochDay() - LocalDate.parse(m1.group(1)).toEpochDay());
      } catch (DateTimeParseException ex) {
        throw bound;
      }
      if (args.size() == 3) {
        if (!(args.get(2) instanceof IntervalExpression step) || intervalUnit(step) == null
            || !intervalUnit(step).matches("DAYS?|WEEKS?|MONTHS?|YEARS?")) {
          throw bound;
        }
        Matcher n = INTERVAL_NUMBER.matcher(step.getParameter() == null ? "" : step.getParameter().trim());
        if (!n.matches() || Long.parseLong(n.group(1) != null ? n.group(1) : n.group(2)) == 0) {
          throw bound;
        }
      }
      if (days + 1 > MAX_SEQUENCE_ELEMENTS) {
        throw bound;
      }
      return;
    }
    throw bound;
  }

  private String analytic(AnalyticExpression a, Ctx ctx) {
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
      sb.append(" FILTER (WHERE ").append(expr(a.getFilterExpression(), ctx.in(Clause.FILTER), false)).append(')');
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
        sb.append(" OVER ").append(window(w, ctx.in(Clause.WINDOW)));
      }
      case WITHIN_GROUP -> {
        if (!name.equals("percentile_cont") && !name.equals("percentile_disc") && !name.equals("mode")
            && !name.equals("median")) {
          throw refuse(RefusalCode.TOO_COMPLEX, "WITHIN GROUP is only supported for percentile_cont, percentile_disc and mode.");
        }
        NodeAudit.check(w, Set.of("orderBy", "partitionBy"));
        if (!isEmpty(w.getPartitionBy())) {
          throw refuse(RefusalCode.PARSE_ERROR, "WITHIN GROUP takes an ORDER BY only.");
        }
        sb.append(" WITHIN GROUP (ORDER BY ").append(orderList(w.getOrderByElements(), ctx.in(Clause.WINDOW))).append(')');
      }
      default -> throw refuse(RefusalCode.TOO_COMPLEX, "This window form (%s) is not supported.", type);
    }
    return sb.toString();
  }

  private String orderList(List<OrderByElement> elements, Ctx ctx) {
    if (isEmpty(elements)) {
      throw refuse(RefusalCode.PARSE_ERROR, "ORDER BY needs at least one expression.");
    }
    StringJoiner sj = new StringJoiner(", ");
    for (OrderByElement o : elements) {
      sj.add(orderByElement(o, ctx, false));
    }
    return sj.toString();
  }

  private String window(WindowDefinition w, Ctx ctx) {
    NodeAudit.check(w, Set.of("orderBy", "partitionBy", "windowElement"));
    StringJoiner parts = new StringJoiner(" ", "(", ")");
    ExpressionList<?> partition = w.getPartitionBy();
    if (!isEmpty(partition)) {
      parts.add("PARTITION BY " + partition.stream().map(x -> expr(x, ctx, false)).collect(Collectors.joining(", ")));
    }
    if (!isEmpty(w.getOrderByElements())) {
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
        yield expr(x, ctx, false) + dir;
      }
      default -> throw refuse(RefusalCode.TOO_COMPLEX, "Unsupported window frame bound.");
    };
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static long parseLimit(String s) {
    if (s != null && INTEGER.matcher(s).matches() && s.length() > 18) {
      return Long.MAX_VALUE;
    }
    return parseInteger(s, "LIMIT");
  }

  private static long parseInteger(String s, String what) {
    try {
      if (s != null && INTEGER.matcher(s).matches()) {
        return Long.parseLong(s);
      }
    } catch (NumberFormatException e) {
      // falls through: out of range
    }
    throw refuse(RefusalCode.TOO_COMPLEX, "%s must be a whole number below 2^63 (found %s).", what, s);
  }

  private static boolean isEmpty(java.util.Collection<?> c) {
    return c == null || c.isEmpty();
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
