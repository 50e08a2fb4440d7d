package com.medflow.assistant.nlq.build;

import com.medflow.assistant.nlq.DataFacts;
import com.medflow.assistant.nlq.query.Filter;
import com.medflow.assistant.nlq.query.Grouping;
import com.medflow.assistant.nlq.query.Having;
import com.medflow.assistant.nlq.query.Measure;
import com.medflow.assistant.nlq.query.SemanticQuery;
import com.medflow.assistant.nlq.vocab.Kind;
import com.medflow.assistant.semantic.ModelParts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the nodes of a fully read question into a {@link SemanticQuery}, or says what is missing or
 * left over. Every raw span still standing must be a connective ("and", "with", "which"); anything
 * else is a word the engine could not place, and the question is not answered.
 */
final class Assembler {
  /** Spans that may stand unread: connectives and cues whose absence of effect is harmless. */
  private static final Set<Kind> SOFT = Set.of(Kind.AND, Kind.WITH, Kind.WHICH, Kind.LIST, Kind.DATE_FIELD,
      Kind.FOLLOW_UP, Kind.COMBINE);

  /** The outcome for one reading: a query, or a problem with the words that caused it. */
  record Outcome(SemanticQuery query, List<String> leftovers, String problem, List<String> assumptions,
                 boolean followUpCue, List<Measure> explicitMeasures, boolean measured, String aggSwap,
                 FollowUpCues followUp) {
    boolean ok() {
      return query != null;
    }
  }

  private final Measures measures;
  private final MeasureStep measureStep;
  private final DataFacts facts;
  private final PeriodStep periodStep;

  Assembler(Measures measures, DataFacts facts) {
    this.measures = measures;
    this.facts = facts;
    this.measureStep = new MeasureStep(measures, facts);
    this.periodStep = new PeriodStep(measures, facts);
  }

  /**
   * @param partial a follow-up may leave out what it does not change (no measure needed)
   */
  Outcome assemble(Parse p, boolean partial) {
    Draft d = new Draft(p, partial);
    List<Function<Draft, Optional<Outcome>>> steps = List.of(this::read, this::placeConditional, this::compareValues,
        this::chooseSource, measureStep::measure, measureStep::rank, periodStep::periods, periodStep::transform,
        this::closeCues, this::checkScope);
    for (Function<Draft, Optional<Outcome>> step : steps) {
      Optional<Outcome> stop = step.apply(d);
      if (stop.isPresent()) {
        return stop.get();
      }
    }
    return finish(d);
  }

  /** Sorts the nodes by what they are; words that count only in context wait in {@code conditional}. */
  private Optional<Outcome> read(Draft d) {
    List<String> leftovers = d.leftovers;
    for (Node n : d.p.nodes) {
      if (n instanceof Node.Measured m) {
        (m.implied() ? d.implied : d.explicit).add(m.measure());
      } else if (n instanceof Node.Filtered f) {
        d.filters.add(f.filter());
      } else if (n instanceof Node.Grouped g) {
        d.groupNodes.add(g);
        if (!d.groupings.contains(g.grouping())) {
          d.groupings.add(g.grouping());
        }
      } else if (n instanceof Node.Timed t) {
        d.times.add(t);
      } else if (n instanceof Node.Ranked r) {
        d.ranks.add(r);
      } else if (n instanceof Node.HavingCond h) {
        d.havings.add(h);
      } else if (n instanceof Node.Cue c) {
        d.cues.add(c.kind() + ":" + c.key());
      } else if (n instanceof Node.Threshold t) {
        leftovers.add(t.text());
      } else if (n instanceof Node.Raw r) {
        readRaw(d, r, leftovers);
      }
    }
    for (int i = 1; i < d.p.nodes.size(); i++) {
      if (d.p.nodes.get(i) instanceof Node.Timed && d.p.isRaw(i - 1, Kind.AND) && d.p.get(i - 2) instanceof Node.Timed) {
        d.andBetweenTimes = true;
      }
    }
    return Draft.GO_ON;
  }

  private void readRaw(Draft d, Node.Raw r, List<String> leftovers) {
    Kind k = r.span().kind();
    if (k == Kind.SOURCE) {
      d.sources.add(r.key());
    } else if (k == Kind.FUNNEL) {
      d.funnel = true;
    } else if (k == Kind.HOW_MANY) {
      d.howMany = true;
    } else if (k == Kind.CHANGE || k == Kind.COMPARE || k == Kind.PREVIOUS || k == Kind.SHARE
        || k == Kind.DISTINCT || k == Kind.AMONG) {
      d.cues.add(k + ":" + r.key());
    } else if (k == Kind.FOLLOW_UP) {
      d.followUpCue = true;
    } else if (k == Kind.GROUP || k == Kind.AGG || k == Kind.UNIT || k == Kind.GRAIN || k == Kind.HOW_MUCH
        || k == Kind.LIST && r.key().equals("amount_adjective")) {
      d.conditional.add(r);
    } else if (!SOFT.contains(k)) {
      leftovers.add(r.span().text());
    }
  }
  /**
   * Words that only restate what the query already has: "break down ... by payer", "in total", "on average",
   * "turnaround in days", "quarterly counts, all quarters"; a growth question's "by what percentage".
   */
  private Optional<Outcome> placeConditional(Draft d) {
    boolean growthCue = d.growthCue();
    for (Node.Raw r : d.conditional) {
      boolean placed = switch (r.span().kind()) {
        case GROUP -> !d.groupNodes.isEmpty() || growthCue;
        case AGG -> d.funnel && r.key().equals("count")
            || r.key().equals("sum") && d.explicit.stream().anyMatch(measures::isSum)
            || r.key().equals("avg") && d.explicit.stream().anyMatch(measures::isAverage)
            || r.key().equals("count") && (d.explicit.isEmpty() || d.explicit.stream().anyMatch(measures::isCount));
        case UNIT -> r.key().equals("days") && d.explicit.stream().anyMatch(m -> columnOf(m).equals("processing_days"))
            || r.key().equals("dollars") && d.explicit.stream().anyMatch(m -> columnOf(m).endsWith("_amount"));
        case GRAIN -> d.groupNodes.stream().anyMatch(g -> g.grouping().isGrain() && g.grouping().grain().equals(r.key()));
        case HOW_MUCH -> growthCue || !d.explicit.isEmpty();
        default -> d.filters.stream().anyMatch(f -> f.isComparison() && f.target().endsWith("_amount"));
      };
      if (!placed && d.partial && r.span().kind() == Kind.AGG && d.aggSwap == null) {
        d.aggSwap = r.key(); // a follow-up "use the median instead"
        placed = true;
      }
      if (!placed) {
        d.leftovers.add(r.span().text());
      }
    }
    if (growthCue) {
      d.cues.removeIf(c -> c.startsWith("SHARE:"));
    }
    return d.leftovers.isEmpty() ? Draft.GO_ON : Draft.fail("could not place", d.leftovers);
  }

  /** Two values of one dimension said apart ("Aetna's ... against United's"): compared when the question compares. */
  private Optional<Outcome> compareValues(Draft d) {
    List<Filter> filters = d.filters;
    for (int a = 0; a < filters.size(); a++) {
      for (int b = a + 1; b < filters.size(); b++) {
        Filter fa = filters.get(a);
        Filter fb = filters.get(b);
        if (fa.target().equals(fb.target()) && fa.op() == Filter.Op.IN && fb.op() == Filter.Op.IN) {
          if (!d.cues.contains("COMPARE:compare") || measures.model().findDimension(fa.target()).isEmpty()) {
            return Draft.fail("two values of one kind", List.of(fa.label(), fb.label()));
          }
          List<String> values = new ArrayList<>(fa.values());
          fb.values().stream().filter(v -> !values.contains(v)).forEach(values::add);
          filters.set(a, Filter.in(fa.target(), values, fa.label() + " or " + String.join(" or ", fb.values())));
          filters.remove(b);
          Grouping g = Grouping.of(fa.target(), measures.model().dimension(fa.target()).label());
          if (!d.groupings.contains(g)) {
            d.groupings.add(g);
          }
          b--;
        }
      }
    }
    return Draft.GO_ON;
  }

  /** Which table: a source word, the funnel, or a value of a source's own dimension. */
  private Optional<Outcome> chooseSource(Draft d) {
    for (Filter f : d.filters) {
      sourceOf(f.target()).ifPresent(d.sources::add);
    }
    for (Grouping g : d.groupings) {
      sourceOf(g.dimension()).ifPresent(d.sources::add);
    }
    for (Measure m : d.explicit) {
      if (m.type() == Measure.Type.METRIC) {
        measures.model().metric(m.metric()).source().ifPresent(d.sources::add);
      }
    }
    if (d.sources.size() > 1 || d.funnel && !d.sources.isEmpty()) {
      return Draft.fail("mixes tables", List.of(String.join(", ", d.sources)));
    }
    d.source = d.funnel ? SemanticQuery.Source.FUNNEL : d.sources.isEmpty() ? SemanticQuery.Source.CLAIMS
        : SemanticQuery.Source.valueOf(d.sources.iterator().next().toUpperCase(Locale.ROOT));
    if (d.source != SemanticQuery.Source.CLAIMS && d.source != SemanticQuery.Source.FUNNEL) {
      // "rows failed the npi check": providers named on a quality table are not in it; never silently dropped
      List<String> foreign = d.p.nodes.stream().filter(n -> n instanceof Node.Measured m && m.implied()
          && !m.measure().equals(measures.claims())).map(n -> ((Node.Measured) n).text()).toList();
      if (!foreign.isEmpty()) {
        return Draft.fail("not in that table", foreign);
      }
    }
    return Draft.GO_ON;
  }

  /** A column whose comparisons, all applying at once, leave no value: the column's name. */
  static Optional<String> contradiction(List<Filter> filters) {
    java.util.Map<String, java.math.BigDecimal[]> bounds = new java.util.HashMap<>();
    java.util.Map<String, boolean[]> open = new java.util.HashMap<>();
    for (Filter f : filters) {
      java.math.BigDecimal lo = null;
      java.math.BigDecimal hi = null;
      boolean loOpen = false;
      boolean hiOpen = false;
      try {
        switch (f.op()) {
          case GT -> { lo = new java.math.BigDecimal(f.values().get(0)); loOpen = true; }
          case GE -> lo = new java.math.BigDecimal(f.values().get(0));
          case LT -> { hi = new java.math.BigDecimal(f.values().get(0)); hiOpen = true; }
          case LE -> hi = new java.math.BigDecimal(f.values().get(0));
          case BETWEEN -> {
            lo = new java.math.BigDecimal(f.values().get(0));
            hi = new java.math.BigDecimal(f.values().get(1));
          }
          default -> { }
        }
      } catch (NumberFormatException e) {
        continue; // not a number comparison
      }
      if (lo == null && hi == null) {
        continue;
      }
      java.math.BigDecimal[] b = bounds.computeIfAbsent(f.target(), t -> new java.math.BigDecimal[2]);
      boolean[] o = open.computeIfAbsent(f.target(), t -> new boolean[2]);
      if (lo != null && (b[0] == null || lo.compareTo(b[0]) > 0 || lo.compareTo(b[0]) == 0 && loOpen)) {
        b[0] = lo;
        o[0] = loOpen;
      }
      if (hi != null && (b[1] == null || hi.compareTo(b[1]) < 0 || hi.compareTo(b[1]) == 0 && hiOpen)) {
        b[1] = hi;
        o[1] = hiOpen;
      }
      if (b[0] != null && b[1] != null
          && (b[0].compareTo(b[1]) > 0 || b[0].compareTo(b[1]) == 0 && (o[0] || o[1]))) {
        return Optional.of(f.target().replace('_', ' '));
      }
    }
    return Optional.empty();
  }

  /** Every cue must have been used by a step; one left over is a word the engine could not place. */
  private Optional<Outcome> closeCues(Draft d) {
    Set<String> cues = d.cues;
    cues.remove("CHANGE:growth");
    cues.remove("CHANGE:change");
    cues.remove("PREVIOUS:previous");
    cues.removeIf(c -> c.startsWith("SHARE:") || c.startsWith("AGG:") || c.startsWith("HOW_MANY:") || c.startsWith("GROUP:")
        || c.startsWith("TREND:") || c.startsWith("AMONG:"));
    d.compared = cues.contains("COMPARE:compare");
    if (d.compared && d.groupings.isEmpty() && !d.partial) {
      return Draft.fail("compare what", List.of("compare"));
    }
    cues.remove("COMPARE:compare");
    cues.remove("DISTINCT:distinct");
    d.combined = cues.stream().anyMatch(c -> c.startsWith("COMBINE:"))
        || d.p.nodes.stream().anyMatch(n -> n instanceof Node.Raw r && r.is(Kind.COMBINE));
    cues.removeIf(c -> c.startsWith("COMBINE:"));
    if (!cues.isEmpty()) {
      return Draft.fail("could not place", cues.stream().map(c -> c.substring(c.indexOf(':') + 1)).toList());
    }
    return Draft.GO_ON;
  }

  /** Each filter, grouping and period must exist in the chosen table; groups' conditions need groups. */
  private Optional<Outcome> checkScope(Draft d) {
    List<com.medflow.assistant.nlq.time.Period> asked = new ArrayList<>(d.periods);
    if (d.time != null) {
      asked.add(d.time);
    }
    for (com.medflow.assistant.nlq.time.Period p : asked) {
      if (d.source == SemanticQuery.Source.CLAIMS && d.field.equals(SemanticQuery.SERVICE_DATE) && !p.relative()
          && (p.from().isAfter(facts.latest()) || p.to().isBefore(facts.earliest()))) {
        // "the denial rate in Q1 2026", "claims with 2023 dates of service": the data does not reach there
        return Draft.fail("outside the data", List.of(p.label(), facts.earliest().toString(), facts.latest().toString()));
      }
    }
    Optional<String> empty = contradiction(d.filters);
    if (empty.isPresent()) {
      // "claims over $1,000 or under $50" read as both at once: no row can match, so the reading is wrong
      return Draft.fail("conditions no claim can meet", List.of(empty.get()));
    }
    if (d.source != SemanticQuery.Source.CLAIMS && d.source != SemanticQuery.Source.FUNNEL
        && (d.time != null || !d.periods.isEmpty())) {
      return Draft.fail("no service dates in that table", List.of(d.times.get(0).period().label()));
    }
    if (!d.havings.isEmpty() && d.groupings.stream().allMatch(Grouping::isGrain) && !d.partial) {
      return Draft.fail("a condition on groups without a group", List.of(d.havings.get(0).text()));
    }
    for (Grouping g : d.groupings) {
      if (g.dimension().startsWith("entity:") && d.transform != SemanticQuery.Transform.COUNT_GROUPS) {
        return Draft.fail("lists individual members", List.of(g.label()));
      }
    }
    if (!d.partial) {
      for (Filter f : d.filters) {
        if (!filterAvailableIn(f.target(), d.source)) {
          return Draft.fail("not in that table", List.of(f.label()));
        }
      }
      for (Grouping g : d.groupings) {
        if (!g.isGrain() && !g.dimension().equals(Grouping.BANDS) && !g.dimension().startsWith("entity:")
            && !availableIn(g.dimension(), d.source)) {
          return Draft.fail("not in that table", List.of(g.label()));
        }
      }
    }
    if (d.funnel && (d.filters.stream().anyMatch(f -> f.target().equals("claim_status")) || !d.explicit.isEmpty())) {
      return Draft.fail("a funnel stage question", List.of("funnel"));
    }
    for (Filter f : d.filters) {
      Optional<ModelParts.Dimension> dim = measures.model().findDimension(f.target());
      if (f.op() == Filter.Op.IS_NULL && dim.isPresent() && dim.get().impliesStatus().isPresent() && !d.partial
          && d.filters.stream().noneMatch(x -> x.target().equals("claim_status"))) {
        // "claims with no denial reason": every claim not denied, or the denied claims missing one? say which
        return Draft.fail("all claims or only " + dim.get().impliesStatus().get().toLowerCase(Locale.ROOT) + " ones",
            List.of(f.label()));
      }
    }
    return Draft.GO_ON;
  }

  private Outcome finish(Draft d) {
    List<Filter> filters = d.filters;
    // A top-N of an optional dimension ranks only rows that have a value ("top 3 secondary diagnosis codes":
    // no code is not a code); a breakdown keeps the rows without one.
    if (d.ranking != null && d.ranking.limit() != null) {
      for (Grouping g : d.groupings) {
        Optional<ModelParts.Dimension> dim = measures.model().findDimension(g.dimension());
        if (dim.isPresent() && dim.get().optional() && filters.stream().noneMatch(f -> f.target().equals(g.dimension()))) {
          filters.add(new Filter(g.dimension(), Filter.Op.NOT_NULL, List.of(), "a " + dim.get().label() + " given"));
        }
      }
    }
    // A denial reason implies denied claims.
    boolean reason = d.groupings.stream().anyMatch(g -> g.dimension().equals("denial_reason"))
        || filters.stream().anyMatch(f -> f.target().equals("denial_reason"));
    if (reason && filters.stream().noneMatch(f -> f.target().equals("claim_status")) && !d.partial) {
      filters.add(Filter.in("claim_status", List.of("DENIED"), "denied claims"));
    }
    List<Having> having = new ArrayList<>();
    for (Node.HavingCond h : d.havings) {
      having.add(new Having(h.measure(), h.op(), h.value(), h.value2(), h.text()));
    }
    SemanticQuery q = new SemanticQuery(d.source, d.ms, d.groupings, filters, d.time, d.field, d.periods, d.mode, having,
        d.ranking, d.transform);
    int instead = -1;
    for (int t = 0; t + 1 < d.p.tokens.size(); t++) {
      if (d.p.tokens.get(t).text().equals("instead") && d.p.tokens.get(t + 1).text().equals("of")) {
        instead = t;
      }
    }
    int cut = instead;
    List<Grouping> removed = cut < 0 ? List.of()
        : d.groupNodes.stream().filter(g -> g.start() > cut).map(Node.Grouped::grouping).toList();
    List<Measure> explicit = d.explicit;
    if (d.partial && d.rank != null && d.rank.by() != null && !explicit.contains(d.rank.by())
        && !d.rank.by().equals(measures.claims())) {
      explicit.add(0, d.rank.by()); // the measure a follow-up ranks by is the one it asks about
    }
    FollowUpCues f = new FollowUpCues(d.howMany && explicit.isEmpty() && d.implied.isEmpty(), d.combined, removed,
        d.compared);
    return new Outcome(q, List.of(), "", d.assumptions, d.followUpCue, explicit,
        !explicit.isEmpty() || !d.implied.isEmpty(), d.aggSwap, f);
  }

  private String columnOf(Measure m) {
    return measures.columnOf(m).orElse("");
  }

  /** What a follow-up says beyond its query: "how many is that", "combined", "instead of X" (groupings to drop). */
  record FollowUpCues(boolean countOnly, boolean combine, List<Grouping> removed, boolean compare) {
    static final FollowUpCues NONE = new FollowUpCues(false, false, List.of(), false);
  }

  /** The data-quality table a dimension or named condition belongs to, if not claims. */
  private Optional<String> sourceOf(String target) {
    Optional<String> d = measures.model().findDimension(target).flatMap(ModelParts.Dimension::source);
    if (d.isPresent()) {
      return d;
    }
    return Optional.ofNullable(measures.model().conditions().get(target)).flatMap(ModelParts.Condition::source);
  }

  /** Whether every filter and grouping of a merged follow-up is a column of its table ("which reasons?" on quarantine). */
  boolean fits(SemanticQuery q) {
    return q.filters().stream().allMatch(f -> filterAvailableIn(f.target(), q.source()))
        && q.groupings().stream().allMatch(g -> g.isGrain() || g.dimension().equals(Grouping.BANDS)
        || g.dimension().startsWith("entity:") || availableIn(g.dimension(), q.source()));
  }

  /** Claims filters apply to claims (and the funnel); a quality table's filters to that table. */
  private boolean filterAvailableIn(String target, SemanticQuery.Source source) {
    Optional<String> own = sourceOf(target);
    if (source == SemanticQuery.Source.CLAIMS || source == SemanticQuery.Source.FUNNEL) {
      return own.isEmpty();
    }
    if (own.isPresent()) {
      return own.get().equalsIgnoreCase(source.name());
    }
    String name = source.name().toLowerCase(Locale.ROOT);
    return target.equals("latest_batch") || measures.model().source(name).dimensions().contains(target);
  }

  private boolean availableIn(String dimension, SemanticQuery.Source source) {
    Optional<ModelParts.Dimension> d = measures.model().findDimension(dimension);
    if (d.isEmpty()) {
      return false;
    }
    return switch (source) {
      case CLAIMS, FUNNEL -> d.get().source().isEmpty();
      default -> {
        String name = source.name().toLowerCase(Locale.ROOT);
        yield measures.model().source(name).dimensions().contains(dimension);
      }
    };
  }
}
