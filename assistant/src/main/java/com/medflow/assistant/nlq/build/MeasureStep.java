package com.medflow.assistant.nlq.build;

import static com.medflow.assistant.nlq.build.Draft.GO_ON;
import static com.medflow.assistant.nlq.build.Draft.fail;

import com.medflow.assistant.nlq.DataFacts;
import com.medflow.assistant.nlq.query.Grouping;
import com.medflow.assistant.nlq.query.Measure;
import com.medflow.assistant.nlq.query.Ranking;
import com.medflow.assistant.nlq.query.SemanticQuery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The assembler's step that decides what is measured and how the groups are ranked. */
final class MeasureStep {
  /** Dimensions whose "top" or "most common" means by how many claims. */
  private static final Set<String> FREQUENCY_DIMENSIONS = Set.of("denial_reason", "procedure_code", "diagnosis_category",
      "primary_diagnosis", "secondary_diagnosis", "quality_reason", "place_of_service", "quality_check", "claim_status");

  /** A ranking without a number lists every group, ordered, when there are at most this many. */
  private static final int LIST_ALL_UP_TO = 10;

  private final Measures measures;
  private final DataFacts facts;

  MeasureStep(Measures measures, DataFacts facts) {
    this.measures = measures;
    this.facts = facts;
  }

  Optional<Assembler.Outcome> measure(Draft d) {
    d.ms.addAll(distinct(d.explicit));
    if (d.ms.isEmpty()) {
      d.ms.addAll(distinct(d.implied));
    }
    if (d.ranks.size() > 1) {
      // "most common ..., top five": one ordering said twice
      Node.Ranked a = d.ranks.get(0);
      Node.Ranked b = d.ranks.get(1);
      boolean sameBy = a.by() == null || b.by() == null || a.by().equals(b.by());
      if (d.ranks.size() > 2 || a.descending() != b.descending() || !sameBy || a.limit() != null && b.limit() != null) {
        return fail("two orderings", List.of(b.word()));
      }
      d.ranks.set(0, new Node.Ranked(a.start(), a.descending(), a.limit() != null ? a.limit() : b.limit(),
          a.by() != null ? a.by() : b.by(), a.word()));
      d.ranks.remove(1);
    }
    d.rank = d.ranks.isEmpty() ? null : d.ranks.get(0);
    if (d.ms.isEmpty() && d.rank != null && d.rank.by() != null) {
      d.ms.add(d.rank.by());
    }
    boolean countGroups = d.cues.contains("HOW_MANY:count_groups");
    if (d.ms.isEmpty() && !d.havings.isEmpty() && !countGroups) {
      d.havings.forEach(h -> d.ms.add(h.measure()));
    }
    if (d.ms.isEmpty() && (d.howMany || d.source != SemanticQuery.Source.CLAIMS || countGroups)) {
      d.ms.add(measures.claims());
    }
    if (d.ms.isEmpty() && !d.partial && refersBack(d.p)) {
      // "break that down by quarter" with no earlier answer: "that" is not claims
      return fail("refines an earlier answer", List.of());
    }
    if (d.ms.isEmpty() && d.followUpCue && !d.partial) {
      // "what about kids?" with no earlier answer to refine: not a question of its own
      return fail("refines an earlier answer", List.of());
    }
    if (d.ms.isEmpty() && !d.funnel && !d.partial && (!d.groupings.isEmpty() || !d.filters.isEmpty())) {
      d.ms.add(measures.claims());
      d.assumptions.add("Counting claims, since no other measure was named.");
    }
    if (d.ms.isEmpty() && !d.funnel && !d.partial) {
      return fail("nothing to measure", List.of());
    }
    return GO_ON;
  }

  Optional<Assembler.Outcome> rank(Draft d) {
    Node.Ranked rank = d.rank;
    if (rank != null && speedWord(rank.word())) {
      // "fastest", "slowest to pay": by processing time, whatever amount verb comes with it
      Measure time = measures.of("processing_days", "avg").orElseThrow();
      Measure paidVerb = measures.defaultFor("paid_amount"); // "to pay", "to get paid": a verb, read as the total
      boolean onlyPaidVerb = d.explicit.stream().allMatch(m -> m.equals(paidVerb) || m.equals(time));
      boolean byTime = rank.by() == null || rank.by().equals(time) || rank.by().equals(paidVerb);
      if (!onlyPaidVerb || !byTime) {
        return fail("ranks by no measure", List.of(rank.word()));
      }
      d.ms.clear();
      d.ms.add(time);
      d.explicit.clear();
      rank = new Node.Ranked(rank.start(), rank.descending(), rank.limit(), time, rank.word());
      d.rank = rank;
    }
    d.sortOnly = rank != null && rank.word().startsWith("sort:");
    if (rank != null && rank.by() == null && d.explicit.isEmpty() && !d.partial
        && (d.implied.stream().noneMatch(m -> m.equals(measures.claims())) || amountWord(rank.word()))
        && !d.groupNodes.isEmpty()
        && (d.groupNodes.stream().noneMatch(g -> FREQUENCY_DIMENSIONS.contains(g.grouping().dimension()))
            || amountWord(rank.word()))) {
      // "most expensive procedure": by total or by average billed? An amount word ranks by an amount never named
      // "which is our biggest payer?", "who's the best provider?": biggest by what? (a follow-up ranks by the
      // measure of the answer it refines: "which 5 states have the most of them")
      return fail("ranks by no measure", List.of(rank.word()));
    }
    if (rank != null && rank.by() == null && d.ms.isEmpty()) {
      d.ms.add(measures.claims()); // "top denial reasons", "most frequent diagnoses": by how many claims
    }
    if (rank != null && rank.by() == null && d.explicit.isEmpty() && !d.ms.contains(measures.claims())
        && d.groupNodes.stream().anyMatch(g -> FREQUENCY_DIMENSIONS.contains(g.grouping().dimension()))) {
      // "for cardiologists, the top denial reason": by claims, not by the providers the specialty word names
      d.ms.clear();
      d.ms.add(measures.claims());
    }
    int rankStart = rank == null ? 0 : rank.start();
    Optional<String> rankedAmount = d.p.notes.stream().filter(n -> n.startsWith("ranked amount:")).findFirst();
    if (rank != null && rankedAmount.isPresent() && !d.groupNodes.isEmpty()
        && d.groupNodes.stream().allMatch(g -> g.grouping().dimension().equals("claim") && !g.asked()
            && g.text().toLowerCase(java.util.Locale.ROOT).matches("(single|individual) claim"))) {
      // "the highest billed amount for a single claim": the largest amount, not each claim's own amount
      d.groupings.removeIf(g -> g.dimension().equals("claim"));
      d.groupNodes.clear();
    }
    if (rank != null && d.groupings.stream().anyMatch(g -> !g.isGrain()) && rankedAmount.isPresent()
        && rank.limit() == null && !d.sortOnly && d.groupNodes.stream().noneMatch(Node.Grouped::asked)
        && d.groupNodes.stream().allMatch(g -> g.start() > rankStart)) {
      // "smallest billed amount per payer": each payer's smallest amount, not payers ranked
      replaceByAmount(d, rank.by(), rankedAmount.get());
      rank = null;
    }
    if (rank != null && d.groupings.isEmpty() && !d.partial && place(rank)) {
      // "the second highest billed amount": a place among single amounts, not one aggregate
      return fail("ranks nothing", List.of(rank.word().replaceFirst("^#\\d+ ", "")));
    }
    if (rank != null && d.groupings.isEmpty() && !d.partial) {
      if (rankedAmount.isEmpty()) {
        return fail("ranks nothing", List.of(rank.word()));
      }
      Measure by = rank.by() != null ? rank.by() : d.ms.isEmpty() ? measures.claims() : d.ms.get(0);
      replaceByAmount(d, by, rankedAmount.get());
      if (!d.howMany && !d.explicit.contains(measures.claims()) && d.ms.size() > 1) {
        d.ms.remove(measures.claims()); // "the smallest payment on an approved claim": the claim is the grain, not a count
      }
      rank = null;
    }
    if (rank != null) {
      d.ranking = ranking(d, rank);
      if (d.ranking != null && d.ranking.limit() == null && !d.sortOnly && !d.partial) {
        // "top specialties by paid", "highest average paid by specialty": the question does not say how many
        return fail("how many", List.of(rank.word()));
      }
    }
    d.rank = rank;
    return GO_ON;
  }

  /** "the highest billed amount": the largest single amount, not a ranking of groups. */
  private void replaceByAmount(Draft d, Measure by, String note) {
    String[] parts = note.split(":");
    d.ms.remove(by);
    d.ms.add(0, measures.of(parts[1], parts[2]).orElseThrow());
  }

  private Ranking ranking(Draft d, Node.Ranked rank) {
    Measure by = rank.by() != null ? rank.by() : d.ms.isEmpty() ? measures.claims() : d.ms.get(0);
    List<Grouping> categorical = d.groupings.stream().filter(g -> !g.isGrain()).toList();
    if (!d.ms.contains(by)) {
      d.ms.add(0, by);
    }
    Integer limit = rank.limit();
    boolean ties = false;
    if (limit == null && d.partial && d.groupNodes.isEmpty() && !d.sortOnly && asksForOne(d.p)) {
      limit = 1; // "of those, who has the highest denial rate?": one of the previous answer's groups
      ties = true;
    } else if (limit == null && !d.groupNodes.isEmpty() && !d.sortOnly) {
      boolean single = d.groupNodes.stream().anyMatch(Node.Grouped::singular) || asksForOne(d.p);
      if (single || categorical.isEmpty() && d.groupings.stream().allMatch(Grouping::isGrain)
          && d.groupNodes.stream().anyMatch(Node.Grouped::asked)) {
        limit = 1;
        ties = true;
      } else {
        int groups = categorical.size() == 1 ? facts.values(categorical.get(0).dimension()).size() : 0;
        if (groups > 0 && groups <= LIST_ALL_UP_TO && d.groupings.size() == 1) {
          d.sortOnly = true; // every one of the few groups, in order
          d.assumptions.add("Listing all " + groups + " " + categorical.get(0).label() + " groups, "
              + (rank.descending() ? "highest" : "lowest") + " first, since no number was given.");
        }
      }
    }
    return d.groupings.isEmpty() && !d.partial ? null : new Ranking(by, rank.descending(), limit, ties && !place(rank),
        place(rank));
  }

  /** "the second busiest month": a place in the order, marked by {@link RankRules} as "#2 busiest". */
  static boolean place(Node.Ranked rank) {
    return rank.word().startsWith("#");
  }

  private static boolean speedWord(String word) {
    return word.toLowerCase(java.util.Locale.ROOT).matches(".*(slow|fast|quick).*");
  }

  private static boolean amountWord(String word) {
    return word.toLowerCase(java.util.Locale.ROOT).matches(".*(expensive|costliest|priciest|cheapest).*");
  }

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

  private static List<Measure> distinct(List<Measure> in) {
    return new ArrayList<>(new LinkedHashSet<>(in));
  }

  /** "break it down", "split that", "show those by month": a pronoun standing for an earlier answer. */
  private static boolean refersBack(Parse p) {
    String said = String.join(" ", p.tokens.stream().map(t -> t.text()).toList());
    return said.matches(".*\\b(break|breaks|split|slice|cut|show|chart|plot)\\s+(it|that|them|this|those|these)\\b.*");
  }
}
