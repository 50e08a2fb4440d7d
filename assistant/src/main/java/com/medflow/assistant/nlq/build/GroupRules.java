package com.medflow.assistant.nlq.build;

import com.medflow.assistant.nlq.query.Grouping;
import com.medflow.assistant.nlq.vocab.Kind;
import com.medflow.assistant.semantic.ModelParts;
import java.util.Optional;

/**
 * Groupings: "by payer", "per state", "for each specialty", "which provider", "top 5 providers", time
 * grains ("monthly", "by quarter", "over time"), and a dimension named on its own ("denial rate payer").
 * "by" before a measure after a ranking names the ranking's measure ("top 5 providers by total paid").
 */
final class GroupRules {
  private final Measures measures;

  GroupRules(Measures measures) {
    this.measures = measures;
  }

  boolean apply(Parse p) {
    return rankedBy(p) || cued(p) || ranked(p) || grains(p) || bare(p) || cueBeforeGroup(p) || replacedGrain(p);
  }

  /** "now by specialty instead of month": the grain named after "instead of" is the grouping replaced. */
  private static boolean replacedGrain(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      Optional<Node.Raw> r = p.raw(i).filter(x -> x.is(Kind.GRAIN));
      int t = r.map(x -> x.span().start()).orElse(0);
      if (r.isPresent() && t >= 2 && (p.tokens.get(t - 2).text() + " " + p.tokens.get(t - 1).text())
          .matches("instead of|rather than")) {
        p.replace(i, new Node.Grouped(r.get().start(), Grouping.grain(r.get().key()), false, false, r.get().span().text()));
        return true;
      }
    }
    return false;
  }

  /** "by" before a grouping already read ("by age 0-40, 41-64, 65+", "by monthly"). */
  private static boolean cueBeforeGroup(Parse p) {
    for (int i = 0; i + 1 < p.size(); i++) {
      if (p.isRaw(i, Kind.GROUP) && p.get(i + 1) instanceof Node.Grouped) {
        p.remove(i);
        return true;
      }
    }
    return false;
  }

  /** The grouping a raw node names, if it names one. */
  private Optional<Grouping> grouping(Parse p, int i) {
    Optional<Node.Raw> r = p.raw(i);
    if (r.isEmpty()) {
      return Optional.empty();
    }
    if (r.get().is(Kind.DIMENSION)) {
      ModelParts.Dimension d = measures.model().dimension(r.get().key());
      return Optional.of(Grouping.of(d.name(), d.label()));
    }
    if (r.get().is(Kind.ENTITY)) {
      ModelParts.Entity e = measures.model().entity(r.get().key());
      return e.dimension().map(d -> new Grouping(d, e.distinctColumn().orElse(null), java.util.List.of(), e.label()));
    }
    if (r.get().is(Kind.GRAIN)) {
      return Optional.of(Grouping.grain(r.get().key()));
    }
    return Optional.empty();
  }

  private static boolean singular(Parse p, int i) {
    String text = p.raw(i).map(r -> r.span().text().toLowerCase(java.util.Locale.ROOT)).orElse("");
    String last = text.substring(text.lastIndexOf(' ') + 1);
    return !last.endsWith("s") || last.endsWith("ss") || last.equals("status") || last.equals("diagnosis")
        || last.equals("analysis");
  }

  /** "by total paid", "by claims", "by count" after a ranking. */
  private boolean rankedBy(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      int j = p.next(i);
      if (p.isRaw(i, Kind.GROUP) && p.isRaw(j, Kind.AGG, "count") && p.any(n -> n instanceof Node.Ranked)) {
        p.replace(j, new Node.Measured(p.get(j).start(), measures.claims(), false, "count"));
        return true;
      }
      if (p.isRaw(i, Kind.GROUP) && p.raw(j).filter(r -> r.is(Kind.ENTITY)
          && measures.model().entity(r.key()).dimension().isEmpty()).isPresent()
          && p.any(n -> n instanceof Node.Ranked)) {
        Node.Raw e = p.raw(j).orElseThrow();
        p.replace(j, new Node.Measured(e.start(), measures.count(e.key()), false, e.span().text()));
        return true;
      }
      if (p.isRaw(i, Kind.GROUP) && p.get(j) instanceof Node.Measured m && !m.implied()) {
        for (int k = 0; k < p.size(); k++) {
          if (p.get(k) instanceof Node.Ranked r && (r.by() == null || r.by().equals(m.measure()))) {
            p.replace(k, new Node.Ranked(r.start(), r.descending(), r.limit(), m.measure(), r.word()));
            p.rewrite(new int[] {i}, new Node.Cue(p.get(i).start(), Kind.GROUP, "ranked by"));
            return true;
          }
        }
      }
    }
    return false;
  }

  /** "by X", "per X", "each X", "which X", "what X". */
  private boolean cued(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      boolean group = p.isRaw(i, Kind.GROUP);
      boolean which = p.isRaw(i, Kind.WHICH);
      if (!group && !which) {
        continue;
      }
      int j = i + 1;
      if (group && p.isRaw(j, Kind.FUNNEL)) {
        p.remove(i); // "for each funnel stage": the funnel is by stage
        return true;
      }
      Optional<Grouping> g = grouping(p, j);
      if (g.isEmpty()) {
        if (group && p.get(j) instanceof Node.Filtered && p.raw(i).orElseThrow().span().text().equalsIgnoreCase("by")) {
          p.remove(i); // "claims submitted by Aetna"
          return true;
        }
        continue;
      }
      boolean single = which && singular(p, j);
      String text = p.raw(j).orElseThrow().span().text();
      p.rewrite(new int[] {i, j}, new Node.Grouped(p.get(i).start(), g.get(), which, single, text));
      return true;
    }
    return false;
  }

  /** "top 5 providers", "the lowest-paid specialties": a ranking followed by what is ranked. */
  private boolean ranked(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      if (!(p.get(i) instanceof Node.Ranked)) {
        continue;
      }
      int j = p.next(i);
      Optional<Grouping> g = grouping(p, j);
      if (g.isPresent()) {
        String text = p.raw(j).orElseThrow().span().text();
        p.replace(j, new Node.Grouped(p.get(j).start(), g.get(), false, singular(p, j), text));
        return true;
      }
    }
    return false;
  }

  private boolean grains(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      Optional<Node.Raw> r = p.raw(i);
      if (r.isEmpty()) {
        continue;
      }
      boolean afterGrouping = p.isRaw(i - 1, Kind.AND) && p.get(i - 2) instanceof Node.Grouped;
      if (r.get().is(Kind.GRAIN) && (!r.get().span().term().label().equals(r.get().key()) || afterGrouping)) {
        // "monthly", "by quarter", and a bare grain joined to a grouping: "by payer and month"
        p.replace(i, new Node.Grouped(r.get().start(), Grouping.grain(r.get().key()), false, false, r.get().span().text()));
        return true;
      }
    }
    // "trend by quarter": the grain named anywhere in the question is the trend's; only a bare trend is by month
    for (int i = 0; i < p.size(); i++) {
      Optional<Node.Raw> r = p.raw(i);
      if (r.isPresent() && r.get().is(Kind.TREND)) {
        boolean grain = p.any(n -> n instanceof Node.Grouped g && g.grouping().isGrain());
        p.replace(i, grain ? new Node.Cue(r.get().start(), Kind.TREND, "trend")
            : new Node.Grouped(r.get().start(), Grouping.grain("month"), false, false, r.get().span().text()));
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the filter right before a dimension noun reads as a value of it ("pediatrics specialty",
   * "dermatology department"): a word the data does not have as that dimension's value.
   */
  private static boolean modifies(Parse p, int i, Node.Filtered f) {
    int nounStart = p.raw(i).orElseThrow().span().start();
    String dim = p.raw(i).orElseThrow().key();
    return f.filter().op() == com.medflow.assistant.nlq.query.Filter.Op.SQL && !f.filter().target().equals(dim)
        && nounStart - f.start() <= 2 && f.start() < nounStart
        && p.tokens.get(nounStart - 1).isWord() && !p.tokens.get(nounStart - 1).text().matches("by|per|each|and|or|the|a");
  }

  /** A dimension named without a cue: "denial rate payer 2025", "specialty with the most claims". */
  private boolean bare(Parse p) {
    for (int i = 0; i < p.size(); i++) {
      if (!p.isRaw(i, Kind.DIMENSION)) {
        continue;
      }
      if (p.isRaw(i + 1, Kind.COMBINE) || p.isRaw(i - 1, Kind.COMBINE)) {
        int c = p.isRaw(i + 1, Kind.COMBINE) ? i + 1 : i - 1;
        p.rewrite(new int[] {Math.min(i, c), Math.max(i, c)}, new Node.Cue(p.get(Math.min(i, c)).start(), Kind.COMBINE,
            "all combined")); // "all payers combined", "across all payers"
        return true;
      }
      if (p.get(i - 1) instanceof Node.Filtered f && modifies(p, i, f)) {
        continue; // "pediatrics specialty": a word before the noun that is not one of its values
      }
      Optional<Grouping> g = grouping(p, i);
      if (g.isPresent()) {
        String text = p.raw(i).orElseThrow().span().text();
        p.replace(i, new Node.Grouped(p.get(i).start(), g.get(), false, singular(p, i), text));
        return true;
      }
    }
    return false;
  }
}
