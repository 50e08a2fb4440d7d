package com.medflow.query.guard;

import static com.medflow.query.guard.SqlRefusedException.refuse;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.IntervalQualifier;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/** Typed literals (DATE, TIMESTAMP, INTERVAL), CAST / TRY_CAST and TRIM. */
final class SpecialForms {
  static final Pattern DATE_LITERAL = Pattern.compile("'(\\d{4}-\\d{2}-\\d{2})'");
  private static final Pattern TIMESTAMP_LITERAL = Pattern.compile(
      "'(\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,6})?)?)?)'");
  static final Pattern INTEGER = Pattern.compile("\\d{1,30}");
  private static final Set<String> INTERVAL_UNITS = Set.of("YEAR", "YEARS", "MONTH", "MONTHS", "WEEK", "WEEKS", "DAY",
      "DAYS", "HOUR", "HOURS", "MINUTE", "MINUTES", "SECOND", "SECONDS");
  static final Pattern INTERVAL_NUMBER = Pattern.compile("(-?\\d{1,9})|'(-?\\d{1,9})'");
  private static final Pattern INTERVAL_STRING = Pattern.compile(
      "'\\s*(-?\\d{1,9})\\s+(years?|months?|weeks?|days?|hours?|minutes?|seconds?)\\s*'", Pattern.CASE_INSENSITIVE);
  private static final Pattern CAST_TYPE = Pattern.compile(
      "(string|int|integer|bigint|smallint|tinyint|long|short|byte|double|float|real|boolean|date|timestamp|"
          + "timestamp_ntz|timestamp_ltz)|(decimal|numeric|dec)(?:\\((\\d{1,2})(?:,(\\d{1,2}))?\\))?|"
          + "(varchar|char)\\((\\d{1,5})\\)");

  private final GuardContext context;
  private final QueryChecker checker;

  SpecialForms(GuardContext context, QueryChecker checker) {
    this.context = requireNonNull(context, "context is null");
    this.checker = requireNonNull(checker, "checker is null");
  }

  String dateTimeLiteral(DateTimeLiteralExpression d) {
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
  static String intervalUnit(IntervalExpression i) {
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

  String interval(IntervalExpression i) {
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
      return context.dialect().interval(m.group(1), m.group(2).toUpperCase(Locale.ROOT));
    }
    String unit = type;
    Matcher m = INTERVAL_NUMBER.matcher(p);
    if (!m.matches() || !INTERVAL_UNITS.contains(unit)) {
      throw refuse(RefusalCode.TOO_COMPLEX, "Unsupported interval %s %s: write INTERVAL 30 DAYS.", p, unit);
    }
    return context.dialect().interval(m.group(1) != null ? m.group(1) : m.group(2), unit);
  }

  String cast(CastExpression c, Ctx ctx) {
    NodeAudit.check(c, Set.of("keyword", "leftExpression", "colDataType"));
    String keyword = c.keyword == null ? "CAST" : c.keyword.trim().toUpperCase(Locale.ROOT);
    if (!keyword.equals("CAST") && !keyword.equals("TRY_CAST")) {
      throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "Function %s is not allowed: use CAST or TRY_CAST.", c.keyword);
    }
    ColDataType t = c.getColDataType();
    NodeAudit.check(t, Set.of("dataType", "argumentsStringList", "precision", "scale"));
    String type = (t.getDataType() + (NodeAudit.isEmpty(t.getArgumentsStringList()) ? ""
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
    String value = checker.expressions().expr(c.getLeftExpression(), ctx, false);
    return keyword + "(" + value + " AS " + context.dialect().castType(canonical) + ")";
  }

  String trim(TrimFunction t, Ctx ctx) {
    NodeAudit.check(t, Set.of("trimSpecification", "expression", "fromExpression", "isUsingFromKeyword"));
    String spec = t.getTrimSpecification() == null ? "" : t.getTrimSpecification().name() + " ";
    if (t.getFromExpression() == null) {
      if (!spec.isEmpty() || t.isUsingFromKeyword()) {
        throw refuse(RefusalCode.TOO_COMPLEX, "Unsupported TRIM form.");
      }
      return "trim(" + checker.expressions().expr(t.getExpression(), ctx, false) + ")";
    }
    if (!t.isUsingFromKeyword()) {
      throw refuse(RefusalCode.TOO_COMPLEX, "Write trim(BOTH 'x' FROM value).");
    }
    String chars = t.getExpression() == null ? "" : checker.expressions().expr(t.getExpression(), ctx, false) + " ";
    return "trim(" + spec + chars + "FROM " + checker.expressions().expr(t.getFromExpression(), ctx, false) + ")";
  }
}
