package com.medflow.assistant.nlq.build;

import static com.medflow.assistant.nlq.build.Draft.GO_ON;
import static com.medflow.assistant.nlq.build.Draft.fail;

import com.medflow.assistant.nlq.DataFacts;
import com.medflow.assistant.nlq.query.Grouping;
import com.medflow.assistant.nlq.query.Ranking;
import com.medflow.assistant.nlq.query.SemanticQuery;
import com.medflow.assistant.nlq.vocab.Kind;
import com.medflow.assistant.nlq.time.Period;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The assembler's steps for time: which periods a question names and how they relate (one period, two compared,
 * a change between them, each bucket against the one before or a year before), and the share transform.
 */
final class PeriodStep {
  private final Measures measures;
  private final DataFacts facts;

  PeriodStep(Measures measures, DataFacts facts) {
    this.measures = measures;
    this.facts = facts;
  }

  Optional<Assembler.Outcome> periods(Draft d) {
    Set<String> fields = new LinkedHashSet<>();
    d.times.forEach(t -> fields.add(t.dateColumn()));
    if (fields.size() > 1) {
      return fail("two different dates", List.of(String.join(", ", fields)));
    }
    if (!fields.isEmpty()) {
      d.field = fields.iterator().next();
    }
    d.growth = d.cues.contains("CHANGE:growth");
    d.change = d.cues.contains("CHANGE:change");
    yearBefore(d);
    previousPeriod(d);
    if ((d.growth || d.change) && d.times.size() == 1 && d.times.get(0).endpoints().size() == 2) {
      // "growth from 2024 to 2025": the two ends are compared
      Node.Timed range = d.times.remove(0);
      range.endpoints().forEach(e -> d.times.add(new Node.Timed(range.start(), e, range.dateColumn(), List.of())));
    }
    if (d.times.size() == 1) {
      d.time = d.times.get(0).period();
    } else if (d.times.size() > 1) {
      Optional<Assembler.Outcome> f = severalPeriods(d);
      if (f.isPresent()) {
        return f;
      }
    }
    return GO_ON;
  }

  /** The grouping by year that "YoY" / "year over year" was read as, if the question says so. */
  private static Optional<Node.Grouped> yearOverYearWord(Draft d) {
    return d.groupNodes.stream().filter(g -> g.grouping().isGrain() && g.grouping().grain().equals("year")
        && g.text().toLowerCase(Locale.ROOT).matches(".*(yoy|year over year).*")).findFirst();
  }

  /** "YoY by quarter", "each month against the same month last year": every bucket against a year earlier. */
  private static void yearBefore(Draft d) {
    boolean finer = d.groupings.stream().anyMatch(g -> g.isGrain() && !g.grain().equals("year"));
    Optional<Node.Grouped> yoyWord = yearOverYearWord(d);
    if (finer && yoyWord.isPresent()) {
      d.groupings.remove(yoyWord.get().grouping());
      d.yearBefore = true;
    }
    Optional<Node.Timed> sameLastYear = d.times.stream().filter(t -> t.period().label().startsWith("the same "))
        .findFirst();
    if (finer && sameLastYear.isPresent()) {
      d.times.remove(sameLastYear.get());
      d.yearBefore = true;
    }
  }

  /** "change from the previous month": the period before each bucket, not a period of its own. */
  private static void previousPeriod(Draft d) {
    boolean grainGroup = d.grainGroup();
    if ((d.growth || d.change || grainGroup) && !d.times.isEmpty()) {
      Node.Timed last = d.times.get(d.times.size() - 1);
      String label = last.period().label();
      if (last.period().relative() && (label.startsWith("previous ") || label.startsWith("prior ")
          || label.startsWith("preceding ")) && (grainGroup || d.times.size() > 1 || d.growth || d.change)) {
        d.times.remove(last);
        d.cues.add("PREVIOUS:previous");
      }
    }
  }

  private static Optional<Assembler.Outcome> severalPeriods(Draft d) {
    d.times.forEach(t -> d.periods.add(t.period()));
    if (d.growth || d.change) {
      if (d.times.size() != 2) {
        return fail("change over more than two periods", List.of());
      }
      d.mode = d.growth ? SemanticQuery.PeriodMode.GROWTH : SemanticQuery.PeriodMode.DIFFERENCE;
      // "year over year change, 2024 to 2025": the two years are the comparison, not a grouping by year as well
      yearOverYearWord(d).ifPresent(g -> d.groupings.remove(g.grouping()));
      // a change runs forward in time, whichever period is named first ("2025 vs 2024 growth": from 2024 to 2025)
      d.periods.sort(java.util.Comparator.comparing(Period::from));
    } else if (d.cues.contains("COMPARE:compare")) {
      d.mode = SemanticQuery.PeriodMode.ROWS;
    } else if (d.andBetweenTimes) {
      d.mode = SemanticQuery.PeriodMode.TOGETHER;
    } else if (d.periods.size() == 2 && overlap(d.periods.get(0), d.periods.get(1))) {
      // "denials in 2025 before March 15th": the period both name
      Period a = d.periods.get(0);
      Period b = d.periods.get(1);
      LocalDate from = a.from().isAfter(b.from()) ? a.from() : b.from();
      LocalDate to = a.to().isBefore(b.to()) ? a.to() : b.to();
      d.time = new Period(from, to, a.label() + ", " + b.label(), Period.Unit.OPEN, a.relative() || b.relative(), false);
      d.periods.clear();
    } else {
      return fail("two periods", List.of(d.periods.get(0).label(), d.periods.get(1).label()));
    }
    d.cues.remove("COMPARE:compare");
    return GO_ON;
  }

  Optional<Assembler.Outcome> transform(Draft d) {
    boolean grain = d.grainGroup();
    if (d.cues.contains("HOW_MANY:count_groups")) {
      d.transform = SemanticQuery.Transform.COUNT_GROUPS;
    } else if (d.cues.contains("AGG:average_over_grain")) {
      d.transform = SemanticQuery.Transform.AVERAGE_OVER_GRAIN;
    } else if (d.cues.contains("SHARE:claims") || d.cues.contains("SHARE:share")
        || d.cues.stream().anyMatch(c -> c.startsWith("SHARE:") && c.endsWith("_amount"))) {
      return share(d);
    } else if (d.yearBefore) {
      if (d.time == null) {
        int y = facts.latest().getYear();
        d.time = Period.year(y, "this year (" + y + ")", true); // "YoY by month": this year's months against last year's
      }
      d.transform = d.growth ? SemanticQuery.Transform.GROWTH_FROM_YEAR_BEFORE
          : SemanticQuery.Transform.CHANGE_FROM_YEAR_BEFORE;
      d.cues.remove("COMPARE:compare");
    } else if ((d.growth || d.change || d.cues.contains("PREVIOUS:previous")) && d.mode == SemanticQuery.PeriodMode.NONE) {
      Optional<Grouping> year = d.groupings.stream().filter(g -> g.isGrain() && g.grain().equals("year")).findFirst();
      if (year.isPresent() && d.groupings.size() == 1 && d.time == null && !d.cues.contains("PREVIOUS:previous")) {
        // "year over year" alone: this year against last year
        int y = facts.latest().getYear();
        d.groupings.clear();
        d.periods.add(Period.year(y - 1, "last year (" + (y - 1) + ")", true));
        d.periods.add(Period.year(y, "this year (" + y + ")", true));
        d.mode = d.growth ? SemanticQuery.PeriodMode.GROWTH : SemanticQuery.PeriodMode.DIFFERENCE;
      } else if (grain || d.partial) {
        d.transform = d.growth ? SemanticQuery.Transform.GROWTH_FROM_PREVIOUS
            : SemanticQuery.Transform.CHANGE_FROM_PREVIOUS;
        if (d.ranking != null && decrease(d)) {
          // "the biggest drop": the most negative change first
          d.ranking = new Ranking(d.ranking.by(), !d.ranking.descending(), d.ranking.limit(), d.ranking.ties(), d.ranking.only());
        }
      } else {
        return fail("change over what", List.of(d.growth ? "growth" : "change"));
      }
    }
    return GO_ON;
  }

  /** A change word that names a fall: "drop", "decline", "went down". */
  private static boolean decrease(Draft d) {
    return d.p.nodes.stream().anyMatch(n -> n instanceof Node.Raw r && r.is(Kind.CHANGE) && r.span().text()
        .toLowerCase(java.util.Locale.ROOT).matches("drop|dropped|decline|declined|decrease|decreased|fall|fell|went down"
            + "|go down|gone down|dip|dips|dipped"));
  }

  /** "what share of claims ...": each group's part of the total count or amount. */
  private Optional<Assembler.Outcome> share(Draft d) {
    if (d.groupings.isEmpty()) {
      return d.partial
          ? Optional.of(new Assembler.Outcome(null, List.of(), "share", List.of(), d.followUpCue, d.explicit,
              !d.explicit.isEmpty(), null, Assembler.FollowUpCues.NONE))
          : fail("share of what", List.of("share"));
    }
    String column = d.cues.stream().filter(c -> c.startsWith("SHARE:")).findFirst().orElseThrow().substring(6);
    if (!d.ms.isEmpty() && !d.ms.stream().allMatch(m -> measures.isCount(m) || measures.isSum(m))
        && !d.explicit.isEmpty()) {
      return fail("share of a rate", List.of("share"));
    }
    d.ms.clear();
    d.ms.add(column.equals("claims") || column.equals("share") ? measures.claims()
        : measures.of(column, "sum").orElseThrow());
    if (d.ranking != null) {
      d.ranking = new Ranking(d.ms.get(0), d.ranking.descending(), d.ranking.limit(), d.ranking.ties(), d.ranking.only());
    }
    d.transform = SemanticQuery.Transform.SHARE_OF_TOTAL;
    return GO_ON;
  }

  private static boolean overlap(Period a, Period b) {
    boolean contains = !a.from().isAfter(b.from()) && !a.to().isBefore(b.to())
        || !b.from().isAfter(a.from()) && !b.to().isBefore(a.to());
    return contains || b.openStart() && !b.to().isBefore(a.from()) || a.openStart() && !a.to().isBefore(b.from());
  }
}
