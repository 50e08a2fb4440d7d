package com.medflow.assistant.nlq.build;

import com.medflow.assistant.nlq.query.Filter;
import com.medflow.assistant.nlq.query.Grouping;
import com.medflow.assistant.nlq.query.Measure;
import com.medflow.assistant.nlq.vocab.Kind;
import com.medflow.assistant.semantic.ModelParts;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What is measured: named metrics, an aggregation of a column ("average paid", "median billed", "90th
 * percentile of processing time", quartiles), ratios per member or provider, "how many" of an entity or
 * of a dimension's values, "how much", averages over months ("average monthly claims"), a bare amount
 * (its default aggregation) and bare entities (counted unless something else is measured).
 */
final class MeasureRules {
  private static final Set<String> LIGHT_VERBS = Set.of("billed", "charged", "submitted", "filed", "received",
      "processed", "reimbursed");

  /** Values that name what is counted when they follow "how many" ("how many EKGs", "how many ER visits"). */
  private static final Set<String> COUNTED_VALUES = Set.of("procedure_code", "place_of_service");

  /** Amount words that are verbs after "how many ... did/were": "did Aetna pay", "did endocrinologists bill". */
  private static final Set<String> PAY_VERBS = Set.of("paid", "pay");
  private static final Set<String> BILL_VERBS = Set.of("bill", "charge", "charges", "bills");

  /** Words that make an entity a measure of its own ("claim count", "number of claims"). */
  private static final java.util.regex.Pattern COUNT_WORDS =
      java.util.regex.Pattern.compile("\\b(count|number|volume|counts)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

  private final Measures measures;

  MeasureRules(Measures measures) {
    this.measures = measures;
  }

  boolean apply(Parse p) {
    return perEntity(p) || averageOverGrain(p) || quartiles(p) || entityCount(p) || aggregate(p) || metric(p)
        || leadingAverage(p) || howMany(p) || howMuch(p) || paidClaims(p) || trailingAverage(p) || bareMeasure(p);
  }

  /** After rankings and groupings are read: entities left are counted ("claims by payer", "members by state"). */
  boolean late(Parse p) {
    return bareEntity(p);
  }

  /** "provider count", "member count", "claim count": the entity counted. */
  private boolean entityCount(Parse p) {
    for (int i = 0; i + 1 < p.size(); i++) {
      if (p.isRaw(i, Kind.ENTITY) && p.isRaw(i + 1, Kind.AGG, "count")) {
        Node.Raw e = p.raw(i).orElseThrow();
        p.rewrite(new int[] {i, i + 1}, new Node.Measured(e.start(), measures.count(e.key()), false, "count"));
        return true;
      }
    }
    return false;
  }

  /** "On average, how much gets allowed ...": the average of the amount named after. */
  private boolean leadingAverage(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      if (!p.isRaw(i, Kind.AGG, "avg")
          || !p.raw(i).orElseThrow().span().text().toLowerCase(java.util.Locale.ROOT).equals("on average")) {
        continue;
      }
      for (int k = i + 1; k < p.size(); k++) {
        Optional<Node.Raw> r = p.raw(k).filter(x -> x.is(Kind.MEASURE));
        if (r.isPresent()) {
          p.rewrite(new int[] {i, k}, new Node.Measured(r.get().start(), measures.of(r.get().key(), "avg").orElseThrow(),
              false, "on average"));
          return true;
        }
      }
    }
    return false;
  }

  /** "... charge on average", "reimbursement totals": the aggregation of the amount named just before. */
  private boolean trailingAverage(Parse p) {
    for (int i = 1; i < p.size(); i++) {
      if (p.isRaw(i, Kind.AGG, "sum") && p.isRaw(i - 1, Kind.MEASURE)) {
        Node.Raw r = p.raw(i - 1).orElseThrow();
        p.rewrite(new int[] {i - 1, i}, new Node.Measured(r.start(), measures.of(r.key(), "sum").orElseThrow(), false,
            "total"));
        return true;
      }
      if (!p.isRaw(i, Kind.AGG, "avg")) {
        continue;
      }
      for (int k = i - 1; k >= 0; k--) {
        Node n = p.get(k);
        if (n instanceof Node.Raw r && r.is(Kind.MEASURE)) {
          p.rewrite(new int[] {k, i}, new Node.Measured(r.start(), measures.of(r.key(), "avg").orElseThrow(), false,
              "on average"));
          return true;
        }
        if (n instanceof Node.Measured m && !m.implied()) {
          Optional<String> column = columnOf(m.measure());
          if (column.isPresent()) {
            Measure avg = measures.of(column.get(), "avg").orElseThrow();
            p.rewrite(new int[] {k, i}, new Node.Measured(m.start(), avg, false, "on average"));
            return true;
          }
          if (measures.isAverage(m.measure())) {
            p.remove(i); // already an average ("average paid per claim on average")
            return true;
          }
          break;
        }
      }
    }
    return false;
  }

  /** The column of a total ("total paid" is a sum of paid_amount), if the measure is one. */
  private Optional<String> columnOf(Measure m) {
    if (m.type() == Measure.Type.AGGREGATE && m.agg() == Measure.Agg.SUM) {
      return Optional.of(m.column());
    }
    if (m.type() == Measure.Type.METRIC) {
      for (ModelParts.MeasureColumn c : measures.model().measures().values()) {
        if (m.metric().equals(c.metrics().get("sum"))) {
          return Optional.of(c.column());
        }
      }
    }
    return Optional.empty();
  }

  /** "claims per member", "average paid per provider", "paid per member": a total over distinct entities. */
  private boolean perEntity(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      if (!p.isRaw(i, Kind.GROUP) || !p.raw(i).orElseThrow().span().text().equalsIgnoreCase("per")) {
        continue;
      }
      int pe = i + 1;
      while (p.get(pe) instanceof Node.Filtered) {
        pe++; // "per approved ER claim": the filters between are the claim's
      }
      Optional<Node.Raw> per = p.raw(pe).filter(r -> r.is(Kind.ENTITY));
      if (per.isEmpty()) {
        continue;
      }
      int perIndex = pe;
      ModelParts.Entity e = measures.model().entity(per.get().key());
      int n = i - 1;
      if (e.name().equals("claims") && p.isRaw(n, Kind.RANK) && p.isRaw(n - 1, Kind.MEASURE)) {
        // "which payer pays the most per claim": ranked by the average amount of a claim
        String column = p.raw(n - 1).orElseThrow().key();
        p.replace(n - 1, new Node.Measured(p.get(n - 1).start(), measures.of(column, "avg").orElseThrow(), false,
            "per claim"));
        p.rewrite(through(i, i, perIndex)); // "per claim" is read into the average
        return true;
      }
      boolean avg = false;
      Measure numerator;
      int first;
      if (p.isRaw(n, Kind.ENTITY, "claims")) {
        numerator = measures.claims();
        first = n;
      } else if (p.isRaw(n, Kind.MEASURE)) {
        numerator = null;
        first = n;
      } else {
        continue;
      }
      if (numerator != null && p.isRaw(first - 1, Kind.HOW_MANY)
          && p.raw(first - 1).orElseThrow().span().text().toLowerCase(java.util.Locale.ROOT).matches("number of|count of")
          && p.isRaw(first - 2, Kind.AGG, "avg")) {
        first--; // "average number of claims per member": the claims per member, an average already
      }
      if (p.isRaw(first - 1, Kind.AGG, "avg")) {
        avg = true;
        first--;
      }
      if (e.name().equals("claims")) {
        if (numerator != null) {
          continue; // "claims per claim"
        }
        // "average paid per claim", "paid per claim": the average amount of a claim; "median billed per claim":
        // the median of the claims' amounts
        String column = p.raw(n).orElseThrow().key();
        String agg = "avg";
        if (!avg && p.raw(first - 1).filter(r -> r.is(Kind.AGG) && measures.of(column, r.key()).isPresent()
            && !r.key().equals("sum") && !r.key().equals("count")).isPresent()) {
          first--;
          agg = p.raw(first).orElseThrow().key();
        }
        Node avgNode = new Node.Measured(p.get(first).start(), measures.of(column, agg).orElseThrow(), false, "per claim");
        p.rewrite(through(first, i, perIndex), avgNode);
        return true;
      }
      if (e.distinctColumn().isEmpty() || e.dimension().isPresent() && !avg && numerator != null) {
        continue; // "claims per provider" is a breakdown by provider
      }
      Measure top = numerator != null ? numerator : measures.of(p.raw(n).orElseThrow().key(), "sum").orElseThrow();
      Measure m = Measure.per(top, e.distinctColumn().get(), top.label() + " per " + e.label().replaceAll("s$", ""));
      p.rewrite(through(first, i, perIndex), new Node.Measured(p.get(first).start(), m, false, "per"));
      return true;
    }
    return false;
  }

  /** Indices {@code from..to} and {@code also}, in order. */
  private static int[] through(int from, int to, int also) {
    return java.util.stream.IntStream.concat(java.util.stream.IntStream.rangeClosed(from, to),
        java.util.stream.IntStream.of(also)).distinct().sorted().toArray();
  }

  /** "average monthly claims", "average claims per month", "average number of claims per quarter". */
  private boolean averageOverGrain(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      if (!p.isRaw(i, Kind.AGG, "avg")) {
        continue;
      }
      int a = i + 1;
      if (p.isRaw(a, Kind.HOW_MANY)) {
        a++; // "on average, how many claims a month", "average number of claims per month"
      }
      int b = a + 1;
      String grain = null;
      int entity = -1;
      if (p.isRaw(a, Kind.GRAIN) && isAdjective(p, a) && (p.isRaw(b, Kind.ENTITY) || p.isRaw(b, Kind.MEASURE))) {
        grain = p.raw(a).orElseThrow().key();
        entity = b;
      } else if ((p.isRaw(a, Kind.ENTITY) || p.isRaw(a, Kind.MEASURE)) && p.isRaw(b, Kind.GROUP)
          && p.raw(b).orElseThrow().span().text().equalsIgnoreCase("per") && p.isRaw(b + 1, Kind.GRAIN)) {
        grain = p.raw(b + 1).orElseThrow().key();
        entity = a;
      } else if ((p.isRaw(a, Kind.ENTITY) || p.isRaw(a, Kind.MEASURE)) && p.isRaw(b, Kind.GRAIN)
          && p.raw(b).orElseThrow().span().text().toLowerCase(java.util.Locale.ROOT).startsWith("per ")) {
        grain = p.raw(b).orElseThrow().key();
        entity = a;
      } else if (p.isRaw(a, Kind.ENTITY) && p.isRaw(b, Kind.GRAIN) && p.raw(b).orElseThrow().span().start() > 0
          && Set.of("a", "an").contains(p.tokens.get(p.raw(b).orElseThrow().span().start() - 1).text())) {
        grain = p.raw(b).orElseThrow().key(); // "how many claims a month, on average"
        entity = a;
      }
      if (grain == null) {
        continue;
      }
      Node.Raw e = p.raw(entity).orElseThrow();
      if (e.is(Kind.MEASURE) && !additive(e.key())) {
        continue; // "average processing days per month": an average by month, not an average of averages
      }
      Measure m = e.is(Kind.ENTITY) ? measures.count(e.key()) : measures.defaultFor(e.key());
      int last = Math.max(a, b) + (entity == a && p.isRaw(b, Kind.GROUP) ? 1 : 0);
      int start = p.get(i).start();
      p.rewrite(NumberRules.range(i, last), new Node.Measured(start, m, false, "average per " + grain),
          new Node.Grouped(start, Grouping.grain(grain), false, false, grain),
          new Node.Cue(start, Kind.AGG, "average_over_grain"));
      return true;
    }
    return false;
  }

  /** An amount that adds up over months (its default is a total), so a monthly average of it means something. */
  private boolean additive(String column) {
    return measures.model().measure(column).map(ModelParts.MeasureColumn::defaultAgg).orElse("sum").equals("sum");
  }

  /** "monthly" (an adjective), not "by month". */
  private static boolean isAdjective(Parse p, int i) {
    String text = p.raw(i).orElseThrow().span().text().toLowerCase(java.util.Locale.ROOT);
    return text.endsWith("ly") || text.equals("annual");
  }

  private boolean quartiles(Parse p) {
    for (int i = 0; i + 1 < p.size(); i++) {
      if (p.isRaw(i, Kind.AGG, "quartiles") && p.isRaw(p.next(i), Kind.MEASURE) || p.isRaw(i, Kind.MEASURE)
          && p.isRaw(i + 1, Kind.AGG, "quartiles")) {
        int mi = p.isRaw(i, Kind.MEASURE) ? i : p.next(i);
        String column = p.raw(mi).orElseThrow().key();
        int start = p.get(i).start();
        p.rewrite(new int[] {Math.min(i, mi), Math.max(i, mi)},
            new Node.Measured(start, measures.of(column, "p25").orElseThrow(), false, "quartile"),
            new Node.Measured(start, measures.of(column, "median").orElseThrow(), false, "quartile"),
            new Node.Measured(start, measures.of(column, "p75").orElseThrow(), false, "quartile"));
        return true;
      }
    }
    return false;
  }

  /** "average paid", "median billed amount", "total claims", "maximum processing time", "p90 of billed". */
  private boolean aggregate(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      Optional<Node.Raw> agg = p.raw(i).filter(r -> r.is(Kind.AGG));
      if (agg.isEmpty() || agg.get().key().equals("quartiles") || agg.get().key().equals("percentile")) {
        continue;
      }
      int j = p.next(i);
      if (p.isRaw(j, Kind.DISTINCT)) {
        j = p.next(j);
      }
      String key = agg.get().key();
      Optional<Node.Raw> target = p.raw(j);
      if (target.isEmpty()) {
        continue;
      }
      if (key.equals("min_max") && target.get().is(Kind.MEASURE)) {
        // "lowest and highest paid amount": both
        String column = target.get().key();
        int start = p.get(i).start();
        p.rewrite(new int[] {i, j}, new Node.Measured(start, measures.of(column, "min").orElseThrow(), false, "lowest"),
            new Node.Measured(start, measures.of(column, "max").orElseThrow(), false, "highest"));
        return true;
      }
      Optional<Measure> m = Optional.empty();
      if (target.get().is(Kind.MEASURE)) {
        m = key.equals("count") ? Optional.empty() : measures.of(target.get().key(), key);
      } else if (target.get().is(Kind.ENTITY) && (key.equals("sum") || key.equals("count"))) {
        m = Optional.of(measures.count(target.get().key()));
      } else if (target.get().is(Kind.METRIC) && key.equals("avg")) {
        m = Optional.of(measures.metric(target.get().key())); // "average denial rate" is the rate over the scope
        p.notes.add("average rate");
      }
      if (m.isEmpty()) {
        continue;
      }
      int[] idx = j == p.next(i) ? new int[] {i, j} : new int[] {i, p.next(i), j};
      p.rewrite(idx, new Node.Measured(p.get(i).start(), m.get(), false, agg.get().span().text()));
      return true;
    }
    return false;
  }

  private boolean metric(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      if (p.isRaw(i, Kind.METRIC)) {
        Node.Raw r = p.raw(i).orElseThrow();
        p.replace(i, new Node.Measured(r.start(), measures.metric(r.key()), false, r.span().text()));
        return true;
      }
    }
    return false;
  }

  /** "how many claims", "how many unique patients", "how many states", "number of procedure codes". */
  private boolean howMany(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      if (!p.isRaw(i, Kind.HOW_MANY)) {
        continue;
      }
      int j = p.next(i);
      boolean distinct = false;
      if (p.isRaw(j, Kind.DISTINCT)) {
        distinct = true;
        j = p.next(j);
      }
      Optional<Node.Raw> t = p.raw(j);
      if (t.isEmpty()) {
        continue;
      }
      Optional<Measure> m = Optional.empty();
      String verb = t.get().span().text().toLowerCase(java.util.Locale.ROOT);
      if (t.get().is(Kind.MEASURE) && !distinct && (PAY_VERBS.contains(verb) || LIGHT_VERBS.contains(verb)
          || BILL_VERBS.contains(verb))) {
        // "how many A1c tests were billed", "how many were paid": claims counted; an amount is not counted
        Node counted = new Node.Measured(p.get(i).start(), measures.claims(), false, "how many");
        if (PAY_VERBS.contains(verb)) {
          p.rewrite(new int[] {i, j}, counted, new Node.Filtered(t.get().start(), Filter.in("claim_status",
              List.of("APPROVED"), "claim status APPROVED (paid claims)")));
        } else {
          p.rewrite(new int[] {i, j}, counted);
        }
        return true;
      }
      boolean countedValue = p.get(i + 1) instanceof Node.Filtered f && COUNTED_VALUES.contains(f.filter().target())
          && p.wordsBetween(p.get(i + 1).start(), t.get().start()).stream()
              .anyMatch(w -> w.matches("did|do|does|were|was|had|have|has|got|get"));
      if (t.get().is(Kind.ENTITY) && countedValue && !distinct) {
        // "how many EKGs did the cardiologists do": the procedures are counted (claims), not the providers
        p.remove(j); // the providers the specialty word names are who did it, not what is counted
        p.replace(i, new Node.Measured(p.get(i).start(), measures.claims(), false, "how many"));
        return true;
      }
      if (t.get().is(Kind.ENTITY)) {
        m = Optional.of(measures.count(t.get().key()));
      } else if (t.get().is(Kind.DIMENSION) && measures.model().dimension(t.get().key()).source().isPresent()) {
        m = Optional.of(measures.claims()); // "how many quality checks": rows of that table
      } else if (t.get().is(Kind.DIMENSION)) {
        String text = t.get().span().text().toLowerCase(java.util.Locale.ROOT);
        if (!distinct && t.get().key().equals("procedure_code") && !text.contains("code") && !text.contains("cpt")
            && !text.contains("hcpcs")) {
          // "how many procedures": claims, or distinct procedure codes? Both readings are offered.
          Parse other = p.copy();
          int[] idx = j == p.next(i) ? new int[] {i, j} : new int[] {i, p.next(i), j};
          other.rewrite(idx, new Node.Measured(p.get(i).start(), measures.claims(), false, "how many procedures"));
          p.alternatives.add(other);
        }
        m = measures.distinct(t.get().key());
      }
      if (m.isEmpty()) {
        continue;
      }
      int[] idx = j == p.next(i) ? new int[] {i, j} : new int[] {i, p.next(i), j};
      p.rewrite(idx, new Node.Measured(p.get(i).start(), m.get(), false, "how many"));
      return true;
    }
    return false;
  }

  /** "how much did we pay", "how much was billed". */
  private boolean howMuch(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      if (!p.isRaw(i, Kind.HOW_MUCH)) {
        continue;
      }
      for (int j = i + 1; j < p.size(); j++) {
        Optional<Node.Raw> m = p.raw(j).filter(r -> r.is(Kind.MEASURE));
        if (m.isPresent() && !p.isRaw(j - 1, Kind.AGG) && !p.isRaw(j - 1, Kind.RANK)) {
          p.rewrite(new int[] {i, j}, new Node.Measured(p.get(i).start(), measures.of(m.get().key(), "sum")
              .orElseThrow(), false, "how much"));
          return true;
        }
        if (p.get(j) instanceof Node.Measured mm && !mm.implied()) {
          p.remove(i); // "how much is the total paid"
          return true;
        }
      }
      if (p.any(n -> n instanceof Node.Filtered f && f.filter().target().equals("claim_status"))) {
        // "how many dollars were denied": the billed amount of those claims
        p.replace(i, new Node.Measured(p.get(i).start(), measures.of("billed_amount", "sum").orElseThrow(), false,
            "dollars"));
        return true;
      }
    }
    return false;
  }

  /**
   * "claims paid", "paid claims": approved claims, when nothing else names an amount; "billed", "submitted"
   * after claims are verbs of the claim, not measures.
   */
  private boolean paidClaims(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      Optional<Node.Raw> m = p.raw(i).filter(r -> r.is(Kind.MEASURE));
      if (m.isEmpty()) {
        continue;
      }
      String text = m.get().span().text().toLowerCase(java.util.Locale.ROOT);
      // "how many claims were paid", "the number of claims Aetna paid": the claims counted, then their verb
      boolean afterCount = p.get(p.prev(i)) instanceof Node.Measured mm && mm.measure().equals(measures.claims())
          && (PAY_VERBS.contains(text) || LIGHT_VERBS.contains(text) || BILL_VERBS.contains(text));
      // "how many distinct providers billed Aetna": the providers' verb, when no amount condition follows it
      boolean afterEntityCount = p.get(p.prev(i)) instanceof Node.Measured mm && mm.text().equals("how many")
          && !mm.measure().equals(measures.claims()) && (LIGHT_VERBS.contains(text) || BILL_VERBS.contains(text))
          && !p.isRaw(p.next(i), Kind.COMPARATOR) && !p.isRaw(p.next(i), Kind.MONEY) && !p.isRaw(p.next(i), Kind.NUMBER);
      if (afterEntityCount) {
        p.remove(i);
        return true;
      }
      boolean nextToClaims = p.isRaw(p.prev(i), Kind.ENTITY, "claims") || p.isRaw(p.next(i), Kind.ENTITY, "claims")
          || afterCount;
      if (!nextToClaims || p.isRaw(i - 1, Kind.AGG) || p.isRaw(i - 1, Kind.HOW_MUCH)) {
        continue;
      }
      if (text.equals("paid") || afterCount && PAY_VERBS.contains(text)) {
        p.replace(i, new Node.Filtered(m.get().start(), Filter.in("claim_status", List.of("APPROVED"),
            "claim status APPROVED (paid claims)")));
        return true;
      }
      if ((LIGHT_VERBS.contains(text) || afterCount && BILL_VERBS.contains(text)) && p.any(n -> n instanceof Node.Measured || n instanceof Node.Raw r
          && (r.is(Kind.HOW_MANY) || r.is(Kind.METRIC)))) {
        p.remove(i);
        return true;
      }
    }
    return false;
  }

  /** An amount named alone takes its default aggregation ("paid by payer" = total paid). */
  private boolean bareMeasure(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      Optional<Node.Raw> m = p.raw(i).filter(r -> r.is(Kind.MEASURE));
      if (m.isPresent() && !p.isRaw(i - 1, Kind.RANK) && !p.isRaw(p.prev(i), Kind.RANK)) {
        p.replace(i, new Node.Measured(m.get().start(), measures.defaultFor(m.get().key()), false, m.get().span().text()));
        return true;
      }
    }
    return false;
  }

  /** "claims", "members": counted when nothing else is measured. */
  private boolean bareEntity(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      Optional<Node.Raw> e = p.raw(i).filter(r -> r.is(Kind.ENTITY));
      if (e.isPresent()) {
        boolean said = listed(p, i) || COUNT_WORDS.matcher(e.get().span().text()).find();
        p.replace(i, new Node.Measured(e.get().start(), measures.count(e.get().key()), !said, e.get().span().text()));
        return true;
      }
    }
    return false;
  }

  /** "claim count and average paid", "denial rate and claims": an entity in a list of measures is one of them, counted. */
  private static boolean listed(Parse p, int i) {
    return p.isRaw(i + 1, Kind.AND) ? measured(p, i + 2) : p.isRaw(i - 1, Kind.AND) && measured(p, i - 2);
  }

  private static boolean measured(Parse p, int i) {
    return i >= 0 && i < p.size() && (p.get(i) instanceof Node.Measured m && !m.implied()
        || p.isRaw(i, Kind.METRIC) || p.isRaw(i, Kind.MEASURE) || p.isRaw(i, Kind.AGG));
  }
}
