package com.medflow.assistant.nlq.build;

import com.medflow.assistant.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link Parse} to the end: each family of rules rewrites runs of nodes, in a fixed order
 * (numbers, bands, differences of amounts, shares, filters, group conditions, measures, ranking, groupings), repeated until
 * no rule applies. A rule that meets a genuine ambiguity leaves the other reading as an alternative.
 */
public final class Rules {
  private static final int MAX_STEPS = 500;

  private final Measures measures;
  private final FilterRules filters;
  private final ShareRules shares;
  private final HavingRules having;
  private final MeasureRules measureRules;
  private final RankRules ranks;
  private final GroupRules groups;
  private final DifferenceRules differences;

  public Rules(SemanticModel model) {
    this.measures = new Measures(model);
    this.filters = new FilterRules(model);
    this.shares = new ShareRules(filters, measures);
    this.having = new HavingRules(measures);
    this.measureRules = new MeasureRules(measures);
    this.ranks = new RankRules(measures);
    this.groups = new GroupRules(measures);
    this.differences = new DifferenceRules(measures);
  }

  Measures measures() {
    return measures;
  }

  /** Reads {@code p} and every alternative reading found on the way; returns them all, {@code p} first. */
  List<Parse> read(Parse p) {
    List<Parse> out = new ArrayList<>();
    List<Parse> todo = new ArrayList<>(List.of(p));
    while (!todo.isEmpty() && out.size() < 16) {
      Parse next = todo.remove(0);
      run(next);
      out.add(next);
      todo.addAll(next.alternatives);
      next.alternatives.clear();
    }
    return out;
  }

  private void run(Parse p) {
    int steps = 0;
    while (steps++ < MAX_STEPS && (NumberRules.apply(p) || filters.early(p) || BandRules.apply(p) || differences.apply(p) || shares.apply(p) || filters.apply(p)
        || having.apply(p) || measureRules.apply(p) || ranks.apply(p) || groups.apply(p) || measureRules.late(p))) {
      // each rule rewrites one run per call; repeat until none applies
    }
    if (steps >= MAX_STEPS) {
      throw new IllegalStateException("The question's reading did not settle after " + MAX_STEPS + " steps");
    }
  }
}
