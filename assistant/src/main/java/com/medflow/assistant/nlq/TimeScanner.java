package com.medflow.assistant.nlq;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds time expressions among the tokens and turns them into service-date ranges, relative to
 * the latest service date in the data: "in 2025", "Q1 2025", "March 2025", "first half of 2025",
 * "between January and March 2025", "since June 2025", "this/last year|quarter|month",
 * "last 90 days", "year to date". Marks the tokens it used.
 */
final class TimeScanner {
  record Result(Optional<TimeRange> range, boolean twoYears, Set<Integer> consumed) {}

  private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("january", 1), Map.entry("jan", 1),
      Map.entry("february", 2), Map.entry("feb", 2), Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4),
      Map.entry("apr", 4), Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7),
      Map.entry("jul", 7), Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9), Map.entry("sep", 9),
      Map.entry("sept", 9), Map.entry("october", 10), Map.entry("oct", 10), Map.entry("november", 11),
      Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));
  private static final Map<String, Integer> ORDINAL_QUARTERS = Map.of("first", 1, "1st", 1, "second", 2, "2nd", 2,
      "third", 3, "3rd", 3, "fourth", 4, "4th", 4, "last", 4);
  private static final Set<String> RECENT = Set.of("last", "past", "previous", "prior", "preceding");
  private static final Set<String> CURRENT = Set.of("this", "current", "latest", "most", "recent");

  private final List<String> t;
  private final LocalDate latest;
  private final Set<Integer> consumed = new TreeSet<>();
  private final List<TimeRange> found = new ArrayList<>();

  private TimeScanner(List<String> tokens, LocalDate latest) {
    this.t = tokens;
    this.latest = latest;
  }

  static Result scan(List<String> tokens, LocalDate latest) {
    TimeScanner s = new TimeScanner(tokens, latest);
    s.run();
    if (s.found.isEmpty()) {
      return new Result(Optional.empty(), false, s.consumed);
    }
    LocalDate from = s.found.stream().map(TimeRange::from).min(LocalDate::compareTo).orElseThrow();
    LocalDate to = s.found.stream().map(TimeRange::to).max(LocalDate::compareTo).orElseThrow();
    boolean twoYears = s.found.size() == 2 && s.found.stream().allMatch(r -> r.label().matches("\\d{4}"));
    String label = s.found.size() == 1 ? s.found.get(0).label()
        : String.join(" and ", s.found.stream().map(TimeRange::label).toList());
    return new Result(Optional.of(new TimeRange(from, to, label)), twoYears, s.consumed);
  }

  private String at(int i) {
    return i >= 0 && i < t.size() ? t.get(i) : "";
  }

  private static boolean isYear(String s) {
    return s.matches("(19|20)\\d\\d");
  }

  private void use(int from, int toExclusive) {
    for (int i = from; i < toExclusive; i++) {
      consumed.add(i);
    }
  }

  private void run() {
    for (int i = 0; i < t.size(); i++) {
      if (consumed.contains(i)) {
        continue;
      }
      int used = range(i);
      if (used == 0) {
        used = single(i);
      }
      if (used > 0) {
        i += used - 1;
      }
    }
  }

  /** "between M [Y] and M Y", "from M [Y] to M Y", "M to M Y", "since M Y", "since Y", "Y to Y". */
  private int range(int i) {
    String w = at(i);
    boolean fromOnward = w.equals("from") && monthYear(i + 1).isPresent()
        && Set.of("onward", "onwards", "forward", "on").contains(at(i + 1 + monthYear(i + 1).get()[2]));
    if (fromOnward || w.equals("starting") || w.equals("beginning")) {
      Optional<int[]> start = monthYear(i + 1);
      if (start.isPresent()) {
        int[] my = start.get();
        add(LocalDate.of(my[1], my[0], 1), latest, "since " + monthName(my[0]) + " " + my[1]);
        int n = 1 + my[2] + (fromOnward ? 1 : 0);
        use(i, i + n);
        return n;
      }
    }
    if (w.equals("since") || w.equals("after")) {
      Optional<int[]> start = monthYear(i + 1);
      if (start.isPresent()) {
        int[] my = start.get();
        LocalDate from = LocalDate.of(my[1], my[0], 1);
        if (w.equals("after")) {
          from = from.plusMonths(1);
        }
        add(from, latest, w + " " + Month.of(my[0]).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + my[1]);
        use(i, i + 1 + my[2]);
        return 1 + my[2];
      }
      if (isYear(at(i + 1))) {
        int y = Integer.parseInt(at(i + 1));
        LocalDate from = w.equals("after") ? LocalDate.of(y + 1, 1, 1) : LocalDate.of(y, 1, 1);
        add(from, latest, w + " " + y);
        use(i, i + 2);
        return 2;
      }
      return 0;
    }
    int j = i;
    if (w.equals("between") || w.equals("from")) {
      j = i + 1;
    }
    if (isYear(at(j)) && (at(j + 1).equals("to") || at(j + 1).equals("through") || at(j + 1).equals("and")
        || at(j + 1).equals("until")) && isYear(at(j + 2)) && j != i) {
      int a = Integer.parseInt(at(j));
      int b = Integer.parseInt(at(j + 2));
      add(LocalDate.of(Math.min(a, b), 1, 1), LocalDate.of(Math.max(a, b), 12, 31), a + " to " + b);
      use(i, j + 3);
      return j + 3 - i;
    }
    Integer m1 = MONTHS.get(at(j));
    if (m1 == null || (at(j).equals("may") && j == i)) {
      return 0;
    }
    int k = j + 1;
    Integer y1 = null;
    if (at(k).equals("of")) {
      k++;
    }
    if (isYear(at(k))) {
      y1 = Integer.parseInt(at(k));
      k++;
    }
    String sep = at(k);
    if (!(sep.equals("to") || sep.equals("through") || sep.equals("and") || sep.equals("until") || sep.equals("thru"))) {
      return 0;
    }
    if (sep.equals("and") && j == i) {
      return 0; // "March and April" without between: two months, not a range
    }
    Integer m2 = MONTHS.get(at(k + 1));
    if (m2 == null) {
      return 0;
    }
    int end = k + 2;
    if (at(end).equals("of")) {
      end++;
    }
    Integer y2 = null;
    if (isYear(at(end))) {
      y2 = Integer.parseInt(at(end));
      end++;
    }
    int year2 = y2 != null ? y2 : y1 != null ? y1 : latest.getYear();
    int year1 = y1 != null ? y1 : (m1 <= m2 ? year2 : year2 - 1);
    LocalDate from = LocalDate.of(year1, m1, 1);
    LocalDate to = LocalDate.of(year2, m2, 1).plusMonths(1).minusDays(1);
    if (to.isBefore(from)) {
      return 0;
    }
    add(from, to, monthName(m1) + " " + year1 + " to " + monthName(m2) + " " + year2);
    use(i, end);
    return end - i;
  }

  private int single(int i) {
    String w = at(i);
    // q1 2025, q1
    if (w.matches("q[1-4]")) {
      int q = w.charAt(1) - '0';
      int n = 1;
      int year = latest.getYear();
      if (at(i + 1).equals("of")) {
        n++;
      }
      if (isYear(at(i + n))) {
        year = Integer.parseInt(at(i + n));
        n++;
      } else {
        n = 1;
        if (isYear(at(i - 1)) && !consumed.contains(i - 1)) {
          year = Integer.parseInt(at(i - 1));
          consumed.add(i - 1);
          found.removeIf(r -> r.label().equals(at(i - 1)));
        }
      }
      quarter(year, q, "Q" + q + " " + year);
      use(i, i + n);
      return n;
    }
    // first quarter of 2025 / 2025 first quarter
    if (ORDINAL_QUARTERS.containsKey(w) && at(i + 1).equals("quarter") && !w.equals("last")) {
      int q = ORDINAL_QUARTERS.get(w);
      int n = 2;
      int year = latest.getYear();
      if (at(i + 2).equals("of") || at(i + 2).equals("in")) {
        n = 3;
      }
      if (isYear(at(i + n))) {
        year = Integer.parseInt(at(i + n));
        n++;
      } else {
        n = 2;
      }
      quarter(year, q, "Q" + q + " " + year);
      use(i, i + n);
      return n;
    }
    // first half of 2025, h1 2025
    if ((w.equals("first") || w.equals("second")) && at(i + 1).equals("half") || w.matches("h[12]")) {
      int h = w.equals("first") || w.equals("h1") ? 1 : 2;
      int n = w.startsWith("h") ? 1 : 2;
      if (at(i + n).equals("of")) {
        n++;
      }
      int year = latest.getYear();
      if (isYear(at(i + n))) {
        year = Integer.parseInt(at(i + n));
        n++;
      }
      LocalDate from = LocalDate.of(year, h == 1 ? 1 : 7, 1);
      add(from, from.plusMonths(6).minusDays(1), "H" + h + " " + year);
      use(i, i + n);
      return n;
    }
    // this/last year|quarter|month, last N days|weeks|months, year to date
    if (w.equals("year") && at(i + 1).equals("to") && at(i + 2).equals("date") || w.equals("ytd")) {
      add(LocalDate.of(latest.getYear(), 1, 1), latest, "year to date (" + latest.getYear() + ")");
      int n = w.equals("ytd") ? 1 : 3;
      use(i, i + n);
      return n;
    }
    boolean recent = RECENT.contains(w);
    boolean current = CURRENT.contains(w);
    if (recent || current) {
      int k = i + 1;
      if (w.equals("most") && at(k).equals("recent")) {
        k++;
        boolean counted = at(k).matches("\\d+");
        current = !counted;
        recent = counted;
      } else if (w.equals("most") || w.equals("recent")) {
        return 0;
      }
      if (at(k).matches("\\d+") && recent) {
        int n = Integer.parseInt(at(k));
        String unit = at(k + 1);
        LocalDate from;
        if (unit.startsWith("day")) {
          from = latest.minusDays(n - 1L);
        } else if (unit.startsWith("week")) {
          from = latest.minusDays(7L * n - 1);
        } else if (unit.startsWith("month")) {
          from = latest.minusMonths(n).plusDays(1);
        } else if (unit.startsWith("year")) {
          from = latest.minusYears(n).plusDays(1);
        } else {
          return 0;
        }
        add(from, latest, "last " + n + " " + unit);
        use(i, k + 2);
        return k + 2 - i;
      }
      String unit = at(k);
      if (unit.equals("year") || unit.equals("quarter") || unit.equals("month")) {
        int back = recent ? 1 : 0;
        LocalDate start;
        LocalDate end;
        String label;
        switch (unit) {
          case "year" -> {
            start = LocalDate.of(latest.getYear() - back, 1, 1);
            end = start.plusYears(1).minusDays(1);
            label = (recent ? "last year (" : "this year (") + start.getYear() + ")";
          }
          case "quarter" -> {
            LocalDate q = LocalDate.of(latest.getYear(), (latest.getMonthValue() - 1) / 3 * 3 + 1, 1).minusMonths(3L * back);
            start = q;
            end = q.plusMonths(3).minusDays(1);
            label = (recent ? "last quarter (" : "this quarter (") + "Q" + ((q.getMonthValue() - 1) / 3 + 1) + " "
                + q.getYear() + ")";
          }
          default -> {
            start = latest.withDayOfMonth(1).minusMonths(back);
            end = start.plusMonths(1).minusDays(1);
            label = (recent ? "last month (" : "this month (") + monthName(start.getMonthValue()) + " "
                + start.getYear() + ")";
          }
        }
        add(start, end.isAfter(latest) && back == 0 ? end : end, label);
        use(i, k + 1);
        return k + 1 - i;
      }
      return 0;
    }
    // March 2025, march of 2025, in march
    Integer m = MONTHS.get(w);
    if (m != null) {
      Optional<int[]> my = monthYear(i);
      if (my.isPresent()) {
        LocalDate from = LocalDate.of(my.get()[1], m, 1);
        add(from, from.plusMonths(1).minusDays(1), monthName(m) + " " + my.get()[1]);
        use(i, i + my.get()[2]);
        return my.get()[2];
      }
      boolean monthContext = at(i - 1).equals("in") || at(i - 1).equals("during") || at(i - 1).equals("for")
          || at(i - 1).equals("of");
      if (!w.equals("may") || monthContext) {
        int year = m <= latest.getMonthValue() ? latest.getYear() : latest.getYear() - 1;
        LocalDate from = LocalDate.of(year, m, 1);
        add(from, from.plusMonths(1).minusDays(1), monthName(m) + " " + year);
        use(i, i + 1);
        return 1;
      }
      return 0;
    }
    if (isYear(w)) {
      int y = Integer.parseInt(w);
      add(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), w);
      use(i, i + 1);
      if (at(i - 1).equals("fy") || at(i - 1).equals("cy")) {
        consumed.add(i - 1);
      }
      return 1;
    }
    return 0;
  }

  /** month [of] year at i: {month, year, tokens used}. */
  private Optional<int[]> monthYear(int i) {
    Integer m = MONTHS.get(at(i));
    if (m == null) {
      return Optional.empty();
    }
    int k = i + 1;
    if (at(k).equals("of")) {
      k++;
    }
    if (isYear(at(k))) {
      return Optional.of(new int[] {m, Integer.parseInt(at(k)), k + 1 - i});
    }
    return Optional.empty();
  }

  private void quarter(int year, int q, String label) {
    LocalDate from = LocalDate.of(year, (q - 1) * 3 + 1, 1);
    add(from, from.plusMonths(3).minusDays(1), label);
  }

  private void add(LocalDate from, LocalDate to, String label) {
    found.add(new TimeRange(from, to, label));
  }

  private static String monthName(int m) {
    return Month.of(m).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
