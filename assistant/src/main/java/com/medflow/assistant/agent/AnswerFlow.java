package com.medflow.assistant.agent;

import com.medflow.assistant.conversation.SemanticQueryJson;
import com.medflow.assistant.llm.LlmException;
import com.medflow.assistant.llm.SqlWriter;
import com.medflow.assistant.nlq.DataFacts;
import com.medflow.assistant.nlq.ParseResult;
import com.medflow.assistant.nlq.QuestionEngine;
import com.medflow.assistant.nlq.query.Measure;
import com.medflow.assistant.nlq.query.SemanticQuery;
import com.medflow.assistant.nlq.sql.SqlCompiler;
import com.medflow.assistant.retrieval.Retriever;
import com.medflow.model.TableId;
import com.medflow.query.QueryService;
import com.medflow.query.SqlAnswer;
import com.medflow.query.engine.QueryFailedException;
import com.medflow.query.engine.QueryResult;
import com.medflow.query.engine.QueryTooExpensiveException;
import com.medflow.query.guard.GuardedSql;
import com.medflow.query.guard.RefusalCode;
import com.medflow.query.guard.SqlRefusedException;
import com.medflow.query.run.QueryCaller;
import com.medflow.telemetry.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/** The agents after the router: planner, retriever, sql_generator, validator, executor, analyzer, explainer, suggester. */
final class AnswerFlow {
  private static final int MAX_ROWS = 1000;
  private static final int LLM_ATTEMPTS = 3;

  /** One question being answered: its trace so far; each step is also a span (a child of the current one). */
  static final class Run {
    final AskRequest request;
    final TraceListener listener;
    final Tracer tracer;
    final List<TraceEvent> trace = new ArrayList<>();
    final long start = System.nanoTime();
    final String answerId = UUID.randomUUID().toString();
    String conversationId;
    /** The agent whose step just threw, until the trace records it. */
    private String failedAgent;

    Run(AskRequest request, TraceListener listener, Tracer tracer) {
      this.request = request;
      this.listener = listener;
      this.tracer = tracer;
    }

    <T> T step(String agent, Supplier<T> body, Function<T, String> summary) {
      long t0 = System.nanoTime();
      Span span = stepSpan(agent);
      T value;
      try (Scope ignored = span.makeCurrent()) {
        value = body.get();
        if (value instanceof SqlAnswer a) {
          span.setAttribute(Tracing.CACHE_HIT, a.cached()).setAttribute(Tracing.ROWS, (long) a.result().rowCount());
        }
        span.setAttribute(Tracing.STATUS, "ok");
      } catch (RuntimeException | Error e) {
        span.setAttribute(Tracing.STATUS, "error");
        Tracing.failed(span, e);
        failedAgent = agent;
        throw e;
      } finally {
        span.end();
      }
      TraceEvent e = new TraceEvent(agent, summary.apply(value), (System.nanoTime() - t0) / 1_000_000);
      trace.add(e);
      listener.step(e);
      return value;
    }

    /**
     * A trace entry without work of its own: after a step of the same agent failed (its ERROR span already
     * stands for it), no span; else a span of no length (a step skipped, with the reason in the trace).
     */
    void record(String agent, String summary) {
      if (!agent.equals(failedAgent)) {
        stepSpan(agent).setAttribute(Tracing.STATUS, "ok").end();
      }
      failedAgent = null;
      TraceEvent e = new TraceEvent(agent, summary, 0);
      trace.add(e);
      listener.step(e);
    }

    private Span stepSpan(String agent) {
      return tracer.spanBuilder(Tracing.STEP_SPAN + " " + agent).setAttribute(Tracing.STEP, agent)
          .setAttribute(Tracing.QUESTION_ID, answerId).startSpan();
    }

    long elapsed() {
      return (System.nanoTime() - start) / 1_000_000;
    }
  }

  /** The answer and what the conversation keeps of it. */
  record Result(Answer answer, String stored) {}

  private final QuestionEngine engine;
  private final SqlCompiler compiler;
  private final Describer describer;
  private final Suggester suggester;
  private final QueryService queries;
  private final Retriever retriever;
  private final Optional<SqlWriter> llm;

  AnswerFlow(QuestionEngine engine, SqlCompiler compiler, Describer describer, Suggester suggester, QueryService queries,
             Retriever retriever, Optional<SqlWriter> llm) {
    this.engine = engine;
    this.compiler = compiler;
    this.describer = describer;
    this.suggester = suggester;
    this.queries = queries;
    this.retriever = retriever;
    this.llm = llm;
  }

  Result answer(Run run, ParseResult parsed, DataFacts f, Optional<String> previousSql) {
    if (parsed.kind() == ParseResult.Kind.REFUSED) {
      return new Result(stop(run, Answer.REFUSED, parsed.reason(), parsed, f), null);
    }
    Optional<SemanticQuery> query = parsed.query();
    boolean useLlm = llm.isPresent() && parsed.kind() != ParseResult.Kind.CLARIFY;
    run.step("planner", () -> parsed.understood(), u -> query.map(q -> (parsed.followUp() ? "refined: " : "plan: ")
        + describer.understood(q) + words(u))
        .orElseGet(() -> parsed.kind() == ParseResult.Kind.CLARIFY ? "two or more readings fit" + words(u)
            : useLlm ? "the offline engine could not map it (" + parsed.reason() + "); asking " + llm.get().name()
            : "cannot plan: " + parsed.reason() + words(u)));
    if (parsed.kind() == ParseResult.Kind.CLARIFY) {
      return new Result(clarify(run, parsed, f), SemanticQueryJson.readings(parsed.readings()));
    }
    if (query.isEmpty() && !useLlm) {
      return new Result(unanswerable(run, parsed, f), null);
    }
    if (!useLlm) {
      run.record("retriever", "not needed: the offline engine compiles from the semantic model");
      return offline(run, parsed, query.get(), f, "compiled from the semantic model");
    }
    List<Retriever.Hit> context = run.step("retriever", () -> retriever.search(run.request.question(), 6),
        hits -> hits.isEmpty() ? "no documents" : "found " + hits.size() + ": " + String.join(", ",
            hits.stream().limit(4).map(Retriever.Hit::title).toList()));
    List<String> errors = new ArrayList<>();
    for (int attempt = 1; attempt <= LLM_ATTEMPTS; attempt++) {
      int n = attempt;
      Optional<SqlWriter.Draft> draft = run.step("sql_generator", () -> {
        try {
          return Optional.of(llm.get().write(run.request.question(), context, previousSql.orElse(null), errors));
        } catch (LlmException e) {
          errors.add("LLM failed: " + e.getMessage());
          return Optional.<SqlWriter.Draft>empty();
        }
      }, d -> d.map(x -> llm.get().name() + " wrote SQL (attempt " + n + ")")
          .orElseGet(() -> llm.get().name() + " failed: " + errors.get(errors.size() - 1)));
      if (draft.isEmpty()) {
        return fallback(run, parsed, f, "the LLM failed (" + errors.get(errors.size() - 1) + ")");
      }
      String sql = draft.get().sql();
      GuardedSql guarded;
      try {
        guarded = run.step("validator", () -> queries.validate(sql, run.request.role()), this::validated);
      } catch (SqlRefusedException e) {
        run.record("validator", "refused: " + e.getMessage());
        if (e.code() == RefusalCode.PII_NOT_ALLOWED || e.code() == RefusalCode.TABLE_NOT_ALLOWED) {
          return new Result(stop(run, Answer.REFUSED, e.getMessage(), parsed, f), null);
        }
        if (attempt < LLM_ATTEMPTS) {
          errors.add("The SQL guard refused your SQL: " + e.getMessage());
          continue;
        }
        return fallback(run, parsed, f, "the LLM's SQL was refused: " + e.getMessage());
      }
      SqlAnswer result;
      try {
        result = execute(run, sql);
      } catch (QueryTooExpensiveException e) {
        run.record("executor", "refused: " + e.getMessage());
        if (attempt < LLM_ATTEMPTS) {
          errors.add("Your SQL was refused as too expensive: " + e.getMessage());
          continue;
        }
        return new Result(stop(run, Answer.REFUSED, e.getMessage(), parsed, f), null);
      } catch (QueryFailedException e) {
        run.record("executor", "failed: " + e.getMessage());
        if (attempt < LLM_ATTEMPTS) {
          errors.add("Running your SQL failed: " + e.getMessage());
          continue;
        }
        return fallback(run, parsed, f, "the LLM's SQL failed: " + e.getMessage());
      }
      // What ran is the LLM's SQL: the conversation keeps that SQL, and no semantic query of it.
      Answer a = finish(run, "llm", guarded, result, Optional.empty(), parsed, f, draft.get().explanation());
      return new Result(a, SemanticQueryJson.ran(Optional.empty(), result.sql()));
    }
    return fallback(run, parsed, f, "no usable SQL after " + LLM_ATTEMPTS + " attempts");
  }

  private static String words(List<String> understood) {
    return understood.isEmpty() ? "" : " [" + String.join("; ", understood) + "]";
  }

  private String validated(GuardedSql g) {
    return "read-only, tables " + g.tables().stream().map(TableId::toString).sorted().toList()
        + (g.maskedColumns().isEmpty() ? "" : ", masked " + g.maskedColumns());
  }

  /** Runs validated SQL as the asking user: their fair-share pool, their concurrency limit. */
  private SqlAnswer execute(Run run, String sql) {
    QueryCaller caller = QueryCaller.of(run.request.username(), run.request.role(), "ask");
    return run.step("executor", () -> queries.run(sql, caller, OptionalInt.of(MAX_ROWS)),
        a -> a.result().rowCount() + " row(s) in " + a.latencyMs() + " ms" + (a.cached() ? " (cached)" : ""));
  }

  /** The LLM path failed: answer with the offline engine when it understood the question, else say why not. */
  private Result fallback(Run run, ParseResult parsed, DataFacts f, String why) {
    if (parsed.query().isEmpty()) {
      ParseResult p = new ParseResult(ParseResult.Kind.UNANSWERABLE, Optional.empty(), parsed.understood(),
          parsed.unknown(), List.of(), parsed.reason() + " (" + why + ")", false, List.of());
      return new Result(unanswerable(run, p, f), null);
    }
    return offline(run, parsed, parsed.query().get(), f, "fell back to the offline engine: " + why);
  }

  private Result offline(Run run, ParseResult parsed, SemanticQuery q, DataFacts f, String how) {
    String sql = run.step("sql_generator", () -> compiler.compile(q), s -> how);
    GuardedSql g;
    try {
      g = run.step("validator", () -> queries.validate(sql, run.request.role()), this::validated);
    } catch (SqlRefusedException e) {
      run.record("validator", "refused: " + e.getMessage());
      return new Result(stop(run, Answer.REFUSED, e.getMessage(), parsed, f), null);
    }
    SqlAnswer result;
    try {
      result = execute(run, sql);
    } catch (QueryTooExpensiveException e) {
      run.record("executor", "refused: " + e.getMessage());
      return new Result(stop(run, Answer.REFUSED, e.getMessage(), parsed, f), null);
    }
    Answer a = finish(run, "semantic", g, result, Optional.of(q), parsed, f, null);
    return new Result(a, SemanticQueryJson.ran(Optional.of(q), result.sql()));
  }

  private Answer finish(Run run, String engineName, GuardedSql guarded, SqlAnswer result, Optional<SemanticQuery> query,
                        ParseResult parsed, DataFacts f, String llmExplanation) {
    QueryResult r = result.result();
    Analyzer.Analysis analysis = run.step("analyzer", () -> Analyzer.analyze(r), a -> a.shape() + ", "
        + a.chart().type() + " chart" + (a.notable().isEmpty() ? "" : "; " + String.join("; ", a.notable())));
    List<String> assumptions = new ArrayList<>(parsed.assumptions());
    query.ifPresent(q -> assumptions.addAll(assumptions(q, f)));
    String explanation = run.step("explainer", () -> query.isPresent()
        ? describer.explain(query.get(), r, analysis, f, assumptions)
        : (llmExplanation == null ? "" : llmExplanation + " ") + "The SQL was written by the LLM from the semantic"
            + " model and checked by the SQL guard before it ran.", t -> t.length() > 120 ? t.substring(0, 117) + "..." : t);
    List<String> suggestions = run.step("suggester", () -> suggester.suggest(query, f), s -> s.size() + " follow-up(s)");
    return new Answer(run.answerId, run.conversationId, run.request.question(), Answer.OK, SqlLayout.pretty(result.sql()),
        r.columns(), r.rows(), r.rowCount(), r.truncated(), explanation, analysis.chart(), suggestions, engineName,
        result.cached(), run.trace, run.elapsed(), query.map(describer::understood).orElse(""), assumptions,
        guarded.tables().stream().map(TableId::toString).sorted().toList(), List.of());
  }

  /** Each assumption in words: the period, the denominator of each rate, the table. */
  private List<String> assumptions(SemanticQuery q, DataFacts f) {
    List<String> out = new ArrayList<>();
    if (q.time() == null && q.periods().isEmpty() && !q.hasGrain() && (q.source() == SemanticQuery.Source.CLAIMS
        || q.source() == SemanticQuery.Source.FUNNEL)) {
      out.add("All service dates (" + f.earliest() + " to " + f.latest() + ").");
    }
    for (Measure m : q.measures()) {
      if (m.type() == Measure.Type.METRIC && (m.metric().equals("denial_rate") || m.metric().equals("approval_rate"))) {
        out.add("Rates are over adjudicated claims: " + engine.model().metric(m.metric()).description());
      }
      if (m.type() == Measure.Type.SHARE) {
        out.add("The share is over all claims in scope, whatever their status.");
      }
    }
    if (q.source() == SemanticQuery.Source.CLAIMS) {
      out.add("From healthcare.claims_clean (claims that passed validation; quarantined rows are not counted).");
    }
    return out;
  }

  private Answer clarify(Run run, ParseResult parsed, DataFacts f) {
    List<String> readings = parsed.readings().stream().map(ParseResult.Reading::question).toList();
    run.record("suggester", readings.size() + " reading(s) to choose from");
    String explanation = "This question can be read in more than one way, and the answers differ. Which do you mean? "
        + String.join(" | ", readings);
    return new Answer(run.answerId, run.conversationId, run.request.question(), Answer.CLARIFY, null, List.of(), List.of(),
        0, false, explanation, new Chart("table", null, List.of()), readings, "semantic", false, run.trace, run.elapsed(),
        String.join("; ", parsed.understood()), List.of(), List.of(), readings);
  }

  private Answer unanswerable(Run run, ParseResult parsed, DataFacts f) {
    List<String> suggestions = run.step("retriever", () -> similar(run.request.question(), f),
        s -> s.isEmpty() ? "no close example the offline engine answers" : s.size() + " answerable example(s) close to it");
    if (suggestions.isEmpty()) {
      suggestions = suggester.suggest(Optional.empty(), f);
    }
    List<String> s = suggestions;
    run.record("suggester", s.size() + " answerable question(s) instead");
    String explanation = "I can't answer that reliably: " + parsed.reason() + (parsed.understood().isEmpty() ? ""
        : " I understood: " + String.join("; ", parsed.understood()) + ".");
    return new Answer(run.answerId, run.conversationId, run.request.question(), Answer.UNANSWERABLE, null, List.of(),
        List.of(), 0, false, explanation, new Chart("table", null, List.of()), s, "semantic", false, run.trace,
        run.elapsed(), String.join("; ", parsed.understood()), List.of(), List.of(), List.of());
  }

  /** Verified examples near the question that the offline engine answers: "did you mean". */
  private List<String> similar(String question, DataFacts f) {
    List<String> out = new ArrayList<>();
    for (Retriever.Hit h : retriever.search(question, 8)) {
      if (!(h.kind().equals("example") || h.kind().equals("verified")) || out.size() == 3 || out.contains(h.title())) {
        continue;
      }
      ParseResult p = engine.read(h.title(), f, Optional.empty());
      if (p.kind() == ParseResult.Kind.ANSWER) {
        out.add(h.title());
      }
    }
    return out;
  }

  private Answer stop(Run run, String status, String reason, ParseResult parsed, DataFacts f) {
    List<String> suggestions = run.step("suggester", () -> suggester.suggest(Optional.empty(), f),
        s -> s.size() + " answerable question(s) instead");
    String explanation = status.equals(Answer.REFUSED) ? "Refused: " + reason : "I can't answer that reliably: " + reason;
    return new Answer(run.answerId, run.conversationId, run.request.question(), status, null, List.of(), List.of(), 0,
        false, explanation, new Chart("table", null, List.of()), suggestions, "semantic", false, run.trace,
        run.elapsed(), String.join("; ", parsed.understood()), List.of(), List.of(), List.of());
  }
}
