package com.medflow.assistant.nlq.build;

import com.medflow.assistant.nlq.query.Filter;
import com.medflow.assistant.nlq.vocab.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Thresholds on a row's own values (amounts, age, processing days), and whether a threshold belongs to a group. */
final class ThresholdRules {
  private ThresholdRules() {}

  /**
   * Thresholds on a claim's own values: money on an amount ("paid more than $1,000"; "claims over
   * $5,000" is the billed amount), days on processing days, years or a number after a person word on
   * age. Left alone when it belongs to a group ("providers with over $1M paid" is a HAVING).
   */
  static boolean rowThresholds(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      if (!(p.get(i) instanceof Node.Threshold t) || groupContext(p, i)) {
        continue;
      }
      Optional<Binding> b = switch (t.unit()) {
        case MONEY -> money(p, i);
        case DAYS -> column(p, i, "processing_days", true);
        case YEARS -> column(p, i, "patient_age", true);
        case PLAIN -> plain(p, i);
        default -> Optional.empty();
      };
      if (b.isPresent()) {
        Filter f = threshold(b.get().column, t);
        List<Integer> idx = new ArrayList<>(b.get().absorbed);
        idx.add(i);
        int[] sorted = idx.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
        p.rewrite(sorted, new Node.Filtered(p.get(sorted[0]).start(), f));
        return true;
      }
    }
    return false;
  }

  private record Binding(String column, List<Integer> absorbed) {}

  private static Optional<Binding> money(Parse p, int i) {
    for (int j : new int[] {i - 1, i + 1}) {
      Optional<Node.Raw> m = p.raw(j).filter(r -> r.is(Kind.MEASURE) && FilterRules.MONEY_COLUMNS.contains(r.key()));
      if (m.isPresent() && !p.isRaw(j - 1, Kind.AGG)) {
        return Optional.of(new Binding(m.get().key(), List.of(j)));
      }
    }
    if (p.isRaw(i - 1, Kind.AGG) || p.get(i - 1) instanceof Node.Measured) {
      return Optional.empty(); // "average paid over $100" compares an aggregate
    }
    return Optional.of(new Binding("billed_amount", List.of()));
  }

  private static Optional<Binding> column(Parse p, int i, String column, boolean alone) {
    for (int j : new int[] {i - 1, i + 1}) {
      if (p.isRaw(j, Kind.MEASURE, column) && !p.isRaw(j - 1, Kind.AGG)) {
        return Optional.of(new Binding(column, List.of(j)));
      }
    }
    return alone ? Optional.of(new Binding(column, List.of())) : Optional.empty();
  }

  /** A bare number: on age after a person word or the age noun, on processing days after that noun, on an amount noun. */
  private static Optional<Binding> plain(Parse p, int i) {
    Optional<Binding> age = column(p, i, "patient_age", false);
    if (age.isPresent()) {
      return age;
    }
    Optional<Binding> days = column(p, i, "processing_days", false);
    if (days.isPresent()) {
      return days;
    }
    Optional<Node.Raw> m = p.raw(i - 1).filter(r -> r.is(Kind.MEASURE) && FilterRules.MONEY_COLUMNS.contains(r.key()));
    if (m.isPresent() && !p.isRaw(i - 2, Kind.AGG)) {
      return Optional.of(new Binding(m.get().key(), List.of(i - 1)));
    }
    Node before = p.get(i - 1);
    boolean person = before instanceof Node.Raw r && r.is(Kind.ENTITY, "members")
        || before instanceof Node.Filtered f && (f.filter().target().equals("patient_gender")
        || Set.of("children", "seniors", "adults").contains(f.filter().target()));
    Node.Threshold t = (Node.Threshold) p.get(i);
    if (person && !p.isRaw(i + 1, Kind.ENTITY) || t.text().contains("older") || t.text().contains("younger")) {
      return Optional.of(new Binding("patient_age", List.of()));
    }
    return Optional.empty();
  }

  /** A threshold right after a group noun and "with"/"who": "providers with more than $1M paid", "providers have billed over $1M". */
  static boolean groupContext(Parse p, int i) {
    int k = p.prev(i);
    if (k >= 0 && p.isRaw(k, Kind.MEASURE) && !p.isRaw(k - 1, Kind.AGG)) {
      k = p.prev(k);
    }
    if (k >= 0 && p.isRaw(k, Kind.AGG)) {
      k = p.prev(k);
    }
    if (k >= 0 && p.isRaw(k, Kind.WITH)) {
      k = p.prev(k);
    }
    Node n = p.get(k);
    if (n instanceof Node.Grouped) {
      return true;
    }
    return n instanceof Node.Raw r && (r.is(Kind.DIMENSION) || r.is(Kind.ENTITY, "providers")
        || r.is(Kind.ENTITY, "members") && p.isRaw(p.next(i), Kind.ENTITY));
  }

  static Filter threshold(String column, Node.Threshold t) {
    BigDecimal v = t.value();
    String shown = column.replace('_', ' ') + " " + t.text();
    if (t.op() == Filter.Op.BETWEEN) {
      return new Filter(column, Filter.Op.BETWEEN, List.of(v.toPlainString(), t.value2().toPlainString()), shown);
    }
    return new Filter(column, t.op(), List.of(v.toPlainString()), shown);
  }
}
