package com.medflow.assistant.nlq.time;

import com.medflow.assistant.nlq.text.Token;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the periods a question names, each with the tokens it used, relative to the latest and
 * earliest dates in the data: points ({@link PointParser}), trailing windows ("last 6 months",
 * "past 90 days"), ranges ("between March 1 and June 30, 2025", "Q1 to Q3 2025"), open ranges
 * ("since June 2025", "before 2025", "through March"). Two periods stay two periods.
 */
public final class TimeScanner {
  private static final Set<String> WINDOW = Set.of("last", "past", "previous", "prior", "trailing", "preceding");
  private static final Set<String> RANGE_TO = Set.of("to", "through", "thru", "until", "till", "and");
  private static final Set<String> ONWARD = Set.of("onward", "onwards", "forward", "on");

  private final List<Token> t;
  private final LocalDate latest;
  private final LocalDate earliest;
  private final PointParser points;

  private TimeScanner(List<Token> tokens, LocalDate earliest, LocalDate latest) {
    this.t = tokens;
    this.latest = latest;
    this.earliest = earliest;
    this.points = new PointParser(tokens, latest);
  }

  public static List<TimeSpan> scan(List<Token> tokens, LocalDate earliest, LocalDate latest) {
    return new TimeScanner(tokens, earliest, latest).run();
  }

  private String at(int i) {
    return points.at(i);
  }

  private List<TimeSpan> run() {
    List<TimeSpan> out = new ArrayList<>();
    int i = 0;
    while (i < t.size()) {
      int at = i;
      Optional<TimeSpan> s = window(at).or(() -> range(at)).or(() -> open(at)).or(() -> point(at));
      if (s.isPresent()) {
        out.add(s.get());
        i = s.get().end();
      } else {
        i++;
      }
    }
    return out;
  }

  private Optional<TimeSpan> point(int i) {
    return points.parse(i).map(p -> new TimeSpan(i, i + p.length(), p.period()));
  }

  /** "last 6 months", "the past 90 days", "trailing twelve months", "ttm". */
  private Optional<TimeSpan> window(int i) {
    if (at(i).equals("ttm") || at(i).equals("ltm")) {
      return Optional.of(new TimeSpan(i, i + 1, trailing(12, "month")));
    }
    int k = i + 1;
    if (at(i).equals("most") && at(i + 1).equals("recent") || at(i).equals("latest") || at(i).equals("recent")) {
      k = at(i).equals("most") ? i + 2 : i + 1; // "the most recent 90 days", "the latest 3 months"
    } else if (!WINDOW.contains(at(i))) {
      return Optional.empty();
    }
    if (k >= t.size() || !t.get(k).isInteger()) {
      return Optional.empty();
    }
    int n = t.get(k).intValue();
    String unit = at(k + 1);
    if (n < 1 || n > 3650 || !unit.matches("days?|weeks?|months?|years?|quarters?")) {
      return Optional.empty();
    }
    return Optional.of(new TimeSpan(i, k + 2, trailing(n, unit.replaceAll("s$", ""))));
  }

  /** The {@code n} units ending at the latest date: {@code service_date > latest - n units}. */
  private Period trailing(int n, String unit) {
    LocalDate from = switch (unit) {
      case "day" -> latest.minusDays(n).plusDays(1);
      case "week" -> latest.minusWeeks(n).plusDays(1);
      case "month" -> latest.minusMonths(n).plusDays(1);
      case "quarter" -> PointParser.quarterStart(latest).minusMonths(3L * (n - 1)); // whole calendar quarters
      default -> latest.minusYears(n).plusDays(1);
    };
    String label = "last " + n + " " + unit + (n == 1 ? "" : "s");
    return new Period(from, latest, label, Period.Unit.OPEN, true, false);
  }

  /** "between P and Q", "from P to Q", "P through Q", "P to Q", "Q1 to Q3 2025". */
  private Optional<TimeSpan> range(int i) {
    boolean between = at(i).equals("between");
    boolean from = at(i).equals("from");
    int k = between || from ? i + 1 : i;
    Optional<PointParser.Point> a = points.parse(k);
    if (a.isEmpty()) {
      return Optional.empty();
    }
    int sep = k + a.get().length();
    String s = at(sep);
    if (!RANGE_TO.contains(s) || s.equals("and") && !between || !between && !from && s.equals("until")) {
      return Optional.empty();
    }
    Optional<PointParser.Point> b = points.parse(sep + 1);
    if (b.isEmpty()) {
      return Optional.empty();
    }
    Period first = a.get().period();
    Period last = b.get().period();
    int end = sep + 1 + b.get().length();
    // "Q1 to Q3 2025", "March to June 2025", "March 1 and June 30, 2025": the first takes the second's year
    if (first.relative() && !last.relative() && first.from().getYear() != last.from().getYear()
        && first.unit() == last.unit() || first.unit() == Period.Unit.DAY && last.unit() == Period.Unit.DAY
        && !hasYear(k, sep) && hasYear(sep + 1, end)) {
      first = sameUnitIn(first, last.from().getYear());
    }
    if (last.to().isBefore(first.from())) {
      return Optional.empty();
    }
    return Optional.of(new TimeSpan(i, end, Period.span(first, last, first.label() + " to " + last.label()),
        java.util.List.of(first, last)));
  }

  private boolean hasYear(int fromInclusive, int toExclusive) {
    for (int k = fromInclusive; k < toExclusive; k++) {
      if (points.year(k).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static Period sameUnitIn(Period p, int year) {
    LocalDate from = p.from().withYear(year);
    LocalDate to = p.unit() == Period.Unit.DAY ? from : p.to().withYear(year);
    if (p.unit() == Period.Unit.MONTH) {
      to = from.plusMonths(1).minusDays(1);
    }
    String label = p.label().replaceAll("\\d{4}", Integer.toString(year));
    return new Period(from, to, label, p.unit(), false, false);
  }

  /** "since P", "after P", "starting P", "from P on", "before P", "prior to P", "through P", "until P". */
  private Optional<TimeSpan> open(int i) {
    String w = at(i);
    int k = i + 1;
    boolean afterStart = w.equals("since") || w.equals("starting") || w.equals("beginning") || w.equals("from");
    boolean after = w.equals("after");
    boolean before = w.equals("before") || w.equals("prior") && at(i + 1).equals("to") || w.equals("earlier")
        && at(i + 1).equals("than") || w.equals("pre");
    boolean through = w.equals("through") || w.equals("thru") || w.equals("until") || w.equals("till")
        || w.equals("up") && Set.of("to", "through", "thru", "until", "till").contains(at(i + 1))
        || w.equals("as") && at(i + 1).equals("of");
    if (before && !w.equals("before") && !w.equals("pre") || w.equals("up") || w.equals("as")) {
      k = i + 2;
    }
    if (!(afterStart || after || before || through)) {
      return Optional.empty();
    }
    Optional<PointParser.Point> p = points.parse(k);
    if (p.isEmpty()) {
      return Optional.empty();
    }
    int end = k + p.get().length();
    Period q = p.get().period();
    if (w.equals("from")) {
      if (!ONWARD.contains(at(end))) {
        return Optional.empty();
      }
      end++;
    }
    if (afterStart) {
      return Optional.of(new TimeSpan(i, end, new Period(q.from(), max(q.from(), latest), "since " + q.label(),
          Period.Unit.OPEN, true, false)));
    }
    if (after) {
      LocalDate from = q.to().plusDays(1);
      return Optional.of(new TimeSpan(i, end, new Period(from, max(from, latest), "after " + q.label(), Period.Unit.OPEN,
          true, false)));
    }
    if (before) {
      LocalDate to = q.from().minusDays(1);
      return Optional.of(new TimeSpan(i, end, new Period(min(earliest, to), to, "before " + q.label(), Period.Unit.OPEN,
          q.relative(), true)));
    }
    return Optional.of(new TimeSpan(i, end, new Period(min(earliest, q.to()), q.to(), "through " + q.label(),
        Period.Unit.OPEN, q.relative(), true)));
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
