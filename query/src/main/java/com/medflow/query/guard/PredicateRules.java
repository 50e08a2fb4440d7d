package com.medflow.query.guard;

import static com.medflow.query.guard.SqlRefusedException.refuse;
import static java.util.Objects.requireNonNull;

import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.CosineSimilarity;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;

/** Comparisons, LIKE / RLIKE (with a checked regular expression) and IN. */
final class PredicateRules {
  private final GuardContext context;
  private final QueryChecker checker;

  PredicateRules(GuardContext context, QueryChecker checker) {
    this.context = requireNonNull(context, "context is null");
    this.checker = requireNonNull(checker, "checker is null");
  }

  String comparison(ComparisonOperator c, Ctx ctx) {
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

  String like(LikeExpression l, Ctx ctx) {
    NodeAudit.check(l, Set.of("leftExpression", "rightExpression", "not", "escapeExpression", "likeKeyWord"));
    String keyword = switch (l.getLikeKeyWord()) {
      case LIKE -> "LIKE";
      case ILIKE -> "ILIKE";
      case RLIKE, REGEXP, REGEXP_LIKE -> "RLIKE";
      default -> throw refuse(RefusalCode.TOO_COMPLEX, "%s is not supported.", l.getLikeKeyWord());
    };
    if (l.getRightExpression() instanceof Function f && FunctionRules.functionName(f).matches("any|all|some")) {
      throw refuse(RefusalCode.TOO_COMPLEX, "LIKE ANY/ALL is not supported: combine LIKE conditions with OR/AND.");
    }
    if (keyword.equals("RLIKE")) {
      ArgumentBounds.regexLiteral(l.getRightExpression(), "RLIKE");
    }
    if (keyword.equals("RLIKE") && l.getEscape() == null) {
      return context.dialect().regexMatch(operand(l.getLeftExpression(), 5, ctx), l.isNot(),
          operand(l.getRightExpression(), 5, ctx));
    }
    StringBuilder sb = new StringBuilder(operand(l.getLeftExpression(), 5, ctx)).append(l.isNot() ? " NOT " : " ")
        .append(keyword).append(' ').append(operand(l.getRightExpression(), 5, ctx));
    if (l.getEscape() != null) {
      if (!(l.getEscape() instanceof StringValue)) {
        throw refuse(RefusalCode.TOO_COMPLEX, "ESCAPE must be a one-character string.");
      }
      sb.append(" ESCAPE ").append(expr(l.getEscape(), ctx));
    }
    return sb.toString();
  }

  String in(InExpression in, Ctx ctx) {
    NodeAudit.check(in, Set.of("leftExpression", "not", "rightExpression"));
    String left = operand(in.getLeftExpression(), 5, ctx);
    Expression right = in.getRightExpression();
    String rightSql;
    if (right instanceof ParenthesedSelect ps && !(ps instanceof LateralSubSelect)) {
      rightSql = expr(ps, ctx);
    } else if (right instanceof ExpressionList<?> list) {
      rightSql = checker.expressions().tuple(list, ctx);
    } else {
      throw refuse(RefusalCode.TOO_COMPLEX, "IN needs a list of values or a subquery.");
    }
    return left + (in.isNot() ? " NOT IN " : " IN ") + rightSql;
  }

  private String operand(Expression e, int minPrecedence, Ctx ctx) {
    return checker.expressions().operand(e, minPrecedence, ctx);
  }

  private String expr(Expression e, Ctx ctx) {
    return checker.expressions().expr(e, ctx, false);
  }
}
