package com.medflow.assistant.agent;

import static java.util.Objects.requireNonNull;

import com.medflow.assistant.nlq.DataFacts;
import com.medflow.assistant.nlq.ParseResult;
import com.medflow.assistant.nlq.QuestionEngine;
import com.medflow.assistant.nlq.query.Grouping;
import com.medflow.assistant.nlq.query.Measure;
import com.medflow.assistant.nlq.query.Ranking;
import com.medflow.assistant.nlq.query.SemanticQuery;
import com.medflow.assistant.nlq.sql.SqlCompiler;
import com.medflow.assistant.nlq.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follow-up questions that are themselves answerable: variations of the current query (another
 * breakdown, a trend, a related measure, a recent period), each kept only when the engine reads its
 * wording back as exactly that query.
 */
public final class Suggester {
  private static final Map<String, String> RELATED = Map.ofEntries(Map.entry("denial_rate", "approval_rate"),
      Map.entry("approval_rate", "denial_rate"), Map.entry("avg_billed_amount", "avg_paid_amount"),
      Map.entry("avg_paid_amount", "avg_billed_amount"), Map.entry("total_billed_amount", "total_paid_amount"),
      Map.entry("total_paid_amount", "total_billed_amount"), Map.entry("claim_count", "denial_rate"),
      Map.entry("avg_processing_days", "denial_rate"), Map.entry("unique_members", "claim_count"),
      Map.entry("denied_count", "denial_rate"), Map.entry("total_allowed_amount", "total_paid_amount"),
      Map.entry("unique_providers", "claim_count"), Map.entry("paid_to_billed_ratio", "denial_rate"));
  private static final List<String> BREAKDOWNS = List.of("payer", "diagnosis_category", "provider_specialty",
      "member_state", "claim_status");

  private final Describer describer;
  private final QuestionEngine engine;
  private final SqlCompiler compiler;

  public Suggester(Describer describer, QuestionEngine engine, SqlCompiler compiler) {
    this.describer = requireNonNull(describer, "describer is null");
    this.engine = requireNonNull(engine, "engine is null");
    this.compiler = requireNonNull(compiler, "compiler is null");
  }

  private static Measure metric(QuestionEngine e, String name) {
    return Measure.metric(name, e.model().metric(name).label());
  }

  public List<String> suggest(Optional<SemanticQuery> current, DataFacts facts) {
    SemanticQuery base = current.filter(q -> q.source() == SemanticQuery.Source.CLAIMS
            && q.transform() == SemanticQuery.Transform.NONE && q.periodMode() == SemanticQuery.PeriodMode.NONE)
        .orElse(SemanticQuery.of(SemanticQuery.Source.CLAIMS, List.of(metric(engine, "denial_rate"))));
    List<SemanticQuery> candidates = new ArrayList<>();
    Set<String> filtered = new LinkedHashSet<>();
    base.filters().forEach(f -> filtered.add(f.target()));
    for (String d : BREAKDOWNS) {
      if (!filtered.contains(d) && base.groupings().stream().noneMatch(g -> g.dimension().equals(d))) {
        candidates.add(base.withGroupings(List.of(Grouping.of(d, engine.model().dimension(d).label()))).withRanking(null));
        break;
      }
    }
    int year = facts.latest().getYear();
    Period thisYear = Period.year(year, Integer.toString(year), false);
    if (!base.hasGrain()) {
      candidates.add(base.withGroupings(List.of(Grouping.grain("month"))).withRanking(null)
          .withTime(base.time() != null ? base.time() : thisYear, base.timeField()));
    }
    Measure first = base.measures().get(0);
    if (first.type() == Measure.Type.METRIC && RELATED.containsKey(first.metric())) {
      Measure related = metric(engine, RELATED.get(first.metric()));
      SemanticQuery q = base.withMeasures(List.of(related));
      if (base.ranking() != null) {
        q = q.withRanking(new Ranking(related, base.ranking().descending(), base.ranking().limit(), base.ranking().ties(),
            base.ranking().only()));
      }
      candidates.add(q);
    }
    if (base.time() == null) {
      candidates.add(base.withTime(thisYear, base.timeField()));
    }
    boolean categorical = base.groupings().stream().anyMatch(g -> !g.isGrain());
    if (categorical && base.ranking() == null) {
      candidates.add(base.withRanking(new Ranking(first, true, 3, false)));
    }
    List<String> out = new ArrayList<>();
    for (SemanticQuery c : candidates) {
      if (current.isPresent() && compiler.compile(c).equals(compiler.compile(current.get()))) {
        continue;
      }
      Optional<String> text = describer.phrase(c);
      if (text.isEmpty()) {
        continue;
      }
      ParseResult check = engine.read(text.get(), facts, Optional.empty());
      if (check.kind() == ParseResult.Kind.ANSWER && compiler.compile(check.query().orElseThrow()).equals(compiler.compile(c))
          && !out.contains(text.get())) {
        out.add(text.get());
      }
      if (out.size() == 4) {
        break;
      }
    }
    return out;
  }
}
