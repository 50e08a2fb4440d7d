package com.medflow.query.guard;

import static com.medflow.query.guard.SqlRefusedException.refuse;
import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;
import java.util.Set;
import java.util.StringJoiner;
import net.sf.jsqlparser.expression.AllValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.Offset;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.Select;

/** ORDER BY / LIMIT / OFFSET of a query, and the statement's row limit on its outermost query. */
final class LimitRules {
  private final GuardContext context;
  private final QueryChecker checker;

  LimitRules(GuardContext context, QueryChecker checker) {
    this.context = requireNonNull(context, "context is null");
    this.checker = requireNonNull(checker, "checker is null");
  }

  /**
   * Prints the ORDER BY, LIMIT and OFFSET of {@code s}; with {@code limitHere} (the outermost query) the LIMIT
   * is the statement's row limit: the caller's, lowered to maxRows, or the default when there is none.
   */
  void appendOrderLimitOffset(Select s, StringBuilder sb, Ctx ctx, boolean limitHere) {
    if (!NodeAudit.isEmpty(s.getOrderByElements())) {
      StringJoiner order = new StringJoiner(", ", " ORDER BY ", "");
      for (OrderByElement o : s.getOrderByElements()) {
        order.add(checker.ordering().orderByElement(o, ctx, true));
      }
      sb.append(order);
    }
    OptionalLong given = limitValue(s.getLimit());
    OptionalLong printedLimit = given;
    if (limitHere) {
      if (given.isEmpty()) {
        context.setLimit(Math.min(context.wantedLimit(), context.maxRows()), true);
      } else if (given.getAsLong() > context.maxRows()) {
        context.setLimit(context.maxRows(), true);
      } else {
        context.setLimit((int) given.getAsLong(), false);
      }
      printedLimit = OptionalLong.of(context.limit());
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
    sb.append(context.dialect().limitOffset(printedLimit, printedOffset));
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

  private static long parseLimit(String s) {
    if (s != null && SpecialForms.INTEGER.matcher(s).matches() && s.length() > 18) {
      return Long.MAX_VALUE;
    }
    return parseInteger(s, "LIMIT");
  }

  static long parseInteger(String s, String what) {
    try {
      if (s != null && SpecialForms.INTEGER.matcher(s).matches()) {
        return Long.parseLong(s);
      }
    } catch (NumberFormatException e) {
      // falls through: out of range
    }
    throw refuse(RefusalCode.TOO_COMPLEX, "%s must be a whole number below 2^63 (found %s).", what, s);
  }
}
