package com.medflow.assistant.nlq.build;

import com.medflow.assistant.nlq.query.Measure;
import com.medflow.assistant.nlq.vocab.Kind;
import com.medflow.assistant.semantic.ModelParts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One amount less another: "billed minus allowed", "total billed minus total paid", "the difference between
 * billed and paid", "the gap between average billed and average allowed". Both sides are amounts of the same
 * format (dollars), aggregated the same way (the side that names no aggregation takes the other's, else the
 * column's default): a difference of a total and an average is not read.
 */
final class DifferenceRules {
  private final Measures measures;

  DifferenceRules(Measures measures) {
    this.measures = measures;
  }

  boolean apply(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      if (p.isRaw(i, Kind.NEGATION) && word(p, i).equals("minus")) {
        Optional<Side> a = sideBefore(p, i);
        Optional<Side> b = sideAfter(p, i + 1);
        if (a.isPresent() && b.isPresent() && rewrite(p, a.get(), b.get(), a.get().first, b.get().last)) {
          return true;
        }
      }
      // "difference between A and B", "gap between A and B"
      if (p.isRaw(i, Kind.CHANGE, "change") && word(p, i).matches("difference|gap|delta")
          && p.isRaw(i + 1, Kind.COMPARATOR, "between")) {
        Optional<Side> a = sideAfter(p, i + 2);
        if (a.isEmpty() || !p.isRaw(a.get().last + 1, Kind.AND)) {
          continue;
        }
        Optional<Side> b = sideAfter(p, a.get().last + 2);
        // "the total difference between billed and allowed": the aggregation said before applies to both sides
        String before = p.isRaw(i - 1, Kind.AGG, "sum") || p.isRaw(i - 1, Kind.AGG, "avg") ? p.raw(i - 1).orElseThrow().key()
            : null;
        if (b.isPresent() && before != null && a.get().agg() == null && b.get().agg() == null
            && rewrite(p, new Side(a.get().column(), before, a.get().first(), a.get().last()),
                new Side(b.get().column(), before, b.get().first(), b.get().last()), i - 1, b.get().last)) {
          return true;
        }
        if (b.isPresent() && rewrite(p, a.get(), b.get(), i, b.get().last)) {
          return true;
        }
      }
    }
    return false;
  }

  /** An amount column, with the aggregation said before it (or none), over nodes {@code first..last}. */
  private record Side(String column, String agg, int first, int last) {}

  private Optional<Side> sideAfter(Parse p, int i) {
    boolean agg = p.isRaw(i, Kind.AGG);
    int at = agg ? i + 1 : i;
    return amount(p, at).map(c -> new Side(c, agg ? p.raw(i).orElseThrow().key() : null, i, at));
  }

  private Optional<Side> sideBefore(Parse p, int i) {
    Optional<String> c = amount(p, i - 1);
    if (c.isEmpty()) {
      return Optional.empty();
    }
    boolean agg = p.isRaw(i - 2, Kind.AGG);
    return Optional.of(new Side(c.get(), agg ? p.raw(i - 2).orElseThrow().key() : null, agg ? i - 2 : i - 1, i - 1));
  }

  /** The dollar column a raw measure node names. */
  private Optional<String> amount(Parse p, int i) {
    return p.raw(i).filter(r -> r.is(Kind.MEASURE)).map(Node.Raw::key)
        .filter(c -> measures.model().measure(c).map(ModelParts.MeasureColumn::format).orElse("").equals("money"));
  }

  private boolean rewrite(Parse p, Side a, Side b, int from, int to) {
    if (a.column().equals(b.column())) {
      return false;
    }
    String agg = a.agg() != null ? a.agg() : b.agg();
    if (a.agg() != null && b.agg() != null && !a.agg().equals(b.agg())) {
      return false; // "total billed minus average paid": not one meaning
    }
    if (agg == null) {
      agg = measures.model().measure(a.column()).map(ModelParts.MeasureColumn::defaultAgg).orElse("sum");
    }
    if (!agg.equals("sum") && !agg.equals("avg")) {
      return false;
    }
    Optional<Measure> ma = measures.of(a.column(), agg);
    Optional<Measure> mb = measures.of(b.column(), agg);
    if (ma.isEmpty() || mb.isEmpty()) {
      return false;
    }
    Measure diff = Measure.difference(ma.get(), mb.get(), ma.get().label() + " minus " + mb.get().label());
    List<Integer> idx = new ArrayList<>();
    for (int k = from; k <= to; k++) {
      idx.add(k);
    }
    p.rewrite(idx.stream().mapToInt(Integer::intValue).toArray(),
        new Node.Measured(p.get(from).start(), diff, false, "difference"));
    return true;
  }

  private static String word(Parse p, int i) {
    return p.raw(i).orElseThrow().span().text().toLowerCase(Locale.ROOT);
  }
}
