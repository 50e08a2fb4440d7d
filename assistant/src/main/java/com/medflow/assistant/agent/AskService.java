package com.medflow.assistant.agent;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.medflow.assistant.conversation.SemanticQueryJson;
import com.medflow.assistant.llm.LlmException;
import com.medflow.assistant.llm.SqlWriter;
import com.medflow.assistant.nlq.DataFacts;
import com.medflow.assistant.nlq.Lexicon;
import com.medflow.assistant.nlq.ParseResult;
import com.medflow.assistant.nlq.QuestionParser;
import com.medflow.assistant.nlq.SemanticQuery;
import com.medflow.assistant.nlq.SqlCompiler;
import com.medflow.assistant.retrieval.Retriever;
import com.medflow.assistant.semantic.SemanticModel;
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
import com.medflow.store.conversations.ConversationStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Answers a question through a fixed sequence of agents, each leaving a trace event: router,
 * planner, retriever, sql_generator, validator, executor, analyzer, explainer, suggester. The
 * offline engine plans and writes SQL by default; with an LLM configured it writes the SQL and the
 * offline engine is the fallback. Whatever writes the SQL, the guard validates it for the caller's
 * role and the query service runs it (with masking and the cache).
 */
public final class AskService {
  private static final int MAX_ROWS = 1000;
  private static final int LLM_ATTEMPTS = 3;
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final SemanticModel model;
  private final Supplier<DataFacts> facts;
  private final QueryService queries;
  private final Retriever retriever;
  private final Optional<SqlWriter> llm;
  private final ConversationStore conversations;
  private final Clock clock;
  private final QuestionParser parser;
  private final SqlCompiler compiler;
  private final Describer describer;
  private final Suggester suggester;
  private DataFacts lexiconFacts;
  private Lexicon lexicon;

  public AskService(SemanticModel model, Supplier<DataFacts> facts, QueryService queries, Retriever retriever,
                    Optional<SqlWriter> llm, ConversationStore conversations, Clock clock) {
    this.model = requireNonNull(model, "model is null");
    this.facts = requireNonNull(facts, "facts is null");
    this.queries = requireNonNull(queries, "queries is null");
    this.retriever = requireNonNull(retriever, "retriever is null");
    this.llm = requireNonNull(llm, "llm is null");
    this.conversations = requireNonNull(conversations, "conversations is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.parser = new QuestionParser(model);
    this.compiler = new SqlCompiler(model);
    this.describer = new Describer(model);
    this.suggester = new Suggester(describer, parser, compiler);
  }

  /**
   * Runs every example once as {@code role} so the first real question meets warm caches, compiled
   * code and a loaded embedding model. Returns how many answered.
   */
  public int warmUp(com.medflow.model.Role role) {
    int ok = 0;
    for (String q : examples()) {
      Answer a = ask(new AskRequest(q, Optional.empty(), "warm-up", role), TraceListener.NONE);
      ok += Answer.OK.equals(a.status()) ? 1 : 0;
    }
    return ok;
  }

  /** Example questions for the UI, each answerable by the offline engine. */
  public List<String> examples() {
    return List.of("What's our denial rate for diabetes claims this quarter?",
        "What's the average claim amount for diabetes patients?", "Denial rate by payer",
        "Monthly claim volume in 2025", "Which specialty has the most denied claims?",
        "Top 5 providers by total paid", "Compare Aetna and BlueCross approval rates",
        "Average processing time by payer last quarter", "How many ER claims over $2,000?",
        "Show the approval funnel for 2025");
  }

  private synchronized Lexicon lexicon(DataFacts f) {
    if (lexicon == null || lexiconFacts != f) {
      lexicon = new Lexicon(model, f);
      lexiconFacts = f;
    }
    return lexicon;
  }

  private final class Run {
    final AskRequest request;
    final TraceListener listener;
    final List<TraceEvent> trace = new ArrayList<>();
    final long start = System.nanoTime();
    final String answerId = UUID.randomUUID().toString();
    String conversationId;

    Run(AskRequest request, TraceListener listener) {
      this.request = request;
      this.listener = listener;
    }

    <T> T step(String agent, Supplier<T> body, java.util.function.Function<T, String> summary) {
      long t0 = System.nanoTime();
      T value = body.get();
      TraceEvent e = new TraceEvent(agent, summary.apply(value), (System.nanoTime() - t0) / 1_000_000);
      trace.add(e);
      listener.step(e);
      return value;
    }

    long elapsed() {
      return (System.nanoTime() - start) / 1_000_000;
    }
  }

  public Answer ask(AskRequest request, TraceListener listener) {
    Run run = new Run(request, listener);
    Optional<SemanticQuery> previous = Optional.empty();
    if (request.conversationId().isPresent()) {
      String id = request.conversationId().get();
      String owner = conversations.owner(id).orElseThrow(() ->
          new AskException(404, "NOT_FOUND", "No conversation " + id));
      if (!owner.equals(request.username())) {
        throw new AskException(403, "FORBIDDEN", "That conversation belongs to another user");
      }
      run.conversationId = id;
      previous = conversations.lastSemanticQuery(id).map(SemanticQueryJson::read);
    } else {
      run.conversationId = UUID.randomUUID().toString();
      conversations.create(run.conversationId, request.username(), clock.instant());
    }
    DataFacts f = facts.get();
    Lexicon lex = lexicon(f);
    Optional<SemanticQuery> prev = previous;
    ParseResult parsed = run.step("router", () -> parser.parse(request.question(), f, lex, prev), p -> switch (p.kind()) {
      case REFUSED -> "unsafe: " + p.reason();
      case UNANSWERABLE -> p.unknown().isEmpty() ? "out of scope: " + p.reason() : "not understood: " + p.reason();
      case ANSWER -> p.followUp() ? "follow-up: refines the previous question" : "answerable: a question about claims data";
    });
    Answer answer;
    if (parsed.kind() == ParseResult.Kind.REFUSED) {
      answer = stop(run, Answer.REFUSED, parsed.reason(), Optional.empty(), f, lex, parsed.understood());
    } else {
      answer = answer(run, parsed, f, lex, prev);
    }
    String semantic = parsed.query().map(SemanticQueryJson::write).orElse(null);
    conversations.addTurn(run.conversationId, answer.answerId(), request.question(),
        Answer.OK.equals(answer.status()) ? semantic : null, toJson(answer), clock.instant());
    return answer;
  }

  private Answer answer(Run run, ParseResult parsed, DataFacts f, Lexicon lex, Optional<SemanticQuery> previous) {
    Optional<SemanticQuery> query = parsed.query();
    boolean useLlm = llm.isPresent();
    run.step("planner", () -> query.map(describer::understood).orElse(""), s -> query.isPresent()
        ? (parsed.followUp() ? "refined: " : "plan: ") + s
        : useLlm ? "the offline engine could not map it (" + parsed.reason() + "); asking " + llm.get().name()
            : "cannot plan: " + parsed.reason());
    if (query.isEmpty() && !useLlm) {
      return stop(run, Answer.UNANSWERABLE, parsed.reason(), Optional.empty(), f, lex, parsed.understood());
    }
    List<Retriever.Hit> context = run.step("retriever", () -> retriever.search(run.request.question(), 6),
        hits -> hits.isEmpty() ? "no documents" : "found " + hits.size() + ": " + String.join(", ",
            hits.stream().limit(4).map(Retriever.Hit::title).toList()));
    List<String> errors = new ArrayList<>();
    String previousSql = previous.map(compiler::compile).orElse(null);
    for (int attempt = 1; attempt <= (useLlm ? LLM_ATTEMPTS : 1); attempt++) {
      String engine = useLlm ? "llm" : "semantic";
      String sql;
      String llmExplanation = null;
      if (useLlm) {
        int n = attempt;
        Optional<SqlWriter.Draft> draft = run.step("sql_generator", () -> {
          try {
            return Optional.of(llm.get().write(run.request.question(), context, previousSql, errors));
          } catch (LlmException e) {
            errors.add("LLM failed: " + e.getMessage());
            return Optional.<SqlWriter.Draft>empty();
          }
        }, d -> d.map(x -> llm.get().name() + " wrote SQL (attempt " + n + ")")
            .orElseGet(() -> llm.get().name() + " failed: " + errors.get(errors.size() - 1)));
        if (draft.isEmpty()) {
          return fallback(run, parsed, f, lex, context, "the LLM failed (" + errors.get(errors.size() - 1) + ")");
        }
        sql = draft.get().sql();
        llmExplanation = draft.get().explanation();
      } else {
        sql = run.step("sql_generator", () -> compiler.compile(query.get()), s -> "compiled from the semantic model");
      }
      Optional<GuardedSql> guarded;
      try {
        guarded = Optional.of(run.step("validator", () -> queries.validate(sql, run.request.role()),
            g -> "read-only, tables " + g.tables().stream().map(TableId::toString).sorted().toList()
                + (g.maskedColumns().isEmpty() ? "" : ", masked " + g.maskedColumns())));
      } catch (SqlRefusedException e) {
        record(run, "validator", "refused: " + e.getMessage());
        if (useLlm && attempt < LLM_ATTEMPTS && e.code() != RefusalCode.PII_NOT_ALLOWED
            && e.code() != RefusalCode.TABLE_NOT_ALLOWED) {
          errors.add("The SQL guard refused your SQL: " + e.getMessage());
          continue;
        }
        if (useLlm && e.code() != RefusalCode.PII_NOT_ALLOWED && e.code() != RefusalCode.TABLE_NOT_ALLOWED) {
          return fallback(run, parsed, f, lex, context, "the LLM's SQL was refused: " + e.getMessage());
        }
        return stop(run, Answer.REFUSED, e.getMessage(), query, f, lex, parsed.understood());
      }
      SqlAnswer result;
      try {
        result = run.step("executor", () -> execute(run, sql),
            a -> a.result().rowCount() + " row(s) in " + a.latencyMs() + " ms" + (a.cached() ? " (cached)" : ""));
      } catch (QueryTooExpensiveException e) {
        record(run, "executor", "refused: " + e.getMessage());
        if (useLlm && attempt < LLM_ATTEMPTS) {
          errors.add("Your SQL was refused as too expensive: " + e.getMessage());
          continue;
        }
        return stop(run, Answer.REFUSED, e.getMessage(), query, f, lex, parsed.understood());
      } catch (QueryFailedException e) {
        record(run, "executor", "failed: " + e.getMessage());
        if (useLlm && attempt < LLM_ATTEMPTS) {
          errors.add("Running your SQL failed: " + e.getMessage());
          continue;
        }
        if (useLlm) {
          return fallback(run, parsed, f, lex, context, "the LLM's SQL failed: " + e.getMessage());
        }
        throw e;
      }
      return finish(run, engine, guarded.get(), result, query, parsed, f, lex, llmExplanation);
    }
    return fallback(run, parsed, f, lex, context, "no usable SQL after " + LLM_ATTEMPTS + " attempts");
  }

  /** The LLM path failed: answer with the offline engine when it understood the question, else say why not. */
  private Answer fallback(Run run, ParseResult parsed, DataFacts f, Lexicon lex, List<Retriever.Hit> context, String why) {
    if (parsed.query().isEmpty()) {
      return stop(run, Answer.UNANSWERABLE, parsed.reason() + " (" + why + ")", Optional.empty(), f, lex,
          parsed.understood());
    }
    SemanticQuery q = parsed.query().get();
    String sql = run.step("sql_generator", () -> compiler.compile(q), s -> "fell back to the offline engine: " + why);
    GuardedSql g;
    try {
      g = run.step("validator", () -> queries.validate(sql, run.request.role()), x -> "read-only, tables "
          + x.tables().stream().map(TableId::toString).sorted().toList());
    } catch (SqlRefusedException e) {
      record(run, "validator", "refused: " + e.getMessage());
      return stop(run, Answer.REFUSED, e.getMessage(), Optional.of(q), f, lex, parsed.understood());
    }
    SqlAnswer result;
    try {
      result = run.step("executor", () -> execute(run, sql),
          a -> a.result().rowCount() + " row(s) in " + a.latencyMs() + " ms" + (a.cached() ? " (cached)" : ""));
    } catch (QueryTooExpensiveException e) {
      record(run, "executor", "refused: " + e.getMessage());
      return stop(run, Answer.REFUSED, e.getMessage(), Optional.of(q), f, lex, parsed.understood());
    }
    return finish(run, "semantic", g, result, Optional.of(q), parsed, f, lex, null);
  }

  /** Runs validated SQL as the asking user: their fair-share pool, their concurrency limit. */
  private SqlAnswer execute(Run run, String sql) {
    return queries.run(sql, QueryCaller.of(run.request.username(), run.request.role(), "ask"), OptionalInt.of(MAX_ROWS));
  }

  private Answer finish(Run run, String engine, GuardedSql guarded, SqlAnswer result, Optional<SemanticQuery> query,
                        ParseResult parsed, DataFacts f, Lexicon lex, String llmExplanation) {
    QueryResult r = result.result();
    Analyzer.Analysis analysis = run.step("analyzer", () -> Analyzer.analyze(r), a -> a.shape() + ", "
        + a.chart().type() + " chart" + (a.notable().isEmpty() ? "" : "; " + String.join("; ", a.notable())));
    List<String> assumptions = new ArrayList<>(parsed.assumptions());
    if (query.isPresent() && query.get().metrics().stream().anyMatch(m -> m.endsWith("_rate"))) {
      assumptions.add("Rates are over adjudicated claims: denial rate = denied / (approved + denied).");
    }
    if (query.isPresent() && query.get().time().isEmpty() && !query.get().hasTimeGrain()) {
      assumptions.add("All service dates (" + f.earliest() + " to " + f.latest() + ").");
    }
    String explanation = run.step("explainer", () -> {
      String text = query.isPresent() && engine.equals("semantic")
          ? describer.explain(query.get(), r, analysis, f, assumptions)
          : (llmExplanation == null ? "" : llmExplanation + " ") + "The SQL was written by the LLM from the semantic"
              + " model and checked by the SQL guard before it ran.";
      return text;
    }, t -> t.length() > 120 ? t.substring(0, 117) + "..." : t);
    List<String> suggestions = run.step("suggester", () -> suggester.suggest(query, f, lex),
        s -> s.size() + " follow-up(s)");
    return new Answer(run.answerId, run.conversationId, run.request.question(), Answer.OK, SqlLayout.pretty(result.sql()), r.columns(),
        r.rows(), r.rowCount(), r.truncated(), explanation, analysis.chart(), suggestions, engine, result.cached(),
        run.trace, run.elapsed(), query.map(describer::understood).orElse(""), assumptions,
        guarded.tables().stream().map(TableId::toString).sorted().toList());
  }

  private Answer stop(Run run, String status, String reason, Optional<SemanticQuery> query, DataFacts f, Lexicon lex,
                      List<String> understood) {
    List<String> suggestions = run.step("suggester", () -> suggester.suggest(query, f, lex),
        s -> s.size() + " answerable question(s) instead");
    String explanation = status.equals(Answer.REFUSED) ? "Refused: " + reason
        : "I can't answer that reliably: " + reason + (understood.isEmpty() ? "" : " I understood: "
            + String.join("; ", understood) + ".");
    return new Answer(run.answerId, run.conversationId, run.request.question(), status, null, List.of(), List.of(), 0,
        false, explanation, new Chart("table", null, List.of()), suggestions, "semantic", false, run.trace,
        run.elapsed(), String.join("; ", understood), List.of(), List.of());
  }

  private void record(Run run, String agent, String summary) {
    TraceEvent e = new TraceEvent(agent, summary, 0);
    run.trace.add(e);
    run.listener.step(e);
  }

  public static String toJson(Answer a) {
    try {
      return JSON.writeValueAsString(a);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the answer as JSON", e);
    }
  }

  /** The answers of a conversation, oldest first, as stored JSON objects. */
  public List<String> conversation(String conversationId, String username) {
    String owner = conversations.owner(conversationId).orElseThrow(() ->
        new AskException(404, "NOT_FOUND", "No conversation " + conversationId));
    if (!owner.equals(username)) {
      throw new AskException(403, "FORBIDDEN", "That conversation belongs to another user");
    }
    return conversations.turns(conversationId).stream().map(ConversationStore.Turn::answerJson).toList();
  }
}
