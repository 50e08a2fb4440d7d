package com.medflow.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.medflow.config.MedflowConfig;
import com.medflow.lake.TableVersions;
import com.medflow.model.codes.Icd10Cm;
import com.medflow.model.mapping.PayerMappings;
import com.medflow.pipeline.quality.QualityGate;
import com.medflow.pipeline.run.PipelineListener;
import com.medflow.pipeline.run.PipelineRunner;
import com.medflow.pipeline.testing.PipelineHarness;
import com.medflow.query.QueryService;
import com.medflow.query.cache.ResultCache;
import com.medflow.query.engine.SparkQueryEngine;
import com.medflow.server.MedflowServer;
import com.medflow.server.audit.Auditor;
import com.medflow.server.auth.Accounts;
import com.medflow.server.auth.PasswordHasher;
import com.medflow.server.auth.TokenService;
import com.medflow.server.catalog.CatalogService;
import com.medflow.server.health.HealthService;
import com.medflow.server.limit.RateLimiter;
import com.medflow.server.pipeline.PipelineService;
import com.medflow.assistant.agent.AskService;
import com.medflow.assistant.nlq.LakeFacts;
import com.medflow.assistant.semantic.SemanticModel;
import com.medflow.assistant.testing.AssistantHarness;
import com.medflow.server.routes.ApiRoutes;
import com.medflow.server.routes.AssistantRoutes;
import com.medflow.store.conversations.ConversationStore;
import com.medflow.store.audit.AuditStore;
import com.medflow.store.users.UserStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real MedFlow server on a free port over a temporary home whose lake holds the fixture batch
 * (run through the real pipeline), with a hand-driven clock. Requests go over HTTP.
 */
public final class ServerHarness implements AutoCloseable {
  public static final ObjectMapper JSON = new ObjectMapper();

  public final PipelineHarness lake;
  public final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T12:00:00Z"));
  public final MedflowServer server;
  public final QueryService queries;
  public final String base;
  public final Accounts accounts;
  public final ApiRoutes routes;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final TableVersions versions;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public ServerHarness(Path home, Map<String, String> overrides, ResultCache cache, int ratePerMinute) {
    this(home, overrides, cache, new MedflowConfig.Server("127.0.0.1", 0, Optional.empty(), Optional.empty(),
        Duration.ofHours(1), ratePerMinute));
  }

  /** With the server settings given (login limits, request size); host, port and TLS are ignored. */
  public ServerHarness(Path home, Map<String, String> overrides, ResultCache cache, MedflowConfig.Server settings) {
    this(home, overrides, cache, settings, Optional.empty());
  }

  /** With an SQL writer standing in for the LLM of /api/ask (a script, in tests). */
  public ServerHarness(Path home, Map<String, String> overrides, ResultCache cache, int ratePerMinute,
                       Optional<com.medflow.assistant.llm.SqlWriter> llm) {
    this(home, overrides, cache, new MedflowConfig.Server("127.0.0.1", 0, Optional.empty(), Optional.empty(),
        Duration.ofHours(1), ratePerMinute), llm);
  }

  /** With a tracer given to the routes, the assistant and the query service (an in-memory exporter, in tests). */
  public ServerHarness(Path home, Map<String, String> overrides, ResultCache cache, int ratePerMinute,
                       io.opentelemetry.api.trace.Tracer tracer) {
    this(home, overrides, cache, new MedflowConfig.Server("127.0.0.1", 0, Optional.empty(), Optional.empty(),
        Duration.ofHours(1), ratePerMinute), Optional.empty(), tracer);
  }

  private ServerHarness(Path home, Map<String, String> overrides, ResultCache cache, MedflowConfig.Server settings,
                        Optional<com.medflow.assistant.llm.SqlWriter> llm) {
    this(home, overrides, cache, settings, llm, com.medflow.telemetry.Tracing.NOOP);
  }

  private ServerHarness(Path home, Map<String, String> overrides, ResultCache cache, MedflowConfig.Server settings,
                        Optional<com.medflow.assistant.llm.SqlWriter> llm, io.opentelemetry.api.trace.Tracer tracer) {
    int ratePerMinute = settings.rateLimitPerMinute();
    this.lake = new PipelineHarness(home, 0.6, overrides);
    lake.land("b1");
    lake.run();
    MedflowConfig config = lake.config;
    this.versions = new TableVersions(config.catalog());
    this.queries = new QueryService(config.query(), new SparkQueryEngine(lake.spark, lake.lake, threads),
        Optional.empty(), cache, versions::current, new com.medflow.query.run.RunningQueries(
            config.query().maxConcurrent(), config.query().maxConcurrentPerUser(), java.time.Clock.systemUTC()), tracer);
    this.accounts = new Accounts(new UserStore(lake.db), new PasswordHasher(4), clock);
    accounts.ensureDemoUsers();
    PipelineService pipelines = new PipelineService(() -> new PipelineRunner(lake.lake, lake.runs,
        PayerMappings.load(Optional.empty()), Icd10Cm.load(), new QualityGate(0.6), clock, PipelineListener.NONE),
        lake.runs, lake.lake, lake.landing.toString(), threads, PayerMappings.load(Optional.empty()),
        new com.medflow.server.pipeline.ArrivalStatus(lake.lake, new com.medflow.pipeline.quality.ArrivalChecks(
            com.medflow.config.OrchestrationConfig.DEFAULT_CHECKS), clock));
    HealthService health = new HealthService().add("catalog", () -> queries.engine().ping())
        .add("app_db", lake.db::ping).add("cache", cache::ping).fixed("llm", "disabled", "no API key")
        .report("data_checks", pipelines::checks);
    ConversationStore conversations = new ConversationStore(lake.db);
    com.medflow.assistant.agent.Verifications verifications = new com.medflow.assistant.agent.Verifications(
        new com.medflow.store.verified.VerifiedAnswerStore(lake.db), conversations, clock);
    com.medflow.store.feedback.FeedbackStore feedback = new com.medflow.store.feedback.FeedbackStore(lake.db);
    AskService ask = new AskService(AssistantHarness.engine(), new LakeFacts(lake.lake, versions::current, clock), queries,
        AssistantHarness.retriever(), llm, conversations, clock, Optional.of(verifications),
        Optional.of(feedback), Optional.of(new com.medflow.assistant.notes.ScopeNotes(queries,
            PayerMappings.load(Optional.empty()))), tracer);
    com.medflow.server.routes.LearningRoutes learning = new com.medflow.server.routes.LearningRoutes(verifications,
        feedback, conversations, () -> {
          com.medflow.assistant.semantic.SemanticModel model = com.medflow.assistant.semantic.SemanticModel.load();
          ask.reload(new com.medflow.assistant.nlq.QuestionEngine(model, Icd10Cm.load(),
              com.medflow.model.codes.Hcpcs.load()), AssistantHarness.retriever());
          return Map.of("source", "built-in", "metrics", model.metrics().size());
        }, clock);
    this.routes = new ApiRoutes(accounts, new TokenService(new byte[32], Duration.ofHours(1), clock),
        new RateLimiter(ratePerMinute, clock), new com.medflow.server.limit.LoginThrottle(settings.loginMaxFailures(),
            settings.loginMaxFailuresPerAddress(), settings.loginWindow(), clock), new Auditor(new AuditStore(lake.db), clock), queries,
        new CatalogService(lake.lake, queries), pipelines, health, List.of(new AssistantRoutes(ask), learning),
        new com.medflow.server.metrics.Metrics(), tracer);
    this.server = new MedflowServer(new MedflowConfig.Server("127.0.0.1", 0, Optional.empty(), Optional.empty(),
        Duration.ofHours(1), ratePerMinute, settings.loginMaxFailures(), settings.loginMaxFailuresPerAddress(),
        settings.loginWindow(), settings.maxRequestBytes()), routes);
    server.start();
    this.base = server.url();
  }

  public record Reply(int status, JsonNode body, HttpResponse<String> raw) {
    public String error() {
      return body.path("error").path("code").asText();
    }
  }

  public Reply call(String method, String path, String token, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode node = r.body().isEmpty() || !r.headers().firstValue("Content-Type").orElse("").contains("json")
          ? JSON.nullNode() : JSON.readTree(r.body());
      return new Reply(r.statusCode(), node, r);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String login(String user) {
    Reply r = call("POST", "/api/auth/login", null, "{\"username\":\"" + user + "\",\"password\":\"" + user + "\"}");
    if (r.status() != 200) {
      throw new IllegalStateException("login failed: " + r.raw().body());
    }
    return r.body().get("token").asText();
  }

  public Reply sql(String token, String sql) {
    try {
      return call("POST", "/api/sql", token, JSON.writeValueAsString(Map.of("sql", sql)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
    threads.shutdownNow();
    versions.close();
    lake.close();
  }
}
