package com.medflow.assistant.nlq.build;

import com.medflow.assistant.nlq.query.Filter;
import com.medflow.assistant.nlq.query.Grouping;
import com.medflow.assistant.nlq.query.Measure;
import com.medflow.assistant.nlq.query.Ranking;
import com.medflow.assistant.nlq.query.SemanticQuery;
import com.medflow.assistant.nlq.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One reading of a question while the assembler's steps turn its nodes into a {@link SemanticQuery}: what has
 * been read so far (measures, filters, groupings, periods, cues) and what each step has decided.
 */
final class Draft {
  final Parse p;
  /** A follow-up may leave out what it does not change. */
  final boolean partial;

  // read from the nodes
  final List<Measure> explicit = new ArrayList<>();
  final List<Measure> implied = new ArrayList<>();
  final List<Filter> filters = new ArrayList<>();
  final List<Grouping> groupings = new ArrayList<>();
  final List<Node.Grouped> groupNodes = new ArrayList<>();
  final List<Node.Timed> times = new ArrayList<>();
  final List<Node.Ranked> ranks = new ArrayList<>();
  final List<Node.HavingCond> havings = new ArrayList<>();
  final Set<String> cues = new LinkedHashSet<>();
  final List<String> leftovers = new ArrayList<>();
  /** Words that count only in context ("in total", "by"): placed or left over once everything is read. */
  final List<Node.Raw> conditional = new ArrayList<>();
  final List<String> assumptions = new ArrayList<>();
  final Set<String> sources = new LinkedHashSet<>();
  boolean funnel;
  boolean followUpCue;
  boolean howMany;
  boolean andBetweenTimes;
  String aggSwap;

  // decided by the steps
  SemanticQuery.Source source = SemanticQuery.Source.CLAIMS;
  final List<Measure> ms = new ArrayList<>();
  Node.Ranked rank;
  boolean sortOnly;
  Ranking ranking;
  Period time;
  final List<Period> periods = new ArrayList<>();
  String field = SemanticQuery.SERVICE_DATE;
  SemanticQuery.PeriodMode mode = SemanticQuery.PeriodMode.NONE;
  SemanticQuery.Transform transform = SemanticQuery.Transform.NONE;
  boolean yearBefore;
  boolean growth;
  boolean change;
  boolean compared;
  boolean combined;

  Draft(Parse p, boolean partial) {
    this.p = p;
    this.partial = partial;
  }

  boolean growthCue() {
    return cues.contains("CHANGE:growth") || cues.contains("CHANGE:change");
  }

  boolean grainGroup() {
    return groupings.stream().anyMatch(Grouping::isGrain);
  }

  static Optional<Assembler.Outcome> fail(String problem, List<String> leftovers) {
    return Optional.of(new Assembler.Outcome(null, leftovers, problem, List.of(), false, List.of(), false, null,
        Assembler.FollowUpCues.NONE));
  }

  static final Optional<Assembler.Outcome> GO_ON = Optional.empty();
}
