package com.medflow.query.guard;

import static com.medflow.query.guard.SqlRefusedException.refuse;
import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.AllValue;
import net.sf.jsqlparser.expression.AnalyticExpression;
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
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.TableFunction;

/**
 * Checks and prints one expression: dispatches every supported node type and refuses the rest (fail closed);
 * bounds nesting and size.
 */
final class ExpressionRules {
  private static final int MAX_EXPRESSION_DEPTH = 100;
  private static final int MAX_NODES = 5_000;
  private static final Pattern DECIMAL = Pattern.compile("(?:\\d{1,30}(?:\\.\\d{0,30})?|\\.\\d{1,30})(?:[eE][+-]?\\d{1,3})?");
  private static final Set<String> EXTRACT_FIELDS = Set.of("YEAR", "YEARS", "QUARTER", "MONTH", "MONTHS", "WEEK",
      "WEEKS", "DAY", "DAYS", "DAYOFWEEK", "DOW", "DAYOFWEEK_ISO", "DOY", "DAYOFYEAR", "HOUR", "HOURS", "MINUTE",
      "MINUTES", "SECOND", "SECONDS");

  private final GuardContext context;
  private final QueryChecker checker;

  ExpressionRules(GuardContext context, QueryChecker checker) {
    this.context = requireNonNull(context, "context is null");
    this.checker = requireNonNull(checker, "checker is null");
  }

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

  String operand(Expression e, int minPrecedence, Ctx ctx) {
    String s = expr(e, ctx, false);
    return precedence(e) < minPrecedence ? "(" + s + ")" : s;
  }

  /**
   * Checks and prints one expression. {@code piiBareAllowed}: a bare personal-data column is allowed
   * right here (the direct argument of a counting aggregate).
   */
  String expr(Expression e, Ctx ctx, boolean piiBareAllowed) {
    if (context.enterExpression() > MAX_EXPRESSION_DEPTH) {
      throw refuse(RefusalCode.TOO_COMPLEX, "An expression is nested more than %d levels deep.", MAX_EXPRESSION_DEPTH);
    }
    if (context.countNode() > MAX_NODES) {
      throw refuse(RefusalCode.TOO_COMPLEX, "The query has more than %d expressions.", MAX_NODES);
    }
    try {
      return exprUnchecked(e, ctx, piiBareAllowed);
    } finally {
      context.exitExpression();
    }
  }

  private String exprUnchecked(Expression e, Ctx ctx, boolean piiBareAllowed) {
    if (e == null) {
      throw refuse(RefusalCode.PARSE_ERROR, "Missing expression.");
    }
    if (e instanceof Column c) {
      if (ColumnRules.isNumericColumn(c)) {
        return c.getColumnName().toUpperCase(Locale.ROOT);
      }
      ColumnRef ref = checker.columns().columnRef(c, ctx);
      boolean subscript = c.getArrayConstructor() != null;
      if (ref.pii() && context.restrictPii() && (!piiBareAllowed || subscript)) {
        throw ColumnRules.piiRefusal(ref.piiName(), ctx.clause());
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
      if (!SpecialForms.INTEGER.matcher(v.getStringValue()).matches()) {
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
      return context.dialect().stringLiteral(SqlText.stringLiteral(v.getValue(), v.getQuoteStr()));
    }
    if (e instanceof NullValue) {
      return "NULL";
    }
    if (e instanceof BooleanValue b) {
      return b.getValue() ? "TRUE" : "FALSE";
    }
    if (e instanceof DateTimeLiteralExpression d) {
      return checker.specialForms().dateTimeLiteral(d);
    }
    if (e instanceof TimeKeyExpression t) {
      NodeAudit.check(t, Set.of("stringValue"));
      String key = t.getStringValue().toLowerCase(Locale.ROOT).replace(" ", "");
      return switch (key) {
        case "current_date", "current_date()" -> context.dialect().call("current_date", List.of(), false);
        case "current_timestamp", "current_timestamp()" -> context.dialect().call("current_timestamp", List.of(), false);
        default -> throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "%s is not allowed.", t.getStringValue());
      };
    }
    if (e instanceof IntervalExpression i) {
      return checker.specialForms().interval(i);
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
      return "(" + checker.statements().query(ps.getSelect(), ctx.ctes(), ctx.scope(), false, false).sql() + ")";
    }
    if (e instanceof AnalyticExpression a) {
      return checker.functions().analytic(a, ctx);
    }
    if (e instanceof TableFunction tf) {
      throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "Table-valued function %s is not allowed.",
          RelationRules.tableFunctionName(tf));
    }
    if (e instanceof Function f) {
      return checker.functions().function(f, ctx);
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
      return checker.specialForms().cast(c, ctx);
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
      return checker.specialForms().trim(t, ctx);
    }
    if (e instanceof AndExpression || e instanceof OrExpression) {
      return chain((BinaryExpression) e, ctx);
    }
    if (e instanceof NotExpression n) {
      NodeAudit.check(n, Set.of("expression", "exclamationMark"));
      return "NOT " + operand(n.getExpression(), 3, ctx);
    }
    if (e instanceof ComparisonOperator c) {
      return checker.predicates().comparison(c, ctx);
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
        return context.dialect().divide(left, right);
      }
      return e instanceof IntegerDivision ? context.dialect().integerDivide(left, right) : left + " " + op + " " + right;
    }
    if (e instanceof SignedExpression s) {
      NodeAudit.check(s, Set.of("sign", "expression"));
      if (s.getSign() != '-' && s.getSign() != '+') {
        throw refuse(RefusalCode.TOO_COMPLEX, "The operator %s is not supported.", s.getSign());
      }
      return s.getSign() + operand(s.getExpression(), 11, ctx);
    }
    if (e instanceof LikeExpression l) {
      return checker.predicates().like(l, ctx);
    }
    if (e instanceof InExpression in) {
      return checker.predicates().in(in, ctx);
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
        String subquery = checker.statements().query(ps.getSelect(), ctx.ctes(), ctx.scope(), false, false).sql();
        return (x.isNot() ? "NOT " : "") + "EXISTS (" + subquery + ")";
      }
      if (x.getRightExpression() instanceof ParenthesedExpressionList<?> args) {
        return (x.isNot() ? "NOT " : "") + checker.functions().call("exists", new ArrayList<>(args), false, ctx);
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
      if (context.countNode() > MAX_NODES) {
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

  String tuple(List<? extends Expression> list, Ctx ctx) {
    StringJoiner sj = new StringJoiner(", ", "(", ")");
    for (Expression x : list) {
      sj.add(expr(x, ctx, false));
    }
    return sj.toString();
  }
}
