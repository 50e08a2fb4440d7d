package com.medflow.query.guard;

import static com.medflow.query.guard.SqlRefusedException.refuse;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;

/**
 * Bounds on the arguments of allowed functions whose cost a caller could otherwise inflate: sequence, repeat /
 * lpad / rpad, percentile accuracy and regular expressions.
 */
final class ArgumentBounds {
  private static final long MAX_SEQUENCE_ELEMENTS = 10_000;
  private static final long MAX_STRING_LENGTH_ARGUMENT = 1_000;
  private static final long MAX_PERCENTILE_ACCURACY = 100_000;

  private ArgumentBounds() {}

  /** Refuses the arguments of {@code name} that would make it unbounded. */
  static void checkArguments(String name, List<Expression> args) {
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

  static void regexLiteral(Expression e, String function) {
    if (!(e instanceof StringValue s)) {
      throw refuse(RefusalCode.FORBIDDEN_FUNCTION, "The pattern of %s must be a string literal.", function);
    }
    String literal = SqlText.stringLiteral(s.getValue(), s.getQuoteStr());
    SqlText.checkRegex(SqlText.decode(literal), function);
  }

  private static OptionalLong integerLiteral(Expression e) {
    if (e instanceof LongValue v && SpecialForms.INTEGER.matcher(v.getStringValue()).matches() && v.getStringValue().length() < 19) {
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
      Matcher m0 = SpecialForms.DATE_LITERAL.matcher(d0.getValue().trim());
      Matcher m1 = SpecialForms.DATE_LITERAL.matcher(d1.getValue().trim());
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
        if (!(args.get(2) instanceof IntervalExpression step) || SpecialForms.intervalUnit(step) == null
            || !SpecialForms.intervalUnit(step).matches("DAYS?|WEEKS?|MONTHS?|YEARS?")) {
          throw bound;
        }
        Matcher n = SpecialForms.INTERVAL_NUMBER.matcher(step.getParameter() == null ? "" : step.getParameter().trim());
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
}
