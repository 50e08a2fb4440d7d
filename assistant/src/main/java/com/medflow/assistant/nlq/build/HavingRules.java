package com.medflow.assistant.nlq.build;

import com.medflow.assistant.nlq.query.Filter;
import com.medflow.assistant.nlq.query.Grouping;
import com.medflow.assistant.nlq.query.Measure;
import com.medflow.assistant.nlq.vocab.Kind;
import com.medflow.assistant.semantic.ModelParts;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Conditions on groups: "more than 50 claims", "a denial rate above 12%", "over $1M paid", attached to the
 * group they follow ("providers with more than 50 claims"); "how many" before such a group counts the groups.
 */
final class HavingRules {
  private final Measures measures;

  HavingRules(Measures measures) {
    this.measures = measures;
  }

  boolean apply(Parse p) {
    return countCondition(p) || rateCondition(p) || amountCondition(p) || attach(p);
  }

  /** "more than 50 claims", "at least 100 patients", "over 10 denials", "billed more than 1,000 times". */
  private boolean countCondition(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      if (p.get(i) instanceof Node.Threshold t && t.unit() == Node.Threshold.Unit.CLAIMS) {
        int k = i - 1;
        if (p.raw(k).filter(r -> r.is(Kind.MEASURE)).isPresent()) {
          p.rewrite(new int[] {k, i}, having(t, measures.claims())); // "billed more than 1,000 times": the verb goes
        } else {
          p.replace(i, having(t, measures.claims()));
        }
        return true;
      }
      if (!(p.get(i) instanceof Node.Threshold t) || t.unit() != Node.Threshold.Unit.PLAIN) {
        continue;
      }
      int n = p.next(i);
      Optional<Node.Raw> e = p.raw(n).filter(r -> r.is(Kind.ENTITY));
      if (e.isPresent()) {
        Measure m = measures.count(e.get().key());
        p.rewrite(new int[] {i, n}, having(t, m));
        return true;
      }
      if (p.get(i + 1) instanceof Node.Filtered f && f.filter().target().equals("claim_status") && n < 0) {
        p.rewrite(new int[] {i}, having(t, measures.claims()));
        return true;
      }
    }
    return false;
  }

  /** "a denial rate above 12%", "approval rate under 80 percent". */
  private boolean rateCondition(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      if (!(p.get(i) instanceof Node.Threshold t) || t.unit() != Node.Threshold.Unit.PERCENT) {
        continue;
      }
      for (int j : new int[] {i - 1, i + 1}) {
        Optional<Node.Raw> m = p.raw(j).filter(r -> r.is(Kind.METRIC));
        if (m.isPresent()) {
          Node.Threshold asFraction = new Node.Threshold(t.start(), t.op(), fraction(t.value()),
              t.value2() == null ? null : fraction(t.value2()), t.unit(), t.text());
          p.rewrite(new int[] {Math.min(i, j), Math.max(i, j)}, having(asFraction, measures.metric(m.get().key())));
          return true;
        }
      }
    }
    return false;
  }

  private static BigDecimal fraction(BigDecimal percent) {
    return percent.movePointLeft(2);
  }

  /** "over $1M paid", "more than $500 average billed", "average processing time over 30 days" after a group. */
  private boolean amountCondition(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      if (!(p.get(i) instanceof Node.Threshold t) || !ThresholdRules.groupContext(p, i) && !aggBefore(p, i)) {
        continue;
      }
      if (t.unit() != Node.Threshold.Unit.MONEY && t.unit() != Node.Threshold.Unit.DAYS
          && t.unit() != Node.Threshold.Unit.PLAIN) {
        continue;
      }
      // [agg] measure threshold | threshold [agg] measure
      int[] before = {i - 2, i - 1};
      int[] after = {i + 1, i + 2};
      for (int[] pair : new int[][] {before, after}) {
        boolean agg = p.isRaw(pair[0], Kind.AGG) && p.isRaw(pair[1], Kind.MEASURE);
        int mi = agg ? pair[1] : pair == before ? i - 1 : i + 1;
        Optional<Node.Raw> m = p.raw(mi).filter(r -> r.is(Kind.MEASURE));
        if (m.isEmpty()) {
          continue;
        }
        String column = m.get().key();
        String aggKey = agg ? p.raw(pair[0]).orElseThrow().key()
            : measures.model().measure(column).map(ModelParts.MeasureColumn::defaultAgg).orElse("sum");
        Optional<Measure> measure = measures.of(column, aggKey);
        if (measure.isEmpty()) {
          continue;
        }
        int lo = Math.min(agg ? pair[0] : mi, i);
        int hi = Math.max(mi, i);
        p.rewrite(NumberRules.range(lo, hi), having(t, measure.get()));
        return true;
      }
    }
    return false;
  }

  private static boolean aggBefore(Parse p, int i) {
    return p.isRaw(i - 2, Kind.AGG) && p.isRaw(i - 1, Kind.MEASURE);
  }

  private static Node.HavingCond having(Node.Threshold t, Measure m) {
    return new Node.HavingCond(t.start(), m, t.op(), t.value(), t.value2(), t.text());
  }

  /** "providers with more than 50 claims" groups by provider; "how many providers ..." counts those groups. */
  private boolean attach(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      if (!(p.get(i) instanceof Node.HavingCond)) {
        continue;
      }
      int g = p.prev(i);
      if (g >= 0 && p.isRaw(g, Kind.WITH)) {
        g = p.prev(g);
      }
      if (g < 0) {
        continue;
      }
      Optional<Grouping> grouping = groupingOf(p, g);
      if (grouping.isEmpty()) {
        continue;
      }
      Node.Raw noun = p.raw(g).orElseThrow();
      int start = noun.start();
      int[] idx = p.isRaw(p.prev(i), Kind.WITH) ? new int[] {g, p.prev(i)} : new int[] {g};
      int h = p.prev(g);
      boolean count = h >= 0 && p.isRaw(h, Kind.HOW_MANY);
      boolean among = h >= 0 && p.isRaw(h, Kind.AMONG);
      String said = noun.span().text().toLowerCase(java.util.Locale.ROOT);
      boolean single = !said.endsWith("s") || said.endsWith("ss");
      boolean which = h >= 0 && p.isRaw(h, Kind.WHICH);
      Node grouped = new Node.Grouped(start, grouping.get(), which, single, noun.span().text());
      if (count || among) {
        int[] withCue = new int[idx.length + 1];
        withCue[0] = h;
        System.arraycopy(idx, 0, withCue, 1, idx.length);
        p.rewrite(withCue, count ? new Node.Cue(start, Kind.HOW_MANY, "count_groups") : new Node.Cue(start, Kind.AMONG,
            "among"), grouped);
      } else {
        p.rewrite(idx, grouped);
      }
      return true;
    }
    return false;
  }

  /** The group a noun names: a dimension, or an entity's dimension, or (members) the member id. */
  private Optional<Grouping> groupingOf(Parse p, int g) {
    Optional<Node.Raw> r = p.raw(g);
    if (r.isEmpty()) {
      return Optional.empty();
    }
    if (r.get().is(Kind.DIMENSION)) {
      ModelParts.Dimension d = measures.model().dimension(r.get().key());
      return Optional.of(Grouping.of(d.name(), d.label()));
    }
    if (r.get().is(Kind.ENTITY)) {
      ModelParts.Entity e = measures.model().entity(r.get().key());
      if (e.dimension().isPresent()) {
        return Optional.of(new Grouping(e.dimension().get(), e.distinctColumn().orElse(null), java.util.List.of(),
            e.label()));
      }
      if (e.distinctColumn().isPresent()) {
        return Optional.of(new Grouping("entity:" + e.name(), e.distinctColumn().get(), java.util.List.of(), e.label()));
      }
    }
    return Optional.empty();
  }

  static Filter.Op op(Node.Threshold t) {
    return t.op();
  }
}
