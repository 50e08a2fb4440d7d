package com.medflow.assistant.agent;

import com.medflow.query.engine.QueryResult;
import com.medflow.query.engine.ResultColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Looks at a result's shape to choose a chart, and picks out the values worth saying. */
public final class Analyzer {
  private static final Set<String> NUMERIC = Set.of("integer", "decimal", "double");
  private static final Set<String> TIME_COLUMNS = Set.of("service_month", "service_quarter", "service_year");

  public record Analysis(Chart chart, List<String> notable, String shape) {}

  private Analyzer() {}

  public static Analysis analyze(QueryResult r) {
    List<ResultColumn> cols = r.columns();
    List<String> numeric = new ArrayList<>();
    for (ResultColumn c : cols) {
      if (NUMERIC.contains(c.type())) {
        numeric.add(c.name());
      }
    }
    if (r.rowCount() == 0) {
      return new Analysis(new Chart("table", null, List.of()), List.of("No claims match."), "empty");
    }
    if (cols.size() == 1 && r.rowCount() == 1) {
      return new Analysis(new Chart("number", null, List.of(cols.get(0).name())), List.of(), "single value");
    }
    ResultColumn first = cols.get(0);
    boolean time = first.type().equals("date") || TIME_COLUMNS.contains(first.name());
    List<String> y = new ArrayList<>(numeric);
    y.remove(first.name());
    if (y.isEmpty()) {
      return new Analysis(new Chart("table", null, List.of()), List.of(), "table");
    }
    if (time) {
      return new Analysis(new Chart("line", first.name(), y), trend(r, first.name(), y.get(0)), "time series");
    }
    if (r.rowCount() <= 60) {
      return new Analysis(new Chart("bar", first.name(), y), extremes(r, first.name(), y.get(0)), "categories");
    }
    return new Analysis(new Chart("table", null, List.of()), extremes(r, first.name(), y.get(0)), "table");
  }

  private static int index(QueryResult r, String name) {
    for (int i = 0; i < r.columns().size(); i++) {
      if (r.columns().get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static Double number(Object v) {
    return v instanceof Number n ? n.doubleValue() : null;
  }

  private static List<String> extremes(QueryResult r, String label, String metric) {
    int li = index(r, label);
    int mi = index(r, metric);
    List<Object> best = null;
    List<Object> worst = null;
    for (List<Object> row : r.rows()) {
      Double v = number(row.get(mi));
      if (v == null) {
        continue;
      }
      if (best == null || v > number(best.get(mi))) {
        best = row;
      }
      if (worst == null || v < number(worst.get(mi))) {
        worst = row;
      }
    }
    if (best == null || r.rowCount() < 2) {
      return List.of();
    }
    return List.of(String.format(Locale.ROOT, "highest %s: %s", metric, best.get(li)),
        String.format(Locale.ROOT, "lowest %s: %s", metric, worst.get(li)));
  }

  private static List<String> trend(QueryResult r, String time, String metric) {
    int ti = index(r, time);
    int mi = index(r, metric);
    Double firstValue = null;
    Double lastValue = null;
    Object firstTime = null;
    Object lastTime = null;
    Object peakTime = null;
    Double peak = null;
    for (List<Object> row : r.rows()) {
      Double v = number(row.get(mi));
      if (v == null) {
        continue;
      }
      if (firstValue == null) {
        firstValue = v;
        firstTime = row.get(ti);
      }
      lastValue = v;
      lastTime = row.get(ti);
      if (peak == null || v > peak) {
        peak = v;
        peakTime = row.get(ti);
      }
    }
    if (firstValue == null || firstValue.equals(lastValue) && firstTime == lastTime) {
      return List.of();
    }
    String direction = lastValue > firstValue ? "rose" : lastValue < firstValue ? "fell" : "was flat";
    return List.of(String.format(Locale.ROOT, "%s %s from %s to %s", metric, direction, firstTime, lastTime),
        "peak at " + peakTime);
  }
}
