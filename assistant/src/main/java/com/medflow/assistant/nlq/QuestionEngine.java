package com.medflow.assistant.nlq;

import static java.util.Objects.requireNonNull;

import com.medflow.assistant.nlq.build.Reader;
import com.medflow.assistant.nlq.match.Matched;
import com.medflow.assistant.nlq.match.Matcher;
import com.medflow.assistant.nlq.query.SemanticQuery;
import com.medflow.assistant.nlq.text.Token;
import com.medflow.assistant.nlq.text.Tokenizer;
import com.medflow.assistant.nlq.vocab.CodeReader;
import com.medflow.assistant.nlq.vocab.Language;
import com.medflow.assistant.nlq.vocab.Vocabulary;
import com.medflow.assistant.nlq.vocab.VocabularyBuilder;
import com.medflow.assistant.semantic.SemanticModel;
import com.medflow.model.codes.Hcpcs;
import com.medflow.model.codes.Icd10Cm;
import java.util.List;
import java.util.Optional;

/**
 * The offline engine: deterministic, no network, precision first. A question is refused when it is
 * SQL, an instruction or a request to change data; otherwise every word must map to the semantic
 * model (or be a function word, a number or a period), and the words must make exactly one query.
 * When they don't, the engine says which words it could not place, or asks which reading is meant.
 */
public final class QuestionEngine {
  private final SemanticModel model;
  private final Language language;
  private final Icd10Cm icd10;
  private final Hcpcs hcpcs;
  private final Reader reader;
  private DataFacts matcherFacts;
  private Matcher matcher;

  public QuestionEngine(SemanticModel model, Icd10Cm icd10, Hcpcs hcpcs) {
    this.model = requireNonNull(model, "model is null");
    this.icd10 = requireNonNull(icd10, "icd10 is null");
    this.hcpcs = requireNonNull(hcpcs, "hcpcs is null");
    this.language = Language.load();
    this.reader = new Reader(model);
  }

  public SemanticModel model() {
    return model;
  }

  /** The vocabulary follows the data: rebuilt when the facts change (a new pipeline run). */
  private synchronized Matcher matcher(DataFacts facts) {
    if (matcher == null || matcherFacts != facts) {
      Vocabulary v = VocabularyBuilder.build(model, language, facts, hcpcs);
      matcher = new Matcher(v, new CodeReader(facts, icd10));
      matcherFacts = facts;
    }
    return matcher;
  }

  public ParseResult read(String question, DataFacts facts, Optional<SemanticQuery> previous) {
    String q = question == null ? "" : question.strip();
    if (q.isEmpty()) {
      return ParseResult.unanswerable("The question is empty.", List.of(), List.of());
    }
    List<Token> tokens = Tokenizer.tokenize(q);
    Optional<String> refusal = Safety.refusal(q, tokens);
    if (refusal.isPresent()) {
      return ParseResult.refused(refusal.get());
    }
    if (Safety.medicalAdvice(q)) {
      return ParseResult.unanswerable("I answer questions about claims data, not medical advice; please ask a clinician.",
          List.of(), List.of());
    }
    Matched m = matcher(facts).match(tokens, facts.earliest(), facts.latest());
    if (!m.unknown().isEmpty()) {
      return ParseResult.unanswerable("I could not place " + String.join(", ", m.unknown().stream().map(w -> "'" + w + "'")
          .toList()) + " in the claims data, so I won't guess.", m.corrections(), m.unknown());
    }
    if (m.spans().isEmpty()) {
      return ParseResult.unanswerable("That doesn't look like a question about claims. Ask about claims, payers,"
          + " diagnoses, providers, amounts, approval or denial rates, processing time, over time.", List.of(), List.of());
    }
    return reader.read(tokens, m, facts, previous);
  }
}
