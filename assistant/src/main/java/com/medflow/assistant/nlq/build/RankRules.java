package com.medflow.assistant.nlq.build;

import com.medflow.assistant.nlq.query.Measure;
import com.medflow.assistant.nlq.vocab.Kind;
import com.medflow.assistant.semantic.ModelParts;
import java.util.Optional;

/**
 * Order words: "top 5", "the 3 lowest", "most common" (by claims), "most claims", "highest denial rate",
 * "highest billed amount" (by that amount), "best"/"worst" (by the metric's good direction).
 */
final class RankRules {
  private final Measures measures;

  RankRules(Measures measures) {
    this.measures = measures;
  }

  boolean apply(Parse p) {
    return countBeforeGroup(p) || ranks(p) || place(p);
  }

  /** "the second busiest month", "3rd highest denial rate": the rows in that place of the order, ties included. */
  private static boolean place(Parse p) {
    for (int i = 0; i + 1 < p.size(); i++) {
      Optional<Node.Raw> o = p.raw(i).filter(x -> x.is(Kind.ORDINAL));
      if (o.isPresent() && p.get(i + 1) instanceof Node.Ranked r && r.limit() == null && !r.word().startsWith("sort:")) {
        int n = Integer.parseInt(o.get().key());
        p.rewrite(new int[] {i, i + 1}, new Node.Ranked(o.get().start(), r.descending(), n, r.by(), "#" + n + " " + r.word()));
        return true;
      }
    }
    return false;
  }

  /** "which five states have the most ...", "the 3 payers with the highest ...": the count is the ranking's limit. */
  private boolean countBeforeGroup(Parse p) {
    for (int i = 0; i + 1 < p.size(); i++) {
      Optional<Node.Raw> n = p.raw(i).filter(x -> x.is(Kind.NUMBER) && x.span().number().orElseThrow().isInteger());
      boolean withRank = p.isRaw(i + 1, Kind.WITH) && p.isRaw(i + 2, Kind.RANK); // "what are the 3 with the lowest ..."
      if (n.isEmpty() || !groupable(p, p.next(i)) && !withRank) {
        continue;
      }
      int limit = n.get().span().number().orElseThrow().intValue();
      if (limit < 1 || limit > 1000) {
        continue;
      }
      for (int k = 0; k < p.size(); k++) {
        if (p.get(k) instanceof Node.Ranked r && r.limit() == null) {
          p.replace(k, new Node.Ranked(r.start(), r.descending(), limit, r.by(), r.word()));
          p.remove(i);
          return true;
        }
        if (p.isRaw(k, Kind.RANK) && k != i + 1 && !(p.isRaw(k + 1, Kind.NUMBER) || p.isRaw(k - 1, Kind.NUMBER))) {
          // move the count next to the ranking word, where rank() reads it
          Node number = p.get(i);
          p.remove(i);
          int at = k > i ? k - 1 : k;
          p.nodes.add(at + 1, number);
          return true;
        }
      }
    }
    return false;
  }

  private boolean groupable(Parse p, int i) {
    Optional<Node.Raw> r = p.raw(i);
    return r.isPresent() && (r.get().is(Kind.DIMENSION) || r.get().is(Kind.ENTITY)
        && measures.model().entity(r.get().key()).dimension().isPresent());
  }

  private boolean ranks(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      Optional<Node.Raw> r = p.raw(i).filter(x -> x.is(Kind.RANK));
      if (r.isPresent()) {
        return rank(p, i, r.get());
      }
      if (p.isRaw(i, Kind.FREQUENCY)) {
        String word = p.raw(i).orElseThrow().span().text();
        Integer limit = null;
        int from = i;
        int to = i;
        for (int k : new int[] {i - 1, i + 1}) {
          Optional<Node.Raw> n = p.raw(k).filter(x -> x.is(Kind.NUMBER) && x.span().number().orElseThrow().isInteger());
          if (n.isPresent() && limit == null) {
            limit = n.get().span().number().orElseThrow().intValue();
            from = Math.min(from, k);
            to = Math.max(to, k);
          }
        }
        boolean desc = !word.toLowerCase(java.util.Locale.ROOT).matches(".*(least|quietest|rarest|fewest).*");
        p.rewrite(NumberRules.range(from, to), new Node.Ranked(p.get(from).start(), desc, limit, measures.claims(), word));
        return true;
      }
    }
    return false;
  }

  /** A dimension asked for before the ranking word ("which payer ... the most"): what is ranked is already said. */
  private static boolean subjectBefore(Parse p, int i) {
    for (int k = 0; k < i; k++) {
      if (p.isRaw(k, Kind.DIMENSION) && p.isRaw(k - 1, Kind.WHICH)) {
        return true;
      }
    }
    return false;
  }

  private boolean rank(Parse p, int i, Node.Raw r) {
    String key = r.key();
    String word = r.span().text().toLowerCase(java.util.Locale.ROOT);
    int start = r.start();
    Integer limit = null;
    int last = i;
    // "top 5", "5 highest"
    if (p.isRaw(i + 1, Kind.NUMBER) && integer(p, i + 1)) {
      limit = p.raw(i + 1).orElseThrow().span().number().orElseThrow().intValue();
      last = i + 1;
    } else if (p.isRaw(i - 1, Kind.NUMBER) && integer(p, i - 1)) {
      limit = p.raw(i - 1).orElseThrow().span().number().orElseThrow().intValue();
      start = p.get(i - 1).start();
      i = i - 1;
    }
    if (limit != null && (limit < 1 || limit > 1000)) {
      return false;
    }
    int n = p.next(last);
    Measure by = null;
    int byIndex = -1;
    boolean amountWord = word.matches(".*(expensive|costliest|priciest|cheapest).*");
    if (amountWord && p.isRaw(n, Kind.ENTITY, "claims")) {
      // "the most expensive claim": claims ranked by an amount, not by how many there are
      n = -1;
      if (p.raw(p.next(last)).orElseThrow().span().text().equalsIgnoreCase("claim")) {
        p.nodes.add(p.next(last) + 1, new Node.Grouped(r.start(), com.medflow.assistant.nlq.query.Grouping.of("claim",
            measures.model().dimension("claim").label()), false, true, "claim"));
      }
    }
    if (n < 0) {
      // nothing read after the ranking word
    } else if (p.isRaw(n, Kind.AGG, "sum")) {
      byIndex = n; // "the biggest total": by the measure of the question
    } else if (p.isRaw(n, Kind.FREQUENCY)) {
      by = measures.claims();
      byIndex = n;
    } else if (p.get(n) instanceof Node.Measured m && !m.implied()) {
      by = m.measure();
      byIndex = n;
    } else if (p.isRaw(n, Kind.ENTITY) && (measures.model().entity(p.raw(n).orElseThrow().key()).dimension().isEmpty()
        || subjectBefore(p, i))) { // "which payer has the most providers": providers counted, payers ranked
      by = measures.count(p.raw(n).orElseThrow().key());
      byIndex = n;
    } else if (p.get(n) instanceof Node.Measured m && m.implied()
        && measures.model().entity(entityOf(m)).dimension().isEmpty()) {
      by = m.measure();
      byIndex = n;
    } else if (p.isRaw(n, Kind.MEASURE)) {
      String column = p.raw(n).orElseThrow().key();
      by = measures.defaultFor(column);
      byIndex = n;
      p.notes.add("ranked amount:" + column + ":" + (key.equals("asc") ? "min" : "max"));
    }
    boolean desc = switch (key) {
      case "desc", "sort_desc", "rank_by" -> true;
      case "asc", "sort_asc" -> false;
      default -> polarity(key, by);
    };
    if (key.startsWith("sort_") || key.equals("rank_by")) {
      word = "sort:" + word; // an order for every row, no cut
    }
    int[] idx = byIndex < 0 ? NumberRules.range(i, last) : concat(NumberRules.range(i, last), byIndex);
    p.rewrite(idx, new Node.Ranked(start, desc, limit, by, word));
    return true;
  }

  private String entityOf(Node.Measured m) {
    for (ModelParts.Entity e : measures.model().entities().values()) {
      if (e.countMetric().equals(m.measure().metric())) {
        return e.name();
      }
    }
    return "claims";
  }

  /** "best"/"worst": by the metric's good direction; without a metric with a direction, not decidable. */
  private boolean polarity(String key, Measure by) {
    boolean best = key.equals("best");
    if (by != null && by.type() == Measure.Type.METRIC && measures.model().metric(by.metric()).hasPolarity()) {
      boolean higher = measures.model().metric(by.metric()).higherIsBetter();
      return best == higher;
    }
    return best;
  }

  private static boolean integer(Parse p, int i) {
    return p.raw(i).orElseThrow().span().number().orElseThrow().isInteger();
  }

  private static int[] concat(int[] a, int b) {
    int[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    java.util.Arrays.sort(out);
    return java.util.Arrays.stream(out).distinct().toArray();
  }
}
