package com.medflow.assistant.agent;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.medflow.assistant.conversation.SemanticQueryJson;
import com.medflow.assistant.llm.SqlWriter;
import com.medflow.assistant.nlq.DataFacts;
import com.medflow.assistant.nlq.ParseResult;
import com.medflow.assistant.nlq.QuestionEngine;
import com.medflow.assistant.nlq.query.SemanticQuery;
import com.medflow.assistant.nlq.sql.SqlCompiler;
import com.medflow.assistant.retrieval.Retriever;
import com.medflow.query.QueryService;
import com.medflow.assistant.notes.ScopeNotes;
import com.medflow.store.conversations.ConversationStore;
import com.medflow.store.feedback.FeedbackStore;
import com.medflow.store.feedback.LoggedAnswer;
import com.medflow.telemetry.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Answers a question through a fixed sequence of agents, each leaving a trace event: router,
 * planner, retriever, sql_generator, validator, executor, analyzer, explainer, suggester. The
 * offline engine plans and writes SQL by default; with an LLM configured it writes the SQL and the
 * offline engine is the fallback. Whatever writes the SQL, the guard validates it for the caller's
 * role and the query service runs it (with masking and the cache). A question with two readings gets
 * them back as a clarification; choosing one answers exactly that reading.
 */
public final class AskService {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final Supplier<DataFacts> facts;
  private final ConversationStore conversations;
  private final Clock clock;
  private final QueryService queries;
  private final Optional<SqlWriter> llm;
  private final Optional<Verifications> verifications;
  private final Optional<FeedbackStore> answerLog;
  private final Optional<ScopeNotes> notes;
  private final Tracer tracer;
  private volatile QuestionEngine engine;
  private volatile AnswerFlow flow;

  public AskService(QuestionEngine engine, Supplier<DataFacts> facts, QueryService queries, Retriever retriever,
                    Optional<SqlWriter> llm, ConversationStore conversations, Clock clock) {
    this(engine, facts, queries, retriever, llm, conversations, clock, Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  /**
   * With verified answers (marked on answers whose semantic query was verified), the answer log (what the
   * feedback page groups) and the notes on what a figure leaves out.
   */
  public AskService(QuestionEngine engine, Supplier<DataFacts> facts, QueryService queries, Retriever retriever,
                    Optional<SqlWriter> llm, ConversationStore conversations, Clock clock,
                    Optional<Verifications> verifications, Optional<FeedbackStore> answerLog,
                    Optional<ScopeNotes> notes) {
    this(engine, facts, queries, retriever, llm, conversations, clock, verifications, answerLog, notes, Tracing.NOOP);
  }

  /**
   * @param tracer makes one {@value Tracing#ASK_SPAN} span per question (a child of the caller's current span,
   *     such as the HTTP request) with one child span per agent step, the SQL spans under the executor's
   */
  public AskService(QuestionEngine engine, Supplier<DataFacts> facts, QueryService queries, Retriever retriever,
                    Optional<SqlWriter> llm, ConversationStore conversations, Clock clock,
                    Optional<Verifications> verifications, Optional<FeedbackStore> answerLog,
                    Optional<ScopeNotes> notes, Tracer tracer) {
    this.tracer = requireNonNull(tracer, "tracer is null");
    this.facts = requireNonNull(facts, "facts is null");
    this.conversations = requireNonNull(conversations, "conversations is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.queries = requireNonNull(queries, "queries is null");
    this.llm = requireNonNull(llm, "llm is null");
    this.verifications = requireNonNull(verifications, "verifications is null");
    this.answerLog = requireNonNull(answerLog, "answerLog is null");
    this.notes = requireNonNull(notes, "notes is null");
    reload(engine, retriever);
  }

  /** Answers from now on with {@code newEngine} (a reloaded semantic model) and its retrieval index; no restart. */
  public synchronized void reload(QuestionEngine newEngine, Retriever retriever) {
    requireNonNull(newEngine, "newEngine is null");
    requireNonNull(retriever, "retriever is null");
    Describer describer = new Describer(newEngine.model());
    SqlCompiler compiler = new SqlCompiler(newEngine.model());
    this.flow = new AnswerFlow(newEngine, compiler, describer, new Suggester(describer, newEngine, compiler), queries,
        retriever, llm);
    this.engine = newEngine;
  }

  public QuestionEngine engine() {
    return engine;
  }

  public Optional<Verifications> verifications() {
    return verifications;
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

  /** What the conversation's earlier turns left: the last query answered and the readings just offered. */
  private record Context(Optional<SemanticQuery> previous, Optional<String> previousSql,
                         List<ParseResult.Reading> offered) {}

  private Context context(String conversationId) {
    List<ConversationStore.Turn> turns = conversations.turns(conversationId);
    Optional<SemanticQuery> previous = Optional.empty();
    Optional<String> previousSql = Optional.empty();
    List<ParseResult.Reading> offered = List.of();
    for (int i = turns.size() - 1; i >= 0; i--) {
      String stored = turns.get(i).semanticQuery();
      if (stored == null) {
        // the last question was not answered: a follow-up of it cannot be read from an earlier answer
        break;
      }
      SemanticQueryJson.Stored s = SemanticQueryJson.read(stored);
      if (i == turns.size() - 1 && !s.readings().isEmpty()) {
        offered = s.readings();
        if (s.sql().isEmpty()) {
          break; // a clarification not yet answered: "break that down" means the question asked, not an older one
        }
      }
      if (s.sql().isPresent()) {
        previous = s.query();
        previousSql = s.sql();
        break;
      }
    }
    return new Context(previous, previousSql, offered);
  }

  public Answer ask(AskRequest request, TraceListener listener) {
    AnswerFlow.Run run = new AnswerFlow.Run(request, listener, tracer);
    Span span = tracer.spanBuilder(Tracing.ASK_SPAN).setAttribute(Tracing.QUESTION_ID, run.answerId)
        .setAttribute(Tracing.USER, request.username()).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      Answer a = answer(request, run);
      span.setAttribute(Tracing.STATUS, a.status()).setAttribute(Tracing.CACHE_HIT, a.cached());
      return a;
    } catch (RuntimeException | Error e) {
      span.setAttribute(Tracing.STATUS, "error");
      Tracing.failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }

  private Answer answer(AskRequest request, AnswerFlow.Run run) {
    Context ctx = new Context(Optional.empty(), Optional.empty(), List.of());
    if (request.conversationId().isPresent()) {
      String id = request.conversationId().get();
      String owner = conversations.owner(id).orElseThrow(() ->
          new AskException(404, "NOT_FOUND", "No conversation " + id));
      if (!owner.equals(request.username())) {
        throw new AskException(403, "FORBIDDEN", "That conversation belongs to another user");
      }
      run.conversationId = id;
      ctx = context(id);
    } else {
      run.conversationId = UUID.randomUUID().toString();
      conversations.create(run.conversationId, request.username(), clock.instant());
    }
    DataFacts f = facts.get();
    QuestionEngine engine = this.engine;
    AnswerFlow flow = this.flow;
    Context c = ctx;
    Optional<ParseResult.Reading> chosen = c.offered().stream()
        .filter(r -> normalize(r.question()).equals(normalize(request.question()))).findFirst();
    ParseResult parsed = run.step("router", () -> chosen.map(r -> ParseResult.answer(r.query(), List.of(
        "the reading you chose: " + r.question()), List.of(), false))
        .orElseGet(() -> engine.read(request.question(), f, c.previous())), p -> switch (p.kind()) {
          case REFUSED -> "unsafe: " + p.reason();
          case UNANSWERABLE -> p.unknown().isEmpty() ? "not answerable: " + p.reason() : "not understood: " + p.reason();
          case CLARIFY -> "ambiguous: " + p.readings().size() + " readings";
          case ANSWER -> chosen.isPresent() ? "the chosen reading of the earlier question"
              : p.followUp() ? "follow-up: refines the previous question" : "answerable: a question about claims data";
        });
    AnswerFlow.Result result = flow.answer(run, parsed, f, c.previousSql());
    boolean ok = Answer.OK.equals(result.answer().status());
    Optional<SemanticQuery> ran = result.stored() == null || !ok ? Optional.empty()
        : SemanticQueryJson.read(result.stored()).query();
    Answer a = result.answer().with(verifications.flatMap(v -> v.mark(ok ? result.stored() : null)).orElse(null),
        ran.flatMap(q -> notes.map(n -> n.notes(q, request.username()))).orElse(List.of()), parsed.unknown());
    conversations.addTurn(run.conversationId, a.answerId(), request.question(), result.stored(), toJson(a),
        clock.instant());
    Answer logged = a;
    answerLog.ifPresent(l -> l.log(new LoggedAnswer(logged.answerId(), clock.instant(), request.username(),
        request.question(), logged.status(), Optional.ofNullable(logged.sql()), logged.leftoverWords())));
    return a;
  }

  private static String normalize(String s) {
    return s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s?.!]+$", "").replaceAll("\\s+", " ");
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
    List<String> out = new ArrayList<>();
    conversations.turns(conversationId).forEach(t -> out.add(t.answerJson()));
    return out;
  }
}
