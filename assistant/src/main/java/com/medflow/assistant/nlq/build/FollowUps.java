package com.medflow.assistant.nlq.build;

import com.medflow.assistant.nlq.query.Filter;
import com.medflow.assistant.nlq.query.Grouping;
import com.medflow.assistant.nlq.query.Measure;
import com.medflow.assistant.nlq.query.Ranking;
import com.medflow.assistant.nlq.query.SemanticQuery;
import com.medflow.assistant.nlq.time.Period;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A follow-up changes the previous semantic query, deterministically: a new value of a filtered
 * dimension swaps it ("and for Aetna?"), "also"/"too" adds it ("add BlueCross too"), a new value
 * elsewhere narrows ("just the denied ones"), a grouping is added ("by reason") or replaces the
 * others ("now by month", "instead"), a measure replaces the previous one or is added ("also the
 * average paid"), a period replaces the period, a ranking or limit is set ("top 3 only").
 */
final class FollowUps {
  private static final Set<String> ADD_WORDS = Set.of("also", "too", "add", "adding", "include", "including", "plus",
      "well");
  private static final Set<String> REPLACE_WORDS = Set.of("instead", "now", "rather");
  private static final Set<String> CHANGE_WORDS = Set.of("change", "changed", "difference", "growth", "grow", "grew",
      "increase", "decrease", "delta", "compare", "compared", "vs", "versus");

  private FollowUps() {}

  static SemanticQuery merge(SemanticQuery prev, Assembler.Outcome outcome, List<String> words, Measures measures) {
    SemanticQuery part = outcome.query();
    List<Measure> explicit = outcome.explicitMeasures();
    boolean add = words.stream().anyMatch(ADD_WORDS::contains);
    boolean replace = words.stream().anyMatch(REPLACE_WORDS::contains);
    SemanticQuery q = prev;
    if (part.source() != SemanticQuery.Source.CLAIMS && part.source() != prev.source()) {
      return part;
    }
    String said = String.join(" ", words);
    if (said.matches(".*\\b(is|are|was|were) (that|those|this|these|they)\\b.*") && !prev.groupings().isEmpty()
        && explicit.size() == 1 && !explicit.get(0).equals(measures.claims()) && measures.isCount(explicit.get(0))
        && part.filters().isEmpty() && part.time() == null && part.groupings().isEmpty()) {
      // "how many providers is that?" after a list of providers: the rows of that answer, counted
      return prev.withTransform(SemanticQuery.Transform.COUNT_ROWS);
    }
    if (prev.transform() == SemanticQuery.Transform.COUNT_ROWS) {
      q = q.withTransform(SemanticQuery.Transform.NONE); // "of those, ...": the rows that were counted
    }
    if (outcome.aggSwap() != null) {
      q = q.withMeasures(swap(prev.measures(), outcome.aggSwap(), measures));
    }
    if (!explicit.isEmpty()) {
      List<Measure> ms = new ArrayList<>(add ? prev.measures() : List.of());
      explicit.stream().filter(m -> !ms.contains(m)).forEach(ms::add);
      q = q.withMeasures(ms);
      if (q.ranking() != null && !add) {
        q = q.withRanking(new Ranking(ms.get(0), q.ranking().descending(), q.ranking().limit(), q.ranking().ties(), q.ranking().only()));
      }
    }
    List<Grouping> groups = new ArrayList<>(q.groupings());
    groups.removeAll(outcome.followUp().removed());
    List<Filter> filters = new ArrayList<>(q.filters());
    for (Filter f : part.filters()) {
      if (f.target().equals("claim_status") && f.label().equals("denied claims")
          && filters.stream().anyMatch(x -> x.target().equals("claim_status"))) {
        continue; // implied by a denial reason; the question's own status stays
      }
      Filter old = filters.stream().filter(x -> x.target().equals(f.target()) && x.op() == f.op()).findFirst().orElse(null);
      if (add && old != null && f.op() == Filter.Op.IN) {
        List<String> values = new ArrayList<>(old.values());
        f.values().stream().filter(v -> !values.contains(v)).forEach(values::add);
        filters.remove(old);
        filters.add(Filter.in(f.target(), values, old.label() + " or " + String.join(" or ", f.values())));
        if (groups.stream().noneMatch(g -> g.dimension().equals(f.target()))) {
          groups.add(Grouping.of(f.target(), f.target().replace('_', ' ')));
        }
        continue;
      }
      filters.removeIf(x -> x.target().equals(f.target()) || sameFamily(x, f));
      filters.add(f);
      if (f.op() == Filter.Op.IN && f.values().size() == 1 && !part.groupings().stream()
          .anyMatch(g -> g.dimension().equals(f.target()))) {
        groups.removeIf(g -> g.dimension().equals(f.target()));
      }
    }
    List<Grouping> named = part.groupings().stream().filter(g -> !outcome.followUp().removed().contains(g)).toList();
    if (!named.isEmpty()) {
      boolean grainOnly = named.stream().allMatch(Grouping::isGrain);
      if (replace && outcome.followUp().removed().isEmpty()) {
        groups.clear();
      } else if (grainOnly) {
        groups.removeIf(Grouping::isGrain);
      }
      named.stream().filter(g -> !groups.contains(g)).forEach(groups::add);
    }
    if (outcome.followUp().combine()) {
      // "what's the combined number?": the values shown one by one, added up
      groups.removeIf(g -> filters.stream().anyMatch(f -> f.target().equals(g.dimension()) && f.values().size() > 1));
    }
    q = q.withFilters(filters).withGroupings(groups);
    if (part.time() != null && outcome.followUp().compare() && prev.time() != null) {
      // "how does that compare with the prior year?": both periods, one row each
      List<com.medflow.assistant.nlq.time.Period> both = List.of(prev.time(), part.time());
      q = q.withPeriods(both, SemanticQuery.PeriodMode.ROWS, prev.timeField());
    } else if (part.time() != null) {
      q = q.withTime(part.time(), part.timeField());
    } else if (!part.periods().isEmpty()) {
      q = q.withPeriods(part.periods(), part.periodMode(), part.timeField());
    }
    if (!part.having().isEmpty()) {
      q = q.withHaving(part.having());
    }
    if (part.ranking() != null) {
      Ranking r = part.ranking();
      Measure by = explicit.contains(r.by()) || prev.ranking() == null ? r.by() : prev.ranking().by();
      if (!q.measures().contains(by)) {
        by = q.measures().get(0);
      }
      // "rank them by total billed instead" after a top 3: the same cut, by the new measure
      Integer limit = r.limit() == null && prev.ranking() != null ? prev.ranking().limit() : r.limit();
      q = q.withRanking(new Ranking(by, r.descending(), limit, r.ties(), r.only()));
    }
    if (part.transform() != SemanticQuery.Transform.NONE) {
      q = q.withTransform(part.transform());
    }
    boolean fromPrevious = q.transform() == SemanticQuery.Transform.CHANGE_FROM_PREVIOUS
        || q.transform() == SemanticQuery.Transform.GROWTH_FROM_PREVIOUS;
    if (fromPrevious && q.groupings().stream().noneMatch(Grouping::isGrain)) {
      // "and the month before?" after a one-period answer: that period moved back, or the change to it
      Period before = prev.time() == null ? null : before(prev.time());
      if (before == null || part.time() != null) {
        return null;
      }
      boolean change = words.stream().anyMatch(CHANGE_WORDS::contains);
      boolean growth = q.transform() == SemanticQuery.Transform.GROWTH_FROM_PREVIOUS;
      q = q.withTransform(SemanticQuery.Transform.NONE);
      q = change ? q.withPeriods(List.of(before, prev.time()), growth ? SemanticQuery.PeriodMode.GROWTH
          : SemanticQuery.PeriodMode.DIFFERENCE, prev.timeField()) : q.withTime(before, prev.timeField());
    }
    if (outcome.followUp().countOnly()) {
      // "how many is that?": the rows of the previous answer; "how many of those were approved?": the claims
      boolean narrowed = !part.filters().isEmpty() || part.time() != null;
      if (narrowed || q.groupings().isEmpty()) {
        q = q.withMeasures(List.of(part.measures().get(0))).withGroupings(List.of()).withRanking(null).withHaving(List.of());
      } else {
        q = q.withTransform(SemanticQuery.Transform.COUNT_ROWS);
      }
    }
    if (q.ranking() != null && q.groupings().isEmpty()) {
      q = q.withRanking(null);
    }
    return q;
  }

  /** The calendar period before a month, quarter or year; null for any other period. */
  private static Period before(Period p) {
    return switch (p.unit()) {
      case MONTH -> {
        LocalDate d = p.from().minusMonths(1);
        yield Period.month(d.getYear(), d.getMonthValue(), d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
            + " " + d.getYear(), false);
      }
      case QUARTER -> {
        LocalDate d = p.from().minusMonths(3);
        int quarter = (d.getMonthValue() - 1) / 3 + 1;
        yield Period.quarter(d.getYear(), quarter, "Q" + quarter + " " + d.getYear(), false);
      }
      case YEAR -> Period.year(p.from().getYear() - 1, String.valueOf(p.from().getYear() - 1), false);
      default -> null;
    };
  }

  /** The same measures with another aggregation ("use the median instead"). */
  private static List<Measure> swap(List<Measure> ms, String agg, Measures measures) {
    List<Measure> out = new ArrayList<>();
    for (Measure m : ms) {
      out.add(measures.columnOf(m).flatMap(c -> measures.of(c, agg)).orElse(m));
    }
    return out;
  }

  private static boolean sameFamily(Filter a, Filter b) {
    Set<String> age = Set.of("patient_age", "seniors", "children", "adults");
    Set<String> dx = Set.of("diagnosis_category", "primary_diagnosis");
    return age.contains(a.target()) && age.contains(b.target()) || dx.contains(a.target()) && dx.contains(b.target());
  }
}
