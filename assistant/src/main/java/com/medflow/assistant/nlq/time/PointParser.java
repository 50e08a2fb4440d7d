package com.medflow.assistant.nlq.time;

import com.medflow.assistant.nlq.text.Token;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one calendar period at a token position: a date, a day of a month, a month, a quarter, a
 * half, a year, or a period relative to the latest date in the data ("this quarter", "last month").
 */
final class PointParser {
  record Point(Period period, int length) {}

  static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("january", 1), Map.entry("jan", 1),
      Map.entry("february", 2), Map.entry("feb", 2), Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4),
      Map.entry("apr", 4), Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7),
      Map.entry("jul", 7), Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9), Map.entry("sep", 9),
      Map.entry("sept", 9), Map.entry("october", 10), Map.entry("oct", 10), Map.entry("november", 11),
      Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));
  private static final Map<String, Integer> ORDINALS = Map.of("first", 1, "1st", 1, "second", 2, "2nd", 2, "third", 3,
      "3rd", 3, "fourth", 4, "4th", 4);
  private static final Set<String> PAST = Set.of("last", "previous", "prior", "past", "preceding");
  private static final Set<String> CURRENT = Set.of("this", "current");
  private static final Set<String> MONTH_CONTEXT = Set.of("in", "during", "for", "of", "since", "from", "between",
      "through", "to", "until", "till", "thru", "before", "after", "and", "or", "vs", "versus", "than", "by", "starting",
      "each", "every", "last", "this");

  private final List<Token> t;
  private final LocalDate latest;

  PointParser(List<Token> tokens, LocalDate latest) {
    this.t = tokens;
    this.latest = latest;
  }

  String at(int i) {
    return i >= 0 && i < t.size() ? t.get(i).text() : "";
  }

  Optional<Integer> year(int i) {
    if (i < 0 || i >= t.size() || !t.get(i).isInteger()) {
      return Optional.empty();
    }
    String o = t.get(i).original();
    int y = t.get(i).intValue();
    boolean digits = o.length() == 4 || !o.matches("[0-9.,]+"); // "2025", or "twenty twenty-five"
    return digits && y >= 1990 && y <= 2100 ? Optional.of(y) : Optional.empty();
  }

  private Optional<Integer> dayOfMonth(int i) {
    if (i < 0 || i >= t.size()) {
      return Optional.empty();
    }
    Token k = t.get(i);
    if (k.isInteger() && k.original().length() <= 2 && k.intValue() >= 1 && k.intValue() <= 31) {
      return Optional.of(k.intValue());
    }
    if (k.isWord() && k.text().matches("([1-9]|[12][0-9]|3[01])(st|nd|rd|th)")) {
      return Optional.of(Integer.parseInt(k.text().replaceAll("\\D", "")));
    }
    return Optional.empty();
  }

  /** The period at {@code i}, if one starts there. */
  Optional<Point> parse(int i) {
    if (i < 0 || i >= t.size()) {
      return Optional.empty();
    }
    Token k = t.get(i);
    if (k.type() == Token.Type.DATE) {
      LocalDate d = k.date().orElseThrow();
      return Optional.of(new Point(Period.day(d, d.toString()), 1));
    }
    return relative(i).or(() -> quarter(i)).or(() -> half(i)).or(() -> month(i)).or(() -> dayFirst(i))
        .or(() -> yearAt(i));
  }

  private Optional<Point> yearAt(int i) {
    int skip = at(i).equals("fy") || at(i).equals("cy") ? 1 : at(i).equals("calendar") && at(i + 1).equals("year") ? 2 : 0;
    Optional<Integer> y = year(i + skip);
    if (y.isEmpty()) {
      return Optional.empty();
    }
    int n = skip + 1;
    // "2025 q1" and "2025's first quarter" are quarters, read by quarter()
    return Optional.of(new Point(Period.year(y.get(), Integer.toString(y.get()), false), n));
  }

  /** A year after a period word: "of 2025", "2025", "in 2025"; or "of last year"/"last year". */
  private Optional<int[]> trailingYear(int i) {
    int k = i;
    if (at(k).equals("of") || at(k).equals("in")) {
      k++;
    }
    Optional<Integer> y = year(k);
    if (y.isPresent()) {
      return Optional.of(new int[] {y.get(), k + 1 - i, 0});
    }
    if ((PAST.contains(at(k)) || CURRENT.contains(at(k))) && at(k + 1).equals("year")) {
      int year = latest.getYear() - (PAST.contains(at(k)) ? 1 : 0);
      return Optional.of(new int[] {year, k + 2 - i, 1});
    }
    return Optional.empty();
  }

  private Optional<Point> quarter(int i) {
    String w = at(i);
    int q;
    int n;
    if (w.matches("q[1-4]")) {
      q = w.charAt(1) - '0';
      n = 1;
    } else if (ORDINALS.containsKey(w) && at(i + 1).equals("quarter")) {
      q = ORDINALS.get(w);
      n = 2;
    } else if ((w.equals("last") || w.equals("final")) && at(i + 1).equals("quarter") && trailingYear(i + 2).isPresent()) {
      q = 4;
      n = 2;
    } else if (year(i).isPresent() && at(i + 1).matches("q[1-4]")) {
      int y = year(i).get();
      q = at(i + 1).charAt(1) - '0';
      return Optional.of(new Point(Period.quarter(y, q, "Q" + q + " " + y, false), 2));
    } else {
      return Optional.empty();
    }
    Optional<int[]> y = trailingYear(i + n);
    if (y.isPresent()) {
      return Optional.of(new Point(Period.quarter(y.get()[0], q, "Q" + q + " " + y.get()[0], y.get()[2] == 1),
          n + y.get()[1]));
    }
    if (year(i - 1).isPresent()) {
      return Optional.empty(); // "2025 Q1": read from the year
    }
    int year = latest.getYear();
    return Optional.of(new Point(Period.quarter(year, q, "Q" + q + " " + year, true), n));
  }

  private Optional<Point> half(int i) {
    String w = at(i);
    int h;
    int n;
    if (w.equals("h1") || w.equals("h2")) {
      h = w.charAt(1) - '0';
      n = 1;
    } else if ((w.equals("first") || w.equals("second") || w.equals("1st") || w.equals("2nd")) && at(i + 1).equals("half")) {
      h = w.startsWith("f") || w.startsWith("1") ? 1 : 2;
      n = 2;
    } else {
      return Optional.empty();
    }
    Optional<int[]> y = trailingYear(i + n);
    int year = y.map(a -> a[0]).orElse(latest.getYear());
    LocalDate from = LocalDate.of(year, h == 1 ? 1 : 7, 1);
    Period p = new Period(from, from.plusMonths(6).minusDays(1), "H" + h + " " + year, Period.Unit.OPEN,
        y.isEmpty() || y.get()[2] == 1, false);
    return Optional.of(new Point(p, n + y.map(a -> a[1]).orElse(0)));
  }

  private Optional<Point> month(int i) {
    Integer m = MONTHS.get(at(i));
    if (m == null) {
      return Optional.empty();
    }
    int n = 1;
    Optional<Integer> day = dayOfMonth(i + 1);
    if (day.isPresent() && !year(i + 1).isPresent()) {
      n = 2;
    }
    Optional<int[]> y = trailingYear(i + n);
    boolean mayVerb = at(i).equals("may") && day.isEmpty() && y.isEmpty() && !MONTH_CONTEXT.contains(at(i - 1));
    if (mayVerb || at(i).equals("mar") && y.isEmpty() || at(i).equals("dec") && y.isEmpty() && day.isEmpty()
        && !MONTH_CONTEXT.contains(at(i - 1))) {
      return Optional.empty();
    }
    int year = y.map(a -> a[0]).orElse(m <= latest.getMonthValue() ? latest.getYear() : latest.getYear() - 1);
    boolean relative = y.isEmpty() || y.get()[2] == 1;
    int used = n + y.map(a -> a[1]).orElse(0);
    if (n == 2) {
      LocalDate d = LocalDate.of(year, m, Math.min(day.get(), java.time.YearMonth.of(year, m).lengthOfMonth()));
      return Optional.of(new Point(Period.day(d, monthName(m) + " " + day.get() + ", " + year), used));
    }
    return Optional.of(new Point(Period.month(year, m, monthName(m) + " " + year, relative), used));
  }

  /** "1 March 2025", "1st of March". */
  private Optional<Point> dayFirst(int i) {
    Optional<Integer> day = dayOfMonth(i);
    if (day.isEmpty()) {
      return Optional.empty();
    }
    int k = i + 1;
    if (at(k).equals("of")) {
      k++;
    }
    Integer m = MONTHS.get(at(k));
    if (m == null || at(k).equals("may") && !year(k + 1).isPresent()) {
      return Optional.empty();
    }
    Optional<int[]> y = trailingYear(k + 1);
    int year = y.map(a -> a[0]).orElse(m <= latest.getMonthValue() ? latest.getYear() : latest.getYear() - 1);
    LocalDate d = LocalDate.of(year, m, Math.min(day.get(), java.time.YearMonth.of(year, m).lengthOfMonth()));
    return Optional.of(new Point(Period.day(d, monthName(m) + " " + day.get() + ", " + year), k + 1 - i
        + y.map(a -> a[1]).orElse(0)));
  }

  private Optional<Point> relative(int i) {
    String w = at(i);
    int k = i;
    boolean past;
    if (PAST.contains(w)) {
      past = true;
      k++;
    } else if (CURRENT.contains(w)) {
      past = false;
      k++;
    } else if ((w.equals("latest") || w.equals("most") && at(i + 1).equals("recent") || w.equals("recent"))
        && Set.of("year", "quarter", "month").contains(at(i + (w.equals("most") ? 2 : 1)))) {
      past = false;
      k += w.equals("most") ? 2 : 1;
    } else if (w.equals("same") && (at(i + 1).equals("quarter") || at(i + 1).equals("month"))
        && (PAST.contains(at(i + 2)) || at(i + 2).equals("a")) && at(i + 3).equals("year")) {
      // "the same quarter last year": the quarter (month) of the latest date, a year earlier
      LocalDate d = latest.minusYears(1);
      if (at(i + 1).equals("quarter")) {
        int q = (d.getMonthValue() - 1) / 3 + 1;
        return Optional.of(new Point(Period.quarter(d.getYear(), q, "the same quarter last year (Q" + q + " " + d.getYear()
            + ")", true), 4));
      }
      return Optional.of(new Point(Period.month(d.getYear(), d.getMonthValue(), "the same month last year ("
          + monthName(d.getMonthValue()) + " " + d.getYear() + ")", true), 4));
    } else if (w.equals("ytd") || w.equals("year") && at(i + 1).equals("to") && at(i + 2).equals("date")) {
      int n = w.equals("ytd") ? 1 : 3;
      return Optional.of(new Point(new Period(LocalDate.of(latest.getYear(), 1, 1), latest, "year to date ("
          + latest.getYear() + ")", Period.Unit.OPEN, true, false), n));
    } else if (w.equals("qtd") || w.equals("quarter") && at(i + 1).equals("to") && at(i + 2).equals("date")) {
      int n = w.equals("qtd") ? 1 : 3;
      LocalDate q = quarterStart(latest);
      return Optional.of(new Point(new Period(q, latest, "quarter to date", Period.Unit.OPEN, true, false), n));
    } else if (w.equals("mtd") || w.equals("month") && at(i + 1).equals("to") && at(i + 2).equals("date")) {
      int n = w.equals("mtd") ? 1 : 3;
      return Optional.of(new Point(new Period(latest.withDayOfMonth(1), latest, "month to date", Period.Unit.OPEN, true,
          false), n));
    } else {
      return Optional.empty();
    }
    String unit = at(k);
    if (trailingYear(k + 1).filter(a -> a[2] == 0).isPresent() && !unit.equals("year")) {
      return Optional.empty(); // "last quarter of 2024": read by quarter()
    }
    if (w.equals("past") && unit.equals("year")) {
      // "past year" is the trailing twelve months; "last year" the previous calendar year
      return Optional.of(new Point(new Period(latest.minusYears(1).plusDays(1), latest, "past year (last 12 months)",
          Period.Unit.OPEN, true, false), k + 1 - i));
    }
    int back = past ? 1 : 0;
    String word = past ? (w.equals("past") ? "last" : w) : "this";
    return switch (unit) {
      case "year" -> {
        int y = latest.getYear() - back;
        yield Optional.of(new Point(Period.year(y, word + " year (" + y + ")", true), k + 1 - i));
      }
      case "quarter" -> {
        LocalDate q = quarterStart(latest).minusMonths(3L * back);
        int qn = (q.getMonthValue() - 1) / 3 + 1;
        yield Optional.of(new Point(Period.quarter(q.getYear(), qn, word + " quarter (Q"
            + qn + " " + q.getYear() + ")", true), k + 1 - i));
      }
      case "month" -> {
        LocalDate m = latest.withDayOfMonth(1).minusMonths(back);
        yield Optional.of(new Point(Period.month(m.getYear(), m.getMonthValue(), word + " month ("
            + monthName(m.getMonthValue()) + " " + m.getYear() + ")", true), k + 1 - i));
      }
      default -> Optional.empty();
    };
  }

  static LocalDate quarterStart(LocalDate d) {
    return LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
  }

  static String monthName(int m) {
    return Month.of(m).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
