package com.medflow.assistant.notes;

import static com.medflow.assistant.nlq.sql.SqlLiteral.of;
import static java.util.Objects.requireNonNull;

import com.medflow.assistant.nlq.query.Filter;
import com.medflow.assistant.nlq.query.SemanticQuery;
import com.medflow.assistant.nlq.time.Period;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Run-out: claims keep arriving after their service month ends. From the submitted-date lag of
 * mature months (those that ended at least {@link #MATURE_DAYS} days before the latest submitted date,
 * a year of them), the share of a month's claims submitted within {@code d} days of the month's end is
 * the completeness of a recent month whose end was {@code d} days ago. Months under 99 % complete that
 * the answer covers are named: "December 2025 is about 78 % complete".
 */
public final class RunOutNote {
  /** A month whose end is this many days before the latest submission is taken as complete. */
  public static final int MATURE_DAYS = 180;
  static final double COMPLETE = 0.99;

  private final String table;

  public RunOutNote(String table) {
    this.table = requireNonNull(table, "table is null");
  }

  /** A month and its estimated completeness (0–1). */
  public record Month(YearMonth month, double complete) {}

  /** The estimate for every service month from the mature window to the latest submission, oldest first. */
  public List<Month> estimate(Optional<List<String>> payers, SqlRows runner) {
    String payerWhere = payers.map(p -> " AND payer IN (" + String.join(", ", p.stream().map(v -> of(v)).toList())
        + ")").orElse("");
    List<List<Object>> asOfRows = runner.rows("SELECT MAX(submitted_date), MAX(service_date) FROM " + table
        + " WHERE submitted_date IS NOT NULL" + payerWhere);
    if (asOfRows.isEmpty() || asOfRows.get(0).get(0) == null) {
      return List.of();
    }
    LocalDate asOf = LocalDate.parse(asOfRows.get(0).get(0).toString());
    // months after the latest service date hold no claims yet: nothing in the answer to qualify
    YearMonth lastService = YearMonth.from(LocalDate.parse(asOfRows.get(0).get(1).toString()));
    YearMonth last = lastService.isBefore(YearMonth.from(asOf)) ? lastService : YearMonth.from(asOf);
    YearMonth lastMature = YearMonth.from(asOf.minusDays(MATURE_DAYS));
    if (lastMature.atEndOfMonth().isAfter(asOf.minusDays(MATURE_DAYS))) {
      lastMature = lastMature.minusMonths(1);
    }
    YearMonth firstMature = lastMature.minusMonths(11);
    String lag = "LEAST(GREATEST(datediff(submitted_date, last_day(service_date)), -31), " + MATURE_DAYS + ")";
    List<List<Object>> hist = runner.rows("SELECT " + lag + " AS lag_days, COUNT(*) AS claims FROM " + table
        + " WHERE submitted_date IS NOT NULL AND service_date BETWEEN DATE " + of(firstMature.atDay(1).toString())
        + " AND DATE " + of(lastMature.atEndOfMonth().toString()) + payerWhere + " GROUP BY " + lag);
    TreeMap<Long, Long> byLag = new TreeMap<>();
    long total = 0;
    for (List<Object> r : hist) {
      long d = ((Number) r.get(0)).longValue();
      long n = ((Number) r.get(1)).longValue();
      byLag.merge(d, n, Long::sum);
      total += n;
    }
    if (total == 0) {
      return List.of();
    }
    List<Month> out = new ArrayList<>();
    for (YearMonth m = lastMature.plusMonths(1); !m.isAfter(last); m = m.plusMonths(1)) {
      long age = ChronoUnit.DAYS.between(m.atEndOfMonth(), asOf);
      long arrived = byLag.headMap(age, true).values().stream().mapToLong(Long::longValue).sum();
      out.add(new Month(m, (double) arrived / total));
    }
    return out;
  }

  public Optional<AnswerNote> note(SemanticQuery q, SqlRows runner) {
    if (q.source() != SemanticQuery.Source.CLAIMS || !q.timeField().equals(SemanticQuery.SERVICE_DATE)) {
      return Optional.empty();
    }
    Optional<List<String>> payers = q.filters().stream()
        .filter(f -> f.target().equals("payer") && f.op() == Filter.Op.IN).map(Filter::values).findFirst();
    List<Period> periods = new ArrayList<>(q.periods());
    q.period().ifPresent(periods::add);
    List<Month> recent = new ArrayList<>();
    for (Month m : estimate(payers, runner)) {
      boolean inScope = periods.isEmpty() || periods.stream().anyMatch(p -> !m.month().atEndOfMonth().isBefore(p.from())
          && !m.month().atDay(1).isAfter(p.to()));
      if (m.complete() < COMPLETE && inScope) {
        recent.add(m);
      }
    }
    if (recent.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    List<String> parts = new ArrayList<>();
    for (Month m : recent) {
      long pct = Math.round(m.complete() * 100);
      counts.put(m.month().toString(), pct);
      parts.add(name(m.month()) + " is about " + pct + " % complete");
    }
    String text = String.join(", ", parts) + ": claims keep arriving after a month ends (estimated from how late"
        + " the claims of earlier months were submitted), so " + (recent.size() == 1 ? "its" : "their")
        + " figures will still grow.";
    return Optional.of(new AnswerNote(AnswerNote.RUN_OUT, Character.toUpperCase(text.charAt(0)) + text.substring(1),
        null, counts));
  }

  static String name(YearMonth m) {
    return m.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + m.getYear();
  }
}
