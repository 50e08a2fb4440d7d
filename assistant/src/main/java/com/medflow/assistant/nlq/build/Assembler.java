package com.medflow.assistant.nlq.build;

import com.medflow.assistant.nlq.DataFacts;
import com.medflow.assistant.nlq.query.Filter;
import com.medflow.assistant.nlq.query.Grouping;
import com.medflow.assistant.nlq.query.Having;
import com.medflow.assistant.nlq.query.Measure;
import com.medflow.assistant.nlq.query.Ranking;
import com.medflow.assistant.nlq.query.SemanticQuery;
import com.medflow.assistant.nlq.time.Period;
import com.medflow.assistant.nlq.vocab.Kind;
import com.medflow.assistant.semantic.ModelParts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
  private final DataFacts facts;

  Assembler(Measures measures, DataFacts facts) {
    this.measures = measures;
    this.facts = facts;
  }

  private Outcome fail(String problem, List<String> leftovers) {
    return new Outcome(null, leftovers, problem, List.of(), false, List.of(), false, null, FollowUpCues.NONE);
  }

  /**
   * @param partial a follow-up may leave out what it does not change (no measure needed)
   */
  Outcome assemble(Parse p, boolean partial) {
    List<Measure> explicit = new ArrayList<>();
    List<Measure> implied = new ArrayList<>();
    List<Filter> filters = new ArrayList<>();
    List<Grouping> groupings = new ArrayList<>();
    List<Node.Grouped> groupNodes = new ArrayList<>();
    List<Node.Timed> times = new ArrayList<>();
    List<Node.Ranked> ranks = new ArrayList<>();
    List<Node.HavingCond> havings = new ArrayList<>();
    Set<String> cues = new LinkedHashSet<>();
    List<String> leftovers = new ArrayList<>();
    List<Node.Raw> conditional = new ArrayList<>();
    List<String> assumptions = new ArrayList<>();
    Set<String> sources = new LinkedHashSet<>();
    boolean funnel = false;
    boolean followUpCue = false;
    boolean howMany = false;
    boolean andBetweenTimes = false;
    for (Node n : p.nodes) {
      if (n instanceof Node.Measured m) {
        (m.implied() ? implied : explicit).add(m.measure());
      } else if (n instanceof Node.Filtered f) {
        filters.add(f.filter());
      } else if (n instanceof Node.Grouped g) {
        groupNodes.add(g);
        if (!groupings.contains(g.grouping())) {
          groupings.add(g.grouping());
        }
      } else if (n instanceof Node.Timed t) {
        times.add(t);
      } else if (n instanceof Node.Ranked r) {
        ranks.add(r);
      } else if (n instanceof Node.HavingCond h) {
        havings.add(h);
      } else if (n instanceof Node.Cue c) {
        cues.add(c.kind() + ":" + c.key());
      } else if (n instanceof Node.Threshold t) {
        leftovers.add(t.text());
      } else if (n instanceof Node.Raw r) {
        Kind k = r.span().kind();
        if (k == Kind.SOURCE) {
          sources.add(r.key());
        } else if (k == Kind.FUNNEL) {
          funnel = true;
        } else if (k == Kind.HOW_MANY) {
          howMany = true;
        } else if (k == Kind.CHANGE || k == Kind.COMPARE || k == Kind.PREVIOUS || k == Kind.SHARE
            || k == Kind.DISTINCT || k == Kind.AMONG) {
          cues.add(k + ":" + r.key());
        } else if (k == Kind.FOLLOW_UP) {
          followUpCue = true;
        } else if (k == Kind.GROUP || k == Kind.AGG || k == Kind.UNIT || k == Kind.GRAIN || k == Kind.HOW_MUCH
            || k == Kind.LIST && r.key().equals("amount_adjective")) {
          conditional.add(r);
        } else if (!SOFT.contains(k)) {
          leftovers.add(r.span().text());
        }
      }
    }
    // Words that only restate what the query already has: "break down ... by payer", "in total", "on average",
    // "turnaround in days", "quarterly counts, all quarters"; a growth question's "by what percentage".
    boolean growthCue = cues.contains("CHANGE:growth") || cues.contains("CHANGE:change");
    String aggSwap = null;
    for (Node.Raw r : conditional) {
      boolean placed = switch (r.span().kind()) {
        case GROUP -> !groupNodes.isEmpty() || growthCue;
        case AGG -> funnel && r.key().equals("count") || r.key().equals("sum") && explicit.stream().anyMatch(this::isSum)
            || r.key().equals("avg") && explicit.stream().anyMatch(this::isAverage)
            || r.key().equals("count") && (explicit.isEmpty() || explicit.stream().anyMatch(this::isCount));
        case UNIT -> r.key().equals("days") && explicit.stream().anyMatch(m -> columnOf(m).equals("processing_days"))
            || r.key().equals("dollars") && explicit.stream().anyMatch(m -> columnOf(m).endsWith("_amount"));
        case GRAIN -> groupNodes.stream().anyMatch(g -> g.grouping().isGrain() && g.grouping().grain().equals(r.key()));
        case HOW_MUCH -> growthCue || !explicit.isEmpty();
        default -> filters.stream().anyMatch(f -> f.isComparison() && f.target().endsWith("_amount"));
      };
      if (!placed && partial && r.span().kind() == Kind.AGG && aggSwap == null) {
        aggSwap = r.key(); // a follow-up "use the median instead"
        placed = true;
      }
      if (!placed) {
        leftovers.add(r.span().text());
      }
    }
    if (growthCue) {
      cues.removeIf(c -> c.startsWith("SHARE:"));
    }
    if (!leftovers.isEmpty()) {
      return fail("could not place", leftovers);
    }
    for (int i = 1; i < p.nodes.size(); i++) {
      if (p.nodes.get(i) instanceof Node.Timed && p.isRaw(i - 1, Kind.AND) && p.get(i - 2) instanceof Node.Timed) {
        andBetweenTimes = true;
      }
    }

    // Two values of one dimension said apart ("Aetna's ... against United's"): compared when the question compares.
    for (int a = 0; a < filters.size(); a++) {
      for (int b = a + 1; b < filters.size(); b++) {
        Filter fa = filters.get(a);
        Filter fb = filters.get(b);
        if (fa.target().equals(fb.target()) && fa.op() == Filter.Op.IN && fb.op() == Filter.Op.IN) {
          if (!cues.contains("COMPARE:compare") || measures.model().findDimension(fa.target()).isEmpty()) {
            return fail("two values of one kind", List.of(fa.label(), fb.label()));
          }
          List<String> values = new ArrayList<>(fa.values());
          fb.values().stream().filter(v -> !values.contains(v)).forEach(values::add);
          filters.set(a, Filter.in(fa.target(), values, fa.label() + " or " + String.join(" or ", fb.values())));
          filters.remove(b);
          Grouping g = Grouping.of(fa.target(), measures.model().dimension(fa.target()).label());
          if (!groupings.contains(g)) {
            groupings.add(g);
          }
          b--;
        }
      }
    }
    // Which table: a source word, the funnel, or a value of a source's own dimension.
    for (Filter f : filters) {
      sourceOf(f.target()).ifPresent(sources::add);
    }
    for (Grouping g : groupings) {
      sourceOf(g.dimension()).ifPresent(sources::add);
    }
    for (Measure m : explicit) {
      if (m.type() == Measure.Type.METRIC) {
        measures.model().metric(m.metric()).source().ifPresent(sources::add);
      }
    }
    if (sources.size() > 1 || funnel && !sources.isEmpty()) {
      return fail("mixes tables", List.of(String.join(", ", sources)));
    }
    SemanticQuery.Source source = funnel ? SemanticQuery.Source.FUNNEL : sources.isEmpty() ? SemanticQuery.Source.CLAIMS
        : SemanticQuery.Source.valueOf(sources.iterator().next().toUpperCase(java.util.Locale.ROOT));

    // What is measured.
    List<Measure> ms = new ArrayList<>(distinct(explicit));
    if (ms.isEmpty()) {
      ms.addAll(distinct(implied));
    }
    if (ranks.size() > 1) {
      // "most common ..., top five": one ordering said twice
      Node.Ranked a = ranks.get(0);
      Node.Ranked b = ranks.get(1);
      boolean sameBy = a.by() == null || b.by() == null || a.by().equals(b.by());
      if (ranks.size() > 2 || a.descending() != b.descending() || !sameBy || a.limit() != null && b.limit() != null) {
        return fail("two orderings", List.of(b.word()));
      }
      ranks.set(0, new Node.Ranked(a.start(), a.descending(), a.limit() != null ? a.limit() : b.limit(),
          a.by() != null ? a.by() : b.by(), a.word()));
      ranks.remove(1);
    }
    Node.Ranked rank = ranks.isEmpty() ? null : ranks.get(0);
    if (ms.isEmpty() && rank != null && rank.by() != null) {
      ms.add(rank.by());
    }
    if (ms.isEmpty() && !havings.isEmpty() && !cues.contains("HOW_MANY:count_groups")) {
      havings.forEach(h -> ms.add(h.measure()));
    }
    if (ms.isEmpty() && (howMany || source != SemanticQuery.Source.CLAIMS || cues.contains("HOW_MANY:count_groups"))) {
      ms.add(measures.claims());
    }
    if (ms.isEmpty() && !funnel && !partial && (!groupings.isEmpty() || !filters.isEmpty())) {
      ms.add(measures.claims());
      assumptions.add("Counting claims, since no other measure was named.");
    }
    if (ms.isEmpty() && !funnel && !partial) {
      return fail("nothing to measure", List.of());
    }

    // Ranking.
    Ranking ranking = null;
    boolean sortOnly = rank != null && rank.word().startsWith("sort:");
    if (rank != null && rank.by() == null && explicit.isEmpty() && implied.stream().noneMatch(m -> m.equals(measures.claims()))
        && !groupNodes.isEmpty() && groupNodes.stream().noneMatch(g -> FREQUENCY_DIMENSIONS.contains(g.grouping().dimension()))) {
      // "which is our biggest payer?", "who's the best provider?": biggest by what?
      return fail("ranks by no measure", List.of(rank.word()));
    }
    if (rank != null && rank.by() == null && ms.isEmpty()) {
      ms.add(measures.claims()); // "top denial reasons", "most frequent diagnoses": by how many claims
    }
    int rankStart = rank == null ? 0 : rank.start();
    if (rank != null && groupings.stream().anyMatch(g -> !g.isGrain())
        && p.notes.stream().anyMatch(n -> n.startsWith("ranked amount:")) && rank.limit() == null && !sortOnly
        && groupNodes.stream().noneMatch(Node.Grouped::asked) && groupNodes.stream().allMatch(g -> g.start() > rankStart)) {
      // "smallest billed amount per payer": each payer's smallest amount, not payers ranked
      String[] parts = p.notes.stream().filter(n -> n.startsWith("ranked amount:")).findFirst().orElseThrow().split(":");
      Measure by = rank.by();
      ms.remove(by);
      ms.add(0, measures.of(parts[1], parts[2]).orElseThrow());
      rank = null;
    }
    if (rank != null) {
      Measure by = rank.by() != null ? rank.by() : ms.isEmpty() ? measures.claims() : ms.get(0);
      List<Grouping> categorical = groupings.stream().filter(g -> !g.isGrain()).toList();
      if (groupings.isEmpty() && !partial) {
        Optional<String> amount = p.notes.stream().filter(x -> x.startsWith("ranked amount:")).findFirst();
        if (amount.isEmpty()) {
          if (!partial) {
            return fail("ranks nothing", List.of(rank.word()));
          }
        } else {
          String[] parts = amount.get().split(":");
          Measure mm = measures.of(parts[1], parts[2]).orElseThrow();
          ms.remove(by);
          ms.add(0, mm);
          rank = null;
        }
      }
      if (rank != null) {
        if (!ms.contains(by)) {
          ms.add(0, by);
        }
        Integer limit = rank.limit();
        boolean ties = false;
        if (limit == null && partial && groupNodes.isEmpty() && !sortOnly && asksForOne(p)) {
          limit = 1; // "of those, who has the highest denial rate?": one of the previous answer's groups
          ties = true;
        } else if (limit == null && !groupNodes.isEmpty() && !sortOnly) {
          boolean single = groupNodes.stream().anyMatch(g -> g.singular() || g.asked() && g.singular()) || asksForOne(p);
          if (single || categorical.isEmpty() && groupings.stream().allMatch(Grouping::isGrain)
              && groupNodes.stream().anyMatch(Node.Grouped::asked)) {
            limit = 1;
            ties = true;
          } else {
            limit = 10;
            assumptions.add("Showing the top 10, since no number was given.");
          }
        }
        ranking = groupings.isEmpty() && !partial ? null : new Ranking(by, rank.descending(), limit, ties);
      }
    }

    // Periods.
    Period time = null;
    List<Period> periods = new ArrayList<>();
    String field = SemanticQuery.SERVICE_DATE;
    SemanticQuery.PeriodMode mode = SemanticQuery.PeriodMode.NONE;
    Set<String> fields = new LinkedHashSet<>();
    times.forEach(t -> fields.add(t.dateColumn()));
    if (fields.size() > 1) {
      return fail("two different dates", List.of(String.join(", ", fields)));
    }
    if (!fields.isEmpty()) {
      field = fields.iterator().next();
    }
    boolean growth = cues.contains("CHANGE:growth");
    boolean change = cues.contains("CHANGE:change");
    boolean grainGroup = groupings.stream().anyMatch(Grouping::isGrain);
    // "YoY by quarter", "each month against the same month last year": every bucket against a year earlier
    boolean yearBefore = false;
    boolean finer = groupings.stream().anyMatch(g -> g.isGrain() && !g.grain().equals("year"));
    Optional<Node.Grouped> yoyWord = groupNodes.stream().filter(g -> g.grouping().isGrain() && g.grouping().grain()
        .equals("year") && g.text().toLowerCase(java.util.Locale.ROOT).matches(".*(yoy|year over year).*")).findFirst();
    if (finer && yoyWord.isPresent()) {
      groupings.remove(yoyWord.get().grouping());
      yearBefore = true;
    }
    Optional<Node.Timed> sameLastYear = times.stream().filter(t -> t.period().label().startsWith("the same ")).findFirst();
    if (finer && sameLastYear.isPresent()) {
      times.remove(sameLastYear.get());
      yearBefore = true;
    }
    if ((growth || change || grainGroup) && !times.isEmpty()) {
      // "change from the previous month": the period before each bucket, not a period of its own
      Node.Timed last = times.get(times.size() - 1);
      String label = last.period().label();
      if (last.period().relative() && (label.startsWith("previous ") || label.startsWith("prior ")
          || label.startsWith("preceding ")) && (grainGroup || times.size() > 1 || growth || change)) {
        times.remove(last);
        cues.add("PREVIOUS:previous");
      }
    }
    if ((growth || change) && times.size() == 1 && times.get(0).endpoints().size() == 2) {
      // "growth from 2024 to 2025": the two ends are compared
      Node.Timed range = times.remove(0);
      range.endpoints().forEach(e -> times.add(new Node.Timed(range.start(), e, range.dateColumn(), List.of())));
    }
    if (times.size() == 1) {
      time = times.get(0).period();
    } else if (times.size() > 1) {
      times.forEach(t -> periods.add(t.period()));
      if (growth || change) {
        if (times.size() != 2) {
          return fail("change over more than two periods", List.of());
        }
        mode = growth ? SemanticQuery.PeriodMode.GROWTH : SemanticQuery.PeriodMode.DIFFERENCE;
      } else if (cues.contains("COMPARE:compare")) {
        mode = SemanticQuery.PeriodMode.ROWS;
      } else if (andBetweenTimes) {
        mode = SemanticQuery.PeriodMode.TOGETHER;
      } else if (periods.size() == 2 && overlap(periods.get(0), periods.get(1))) {
        // "denials in 2025 before March 15th": the period both name
        Period a = periods.get(0);
        Period b = periods.get(1);
        java.time.LocalDate from = a.from().isAfter(b.from()) ? a.from() : b.from();
        java.time.LocalDate to = a.to().isBefore(b.to()) ? a.to() : b.to();
        time = new Period(from, to, a.label() + ", " + b.label(), Period.Unit.OPEN, a.relative() || b.relative(), false);
        periods.clear();
      } else {
        return fail("two periods", List.of(periods.get(0).label(), periods.get(1).label()));
      }
      cues.remove("COMPARE:compare");
    }

    // Transform.
    SemanticQuery.Transform transform = SemanticQuery.Transform.NONE;
    boolean grain = groupings.stream().anyMatch(Grouping::isGrain);
    if (cues.contains("HOW_MANY:count_groups")) {
      transform = SemanticQuery.Transform.COUNT_GROUPS;
    } else if (cues.contains("AGG:average_over_grain")) {
      transform = SemanticQuery.Transform.AVERAGE_OVER_GRAIN;
    } else if (cues.contains("SHARE:claims") || cues.contains("SHARE:share")
        || cues.stream().anyMatch(c -> c.startsWith("SHARE:") && c.endsWith("_amount"))) {
      if (groupings.isEmpty()) {
        return partial ? new Outcome(null, List.of(), "share", List.of(), followUpCue, explicit, !explicit.isEmpty(), null,
            FollowUpCues.NONE)
            : fail("share of what", List.of("share"));
      }
      String column = cues.stream().filter(c -> c.startsWith("SHARE:")).findFirst().orElseThrow().substring(6);
      if (!ms.isEmpty() && !ms.stream().allMatch(m -> isCount(m) || isSum(m)) && !explicit.isEmpty()) {
        return fail("share of a rate", List.of("share"));
      }
      ms.clear();
      ms.add(column.equals("claims") || column.equals("share") ? measures.claims()
          : measures.of(column, "sum").orElseThrow());
      if (ranking != null) {
        ranking = new Ranking(ms.get(0), ranking.descending(), ranking.limit(), ranking.ties());
      }
      transform = SemanticQuery.Transform.SHARE_OF_TOTAL;
    } else if (yearBefore) {
      if (time == null) {
        int y = facts.latest().getYear();
        time = Period.year(y, "this year (" + y + ")", true); // "YoY by month": this year's months against last year's
      }
      transform = growth ? SemanticQuery.Transform.GROWTH_FROM_YEAR_BEFORE : SemanticQuery.Transform.CHANGE_FROM_YEAR_BEFORE;
      cues.remove("COMPARE:compare");
    } else if ((growth || change || cues.contains("PREVIOUS:previous")) && mode == SemanticQuery.PeriodMode.NONE) {
      Optional<Grouping> year = groupings.stream().filter(g -> g.isGrain() && g.grain().equals("year")).findFirst();
      if (year.isPresent() && groupings.size() == 1 && time == null && !cues.contains("PREVIOUS:previous")) {
        // "year over year" alone: this year against last year
        int y = facts.latest().getYear();
        groupings.clear();
        periods.add(Period.year(y - 1, "last year (" + (y - 1) + ")", true));
        periods.add(Period.year(y, "this year (" + y + ")", true));
        mode = growth ? SemanticQuery.PeriodMode.GROWTH : SemanticQuery.PeriodMode.DIFFERENCE;
      } else if (grain || partial) {
        transform = growth ? SemanticQuery.Transform.GROWTH_FROM_PREVIOUS : SemanticQuery.Transform.CHANGE_FROM_PREVIOUS;
      } else {
        return fail("change over what", List.of(growth ? "growth" : "change"));
      }
    }
    cues.remove("CHANGE:growth");
    cues.remove("CHANGE:change");
    cues.remove("PREVIOUS:previous");
    cues.removeIf(c -> c.startsWith("SHARE:") || c.startsWith("AGG:") || c.startsWith("HOW_MANY:") || c.startsWith("GROUP:")
        || c.startsWith("TREND:") || c.startsWith("AMONG:"));
    boolean compared = cues.contains("COMPARE:compare");
    if (cues.contains("COMPARE:compare") && (groupings.isEmpty() && !partial)) {
      return fail("compare what", List.of("compare"));
    }
    cues.remove("COMPARE:compare");
    cues.remove("DISTINCT:distinct");
    boolean combined = cues.stream().anyMatch(c -> c.startsWith("COMBINE:"))
        || p.nodes.stream().anyMatch(n -> n instanceof Node.Raw r && r.is(Kind.COMBINE));
    cues.removeIf(c -> c.startsWith("COMBINE:"));
    if (!cues.isEmpty()) {
      return fail("could not place", cues.stream().map(c -> c.substring(c.indexOf(':') + 1)).toList());
    }

    if (source != SemanticQuery.Source.CLAIMS && source != SemanticQuery.Source.FUNNEL
        && (time != null || !periods.isEmpty())) {
      return fail("no service dates in that table", List.of(times.get(0).period().label()));
    }
    // Groups and their conditions.
    List<Having> having = new ArrayList<>();
    for (Node.HavingCond h : havings) {
      having.add(new Having(h.measure(), h.op(), h.value(), h.value2(), h.text()));
    }
    if (!having.isEmpty() && groupings.stream().noneMatch(g -> !g.isGrain()) && !partial) {
      return fail("a condition on groups without a group", List.of(havings.get(0).text()));
    }
    for (Grouping g : groupings) {
      if (g.dimension().startsWith("entity:") && transform != SemanticQuery.Transform.COUNT_GROUPS) {
        return fail("lists individual members", List.of(g.label()));
      }
    }
    if (!partial) {
      for (Filter f : filters) {
        if (!filterAvailableIn(f.target(), source)) {
          return fail("not in that table", List.of(f.label()));
        }
      }
      for (Grouping g : groupings) {
        if (!g.isGrain() && !g.dimension().equals(Grouping.BANDS) && !g.dimension().startsWith("entity:")
            && !availableIn(g.dimension(), source)) {
          return fail("not in that table", List.of(g.label()));
        }
      }
    }
    if (funnel && (filters.stream().anyMatch(f -> f.target().equals("claim_status")) || !explicit.isEmpty())) {
      return fail("a funnel stage question", List.of("funnel"));
    }
    // A top-N of reasons ranks only named reasons (a breakdown keeps the claims denied without one).
    if (ranking != null && ranking.limit() != null && groupings.stream().anyMatch(g -> g.dimension().equals("denial_reason"))
        && filters.stream().noneMatch(f -> f.target().equals("denial_reason"))) {
      filters.add(new Filter("denial_reason", Filter.Op.NOT_NULL, List.of(), "a denial reason given"));
    }
    // A denial reason implies denied claims.
    boolean reason = groupings.stream().anyMatch(g -> g.dimension().equals("denial_reason"))
        || filters.stream().anyMatch(f -> f.target().equals("denial_reason"));
    if (reason && filters.stream().noneMatch(f -> f.target().equals("claim_status")) && !partial) {
      filters.add(Filter.in("claim_status", List.of("DENIED"), "denied claims"));
    }
    SemanticQuery q = new SemanticQuery(source, ms, groupings, filters, time, field, periods, mode, having, ranking,
        transform);
    int instead = -1;
    for (int t = 0; t + 1 < p.tokens.size(); t++) {
      if (p.tokens.get(t).text().equals("instead") && p.tokens.get(t + 1).text().equals("of")) {
        instead = t;
      }
    }
    int cut = instead;
    List<Grouping> removed = cut < 0 ? List.of()
        : groupNodes.stream().filter(g -> g.start() > cut).map(Node.Grouped::grouping).toList();
    if (partial && rank != null && rank.by() != null && !explicit.contains(rank.by())
        && !rank.by().equals(measures.claims())) {
      explicit = new ArrayList<>(explicit);
      explicit.add(0, rank.by()); // the measure a follow-up ranks by is the one it asks about
    }
    FollowUpCues f = new FollowUpCues(howMany && explicit.isEmpty() && implied.isEmpty(), combined, removed, compared);
    return new Outcome(q, List.of(), "", assumptions, followUpCue, explicit, !explicit.isEmpty() || !implied.isEmpty(),
        aggSwap, f);
  }

  private boolean isCount(Measure m) {
    return m.type() == Measure.Type.METRIC && m.metric().endsWith("_count") || m.type() == Measure.Type.METRIC
        && m.metric().startsWith("unique_") || m.type() == Measure.Type.AGGREGATE && (m.agg() == Measure.Agg.COUNT
        || m.agg() == Measure.Agg.COUNT_DISTINCT);
  }

  private String columnOf(Measure m) {
    return measures.columnOf(m).orElse("");
  }

  private boolean isSum(Measure m) {
    return m.type() == Measure.Type.AGGREGATE && m.agg() == Measure.Agg.SUM
        || m.type() == Measure.Type.METRIC && m.metric().startsWith("total_");
  }

  private boolean isAverage(Measure m) {
    return m.type() == Measure.Type.AGGREGATE && m.agg() == Measure.Agg.AVG
        || m.type() == Measure.Type.METRIC && m.metric().startsWith("avg_");
  }

  /** What a follow-up says beyond its query: "how many is that", "combined", "instead of X" (groupings to drop). */
  record FollowUpCues(boolean countOnly, boolean combine, List<Grouping> removed, boolean compare) {
    static final FollowUpCues NONE = new FollowUpCues(false, false, List.of(), false);
  }

  /** Dimensions whose "top" or "most common" means by how many claims. */
  private static final Set<String> FREQUENCY_DIMENSIONS = Set.of("denial_reason", "procedure_code", "diagnosis_category",
      "primary_diagnosis", "secondary_diagnosis", "quality_reason", "place_of_service", "quality_check", "claim_status");

  /** "who has the lowest ...", "which one had ...", "who's the slowest": one answer (with ties). */
  private static boolean asksForOne(Parse p) {
    for (int t = 0; t + 1 < p.tokens.size(); t++) {
      String a = p.tokens.get(t).text();
      String b = p.tokens.get(t + 1).text();
      if ((a.equals("who") || a.equals("which")) && Set.of("has", "is", "had", "was", "one", "single").contains(b)) {
        return true;
      }
    }
    return false;
  }

  private static boolean overlap(Period a, Period b) {
    boolean contains = !a.from().isAfter(b.from()) && !a.to().isBefore(b.to())
        || !b.from().isAfter(a.from()) && !b.to().isBefore(a.to());
    return contains || b.openStart() && !b.to().isBefore(a.from()) || a.openStart() && !a.to().isBefore(b.from());
  }

  private static List<Measure> distinct(List<Measure> in) {
    return new ArrayList<>(new LinkedHashSet<>(in));
  }

  /** The data-quality table a dimension or named condition belongs to, if not claims. */
  private Optional<String> sourceOf(String target) {
    Optional<String> d = measures.model().findDimension(target).flatMap(ModelParts.Dimension::source);
    if (d.isPresent()) {
      return d;
    }
    return Optional.ofNullable(measures.model().conditions().get(target)).flatMap(ModelParts.Condition::source);
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
    String name = source.name().toLowerCase(java.util.Locale.ROOT);
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
        String name = source.name().toLowerCase(java.util.Locale.ROOT);
        yield measures.model().source(name).dimensions().contains(dimension);
      }
    };
  }
}
