package com.medflow.assistant.agent;

import static java.util.Objects.requireNonNull;

import com.medflow.assistant.nlq.DataFacts;
import com.medflow.assistant.nlq.Lexicon;
import com.medflow.assistant.nlq.ParseResult;
import com.medflow.assistant.nlq.QuestionParser;
import com.medflow.assistant.nlq.SemanticQuery;
import com.medflow.assistant.nlq.SqlCompiler;
import com.medflow.assistant.nlq.TimeRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Follow-up questions that are themselves answerable: variations of the current query (another
 * breakdown, a trend, a related measure, a recent period), each checked by parsing it back.
 */
public final class Suggester {
  private static final Map<String, String> RELATED = Map.ofEntries(Map.entry("denial_rate", "approval_rate"),
      Map.entry("approval_rate", "denial_rate"), Map.entry("avg_billed", "avg_paid"), Map.entry("avg_paid", "avg_billed"),
      Map.entry("total_billed", "total_paid"), Map.entry("total_paid", "total_billed"),
      Map.entry("claim_count", "denial_rate"), Map.entry("avg_processing_days", "denial_rate"),
      Map.entry("unique_members", "claim_count"), Map.entry("denied_count", "denial_rate"),
      Map.entry("in_review_count", "denial_rate"), Map.entry("pending_count", "avg_processing_days"),
      Map.entry("total_allowed", "total_paid"), Map.entry("avg_allowed", "avg_paid"),
      Map.entry("unique_providers", "claim_count"), Map.entry("approved_count", "approval_rate"),
      Map.entry("max_billed", "avg_billed"), Map.entry("min_billed", "avg_billed"));
  private static final List<String> BREAKDOWNS = List.of("payer", "diagnosis_category", "provider_specialty",
      "place_of_service", "age_band");

  private final Describer describer;
  private final QuestionParser parser;
  private final SqlCompiler compiler;

  public Suggester(Describer describer, QuestionParser parser, SqlCompiler compiler) {
    this.describer = requireNonNull(describer, "describer is null");
    this.parser = requireNonNull(parser, "parser is null");
    this.compiler = requireNonNull(compiler, "compiler is null");
  }

  public List<String> suggest(Optional<SemanticQuery> current, DataFacts facts, Lexicon lexicon) {
    List<SemanticQuery> candidates = new ArrayList<>();
    SemanticQuery base = current.filter(q -> !q.funnel()).orElse(new SemanticQuery(List.of("denial_rate"), List.of(),
        List.of(), Optional.empty(), Optional.empty(), true, OptionalInt.empty(), false));
    Set<String> filtered = new LinkedHashSet<>();
    base.filters().forEach(f -> filtered.add(f.target()));
    List<String> categorical = base.dimensions().stream().filter(d -> !d.startsWith(SemanticQuery.GRAIN)).toList();
    for (String d : BREAKDOWNS) {
      if (!filtered.contains(d) && !base.dimensions().contains(d)) {
        candidates.add(base.withDimensions(List.of(d)).withOrder(Optional.empty(), true, OptionalInt.empty()));
        break;
      }
    }
    if (!base.hasTimeGrain()) {
      int year = facts.latest().getYear();
      candidates.add(base.withDimensions(List.of(SemanticQuery.GRAIN + "month"))
          .withOrder(Optional.empty(), true, OptionalInt.empty())
          .withTime(Optional.of(base.time().orElse(new TimeRange(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
              Integer.toString(year))))));
    }
    String related = RELATED.get(base.metrics().get(0));
    if (related != null) {
      candidates.add(base.withMetrics(List.of(related)).withOrder(base.orderBy().map(o -> related), base.descending(),
          base.limit()));
    }
    if (base.time().isEmpty()) {
      int year = facts.latest().getYear();
      candidates.add(base.withTime(Optional.of(new TimeRange(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
          Integer.toString(year)))));
    }
    if (!categorical.isEmpty() && base.limit().isEmpty()) {
      candidates.add(base.withOrder(Optional.of(base.metrics().get(0)), true, OptionalInt.of(3)));
    }
    String currentSql = current.map(compiler::compile).orElse("");
    List<String> out = new ArrayList<>();
    Set<String> seenSql = new LinkedHashSet<>();
    for (SemanticQuery c : candidates) {
      Optional<String> text = describer.phrase(c);
      if (text.isEmpty()) {
        continue;
      }
      ParseResult check = parser.parse(text.get(), facts, lexicon, Optional.empty());
      if (check.kind() != ParseResult.Kind.ANSWER) {
        continue;
      }
      String sql = compiler.compile(check.query().orElseThrow());
      if (!sql.equals(currentSql) && seenSql.add(sql)) {
        out.add(text.get());
      }
      if (out.size() == 4) {
        break;
      }
    }
    return out;
  }
}
