package com.medflow.server.routes;

import static java.util.Objects.requireNonNull;

import com.medflow.model.Role;
import com.medflow.query.QueryService;
import com.medflow.query.SqlAnswer;
import com.medflow.query.engine.QueryResult;
import com.medflow.server.audit.Auditor;
import com.medflow.server.auth.Accounts;
import com.medflow.server.auth.TokenService;
import com.medflow.server.catalog.CatalogService;
import com.medflow.server.health.HealthService;
import com.medflow.server.http.ApiException;
import com.medflow.server.http.Principal;
import com.medflow.server.limit.RateLimiter;
import com.medflow.server.pipeline.PipelineService;
import com.medflow.store.runs.RunDetail;
import com.medflow.store.runs.RunSummary;
import com.medflow.telemetry.Tracing;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Every {@code /api} endpoint except the assistant's; see docs/API.md. */
public final class ApiRoutes {
  public static final String PRINCIPAL = "medflow.principal";
  private static final String SPAN = "medflow.span";
  private static final String SCOPE = "medflow.span.scope";

  private final Accounts accounts;
  private final TokenService tokens;
  private final RateLimiter limiter;
  private final com.medflow.server.limit.LoginThrottle logins;
  private final Auditor auditor;
  private final QueryService queries;
  private final CatalogService catalog;
  private final PipelineService pipelines;
  private final HealthService health;
  private final List<RouteGroup> extra;
  private final com.medflow.server.metrics.Metrics metrics;
  private final Tracer tracer;
  private static final org.slf4j.Logger ACCESS = org.slf4j.LoggerFactory.getLogger("com.medflow.server.access");

  /** More routes registered behind the same authentication (the assistant's). */
  public interface RouteGroup {
    void register(Javalin app, ApiRoutes api);
  }

  public ApiRoutes(Accounts accounts, TokenService tokens, RateLimiter limiter,
                   com.medflow.server.limit.LoginThrottle logins, Auditor auditor, QueryService queries,
                   CatalogService catalog, PipelineService pipelines, HealthService health, List<RouteGroup> extra,
                   com.medflow.server.metrics.Metrics metrics) {
    this(accounts, tokens, limiter, logins, auditor, queries, catalog, pipelines, health, extra, metrics, Tracing.NOOP);
  }

  /** @param tracer makes one server span per request; what the handler does (ask, SQL) nests under it */
  public ApiRoutes(Accounts accounts, TokenService tokens, RateLimiter limiter,
                   com.medflow.server.limit.LoginThrottle logins, Auditor auditor, QueryService queries,
                   CatalogService catalog, PipelineService pipelines, HealthService health, List<RouteGroup> extra,
                   com.medflow.server.metrics.Metrics metrics, Tracer tracer) {
    this.tracer = requireNonNull(tracer, "tracer is null");
    this.accounts = requireNonNull(accounts, "accounts is null");
    this.tokens = requireNonNull(tokens, "tokens is null");
    this.limiter = requireNonNull(limiter, "limiter is null");
    this.logins = requireNonNull(logins, "logins is null");
    this.auditor = requireNonNull(auditor, "auditor is null");
    this.queries = requireNonNull(queries, "queries is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.pipelines = requireNonNull(pipelines, "pipelines is null");
    this.health = requireNonNull(health, "health is null");
    this.extra = List.copyOf(extra);
    this.metrics = requireNonNull(metrics, "metrics is null");
  }

  public com.medflow.server.metrics.Metrics metrics() {
    return metrics;
  }

  public void register(Javalin app) {
    app.before(ctx -> {
      ctx.attribute("medflow.start", System.nanoTime());
      startSpan(ctx);
    });
    app.after(ctx -> {
      try {
        observe(ctx);
      } finally {
        endSpan(ctx);
      }
    });
    app.before("/api/*", this::authenticate);
    app.get("/api/metrics", ctx -> {
      require(ctx, Role.ADMIN);
      ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape());
    });
    app.get("/api/health", this::health);
    app.post("/api/auth/login", this::login);
    app.get("/api/me", ctx -> {
      Principal p = principal(ctx);
      ctx.json(Map.of("username", p.username(), "role", p.role().wireName()));
    });
    app.post("/api/sql", this::sql);
    app.get("/api/tables", ctx -> ctx.json(Map.of("tables", catalog.tables(principal(ctx).role()))));
    app.get("/api/tables/{name}/snapshots", ctx -> ctx.json(Map.of("table", ctx.pathParam("name"),
        "snapshots", catalog.snapshots(ctx.pathParam("name"), principal(ctx).role()))));
    app.get("/api/tables/{name}/preview", this::preview);
    app.post("/api/pipeline/runs", ctx -> {
      require(ctx, Role.ADMIN);
      ctx.status(202).json(Map.of("run_id", pipelines.start()));
    });
    app.get("/api/pipeline/runs", ctx -> ctx.json(Map.of("runs",
        pipelines.list(intParam(ctx, "limit", 20, 1, 500)).stream().map(r -> {
          Map<String, Object> m = run(r);
          m.put("resumed", pipelines.log().hasEvent(r.runId(), com.medflow.store.runs.RunEvent.RESUMED));
          m.put("attempts", pipelines.log().attempts(r.runId()).size());
          return m;
        }).toList())));
    app.get("/api/pipeline/runs/{id}", this::runDetail);
    app.post("/api/pipeline/runs/{id}/resume", ctx -> {
      require(ctx, Role.ADMIN);
      ctx.status(202).json(Map.of("run_id", pipelines.resume(ctx.pathParam("id"))));
    });
    app.post("/api/pipeline/runs/{id}/cancel", ctx -> {
      require(ctx, Role.ADMIN);
      pipelines.cancel(ctx.pathParam("id"));
      ctx.status(202).json(Map.of("run_id", ctx.pathParam("id"), "cancel_requested", true));
    });
    app.post("/api/pipeline/backfill", ctx -> {
      require(ctx, Role.ADMIN);
      BackfillRequest req = ApiRoutes.body(ctx, BackfillRequest.class);
      ctx.status(202).json(Map.of("run_id", pipelines.backfill(req.batches() == null ? List.of() : req.batches())));
    });
    app.get("/api/pipeline/schedule", ctx -> ctx.json(pipelines.scheduleStatus()));
    app.get("/api/pipeline/checks", ctx -> ctx.json(pipelines.checks()));
    app.get("/api/pipeline/sources", ctx -> ctx.json(Map.of("sources", pipelines.sources())));
    app.get("/api/pipeline/quarantine", ctx -> {
      require(ctx, Role.ADMIN, Role.ANALYST);
      ctx.json(Map.of("rows", pipelines.quarantine(Optional.ofNullable(ctx.queryParam("batch_id")),
          Optional.ofNullable(ctx.queryParam("payer")), intParam(ctx, "limit", 20, 1, 500))));
    });
    app.get("/api/audit", ctx -> {
      require(ctx, Role.ADMIN);
      ctx.json(Map.of("entries", auditor.store().recent(intParam(ctx, "limit", 100, 1, 5000)).stream().map(e -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("at", e.at());
        m.put("username", e.username());
        m.put("role", e.role());
        m.put("kind", e.kind());
        m.put("question", e.question());
        m.put("sql", e.sql());
        m.put("outcome", e.outcome());
        m.put("rows", e.rows());
        m.put("latency_ms", e.latencyMs());
        m.put("detail", e.detail());
        return m;
      }).toList()));
    });
    new QueryRoutes(queries.running()).register(app, this);
    extra.forEach(g -> g.register(app, this));
  }

  /** One access-log line and the request metrics, for every request. */
  private void observe(Context ctx) {
    Long start = ctx.attribute("medflow.start");
    if (start == null) {
      return;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String route = ctx.path().startsWith("/api") ? ctx.endpointHandlerPath() : "static";
    String status = Integer.toString(ctx.statusCode());
    metrics.count("http_requests_total", "method", ctx.method().name(), "route", route, "status", status);
    metrics.observe("http_request_duration_seconds", seconds, "route", route);
    if (ctx.path().startsWith("/api")) {
      Principal p = ctx.attribute(PRINCIPAL);
      ACCESS.info("{} {} {} {} ms user={}", ctx.method(), ctx.path(), status, Math.round(seconds * 1000),
          p == null ? "-" : p.username());
    }
  }

  /**
   * Opens the request's server span and makes it current on this thread (handlers run on it to the end).
   * A root span: no trace context is taken from the request.
   */
  private void startSpan(Context ctx) {
    Span span = tracer.spanBuilder("HTTP " + ctx.method().name()).setSpanKind(SpanKind.SERVER).setNoParent()
        .setAttribute(Tracing.HTTP_METHOD, ctx.method().name()).setAttribute(Tracing.URL_PATH, ctx.path())
        .startSpan();
    ctx.attribute(SPAN, span);
    ctx.attribute(SCOPE, span.makeCurrent());
  }

  /** Route, status and user on the request's span, ERROR for a 5xx; then the span ends. */
  private void endSpan(Context ctx) {
    Span span = ctx.attribute(SPAN);
    Scope scope = ctx.attribute(SCOPE);
    if (span == null || scope == null) {
      return;
    }
    scope.close();
    String route = ctx.path().startsWith("/api") ? ctx.endpointHandlerPath() : "static";
    span.updateName(ctx.method().name() + " " + route);
    span.setAttribute(Tracing.HTTP_ROUTE, route).setAttribute(Tracing.HTTP_STATUS, (long) ctx.statusCode());
    Principal p = ctx.attribute(PRINCIPAL);
    if (p != null) {
      span.setAttribute(Tracing.USER, p.username());
    }
    if (ctx.statusCode() >= 500) {
      span.setStatus(StatusCode.ERROR, "HTTP " + ctx.statusCode());
    }
    span.end();
  }

  /** An exception a handler threw, on the request's span (the exception mappers call it before answering). */
  public void failed(Context ctx, Throwable e) {
    Span span = ctx.attribute(SPAN);
    if (span != null) {
      span.recordException(e);
    }
  }

  private void authenticate(Context ctx) {
    String path = ctx.path();
    if (path.equals("/api/health") || path.equals("/api/auth/login") || ctx.method().name().equals("OPTIONS")) {
      return;
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
      throw ApiException.unauthorized("UNAUTHENTICATED", "Log in first: send Authorization: Bearer <token>");
    }
    Principal claimed = tokens.verify(header.substring(7).trim());
    // The token is only as good as the account behind it now: removed users and changed roles log in again.
    Principal current = accounts.current(claimed.username()).orElseThrow(() -> ApiException.unauthorized(
        "ACCOUNT_REMOVED", "The account of this token no longer exists"));
    if (current.role() != claimed.role()) {
      throw ApiException.unauthorized("ROLE_CHANGED", "Your role has changed to " + current.role().wireName()
          + "; log in again");
    }
    ctx.attribute(PRINCIPAL, current);
  }

  public Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw ApiException.unauthorized("UNAUTHENTICATED", "Log in first");
    }
    return p;
  }

  public Principal require(Context ctx, Role... roles) {
    Principal p = principal(ctx);
    for (Role r : roles) {
      if (p.role() == r) {
        return p;
      }
    }
    throw ApiException.forbidden("Your role (" + p.role().wireName() + ") may not use " + ctx.path());
  }

  /** Counts the request against the caller's per-minute limit; 429 with Retry-After when over it. */
  public void limit(Context ctx, Principal p, String kind) {
    OptionalLong wait = limiter.acquire(p.username());
    if (wait.isPresent()) {
      ctx.header("Retry-After", Long.toString(wait.getAsLong()));
      auditor.record(p, kind, null, null, "limited", null, null, "rate limit exceeded");
      throw new ApiException(429, "RATE_LIMITED", "Too many requests; try again in " + wait.getAsLong() + " s");
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper BODIES = com.medflow.server.http.Json.mapper();

  /**
   * The request body as {@code type}: 400 BAD_JSON when it is empty, not JSON, JSON {@code null} or not an object
   * of that shape (never a null and never a 500).
   */
  public static <T> T body(Context ctx, Class<T> type) {
    String raw = ctx.body();
    T value;
    try {
      value = raw.isBlank() ? null : BODIES.readValue(raw, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      value = null;
    }
    if (value == null) {
      throw new ApiException(400, "BAD_JSON", "The request body must be a JSON object for this endpoint");
    }
    return value;
  }

  public Auditor auditor() {
    return auditor;
  }

  public QueryService queries() {
    return queries;
  }

  record LoginRequest(String username, String password) {}

  private void login(Context ctx) {
    LoginRequest req = ApiRoutes.body(ctx, LoginRequest.class);
    if (req == null || req.username() == null || req.password() == null) {
      throw ApiException.badRequest("Send {\"username\", \"password\"}");
    }
    com.medflow.server.limit.LoginThrottle.Decision attempt = logins.acquire(req.username(), ctx.ip());
    if (!attempt.allowed()) {
      long wait = attempt.retryAfterSeconds().getAsLong();
      ctx.header("Retry-After", Long.toString(wait));
      auditor.record(null, "login", req.username(), null, "limited", null, null,
          "too many failed logins (address " + ctx.ip() + ")");
      throw new ApiException(429, "LOGIN_THROTTLED",
          "Too many failed logins for this user name or address; try again in " + wait + " s");
    }
    Principal p;
    try {
      p = accounts.login(req.username(), req.password());
    } catch (ApiException e) {
      auditor.record(null, "login", req.username(), null, "denied", null, null, "bad credentials");
      throw e;
    }
    logins.succeeded(attempt.attempt());
    TokenService.Token t = tokens.issue(p);
    auditor.record(p, "login", null, null, "ok", null, null, null);
    ctx.json(Map.of("token", t.token(), "role", p.role().wireName(), "expires_at", t.expiresAt(),
        "username", p.username()));
  }

  record SqlRequest(String sql, Integer limit, String queryId) {}

  /**
   * Runs {@code body} (a query for the client of {@code ctx}) with the client's connection watched: when the
   * client goes away while the query runs, the query is cancelled.
   */
  public <T> T watchingClient(Context ctx, java.util.function.Supplier<T> body) {
    try (var watch = queries.running().watchCaller(com.medflow.server.http.ClientProbe.of(ctx))) {
      return body.get();
    }
  }

  private void sql(Context ctx) {
    Principal p = principal(ctx);
    if (!p.role().mayRunRawSql()) {
      auditor.record(p, "sql", null, null, "denied", null, null, "role may not run SQL");
      throw ApiException.forbidden("Business users ask questions; raw SQL is for analysts and admins");
    }
    limit(ctx, p, "sql");
    SqlRequest req = ApiRoutes.body(ctx, SqlRequest.class);
    if (req == null || req.sql() == null || req.sql().isBlank()) {
      throw ApiException.badRequest("Send {\"sql\": \"SELECT ...\"}");
    }
    if (req.limit() != null && req.limit() < 1) {
      throw ApiException.badRequest("limit must be at least 1");
    }
    long start = System.nanoTime();
    String queryId = req.queryId() == null || req.queryId().isBlank() ? java.util.UUID.randomUUID().toString()
        : req.queryId().trim();
    com.medflow.query.run.QueryCaller caller = new com.medflow.query.run.QueryCaller(p.username(), p.role(), "sql",
        Optional.of(queryId));
    SqlAnswer a;
    try {
      a = watchingClient(ctx, () -> queries.run(req.sql(), caller,
          req.limit() == null ? OptionalInt.empty() : OptionalInt.of(req.limit())));
    } catch (RuntimeException e) {
      String outcome = com.medflow.server.http.QueryErrors.outcome(e);
      auditor.record(p, "sql", null, req.sql(), outcome, null, (System.nanoTime() - start) / 1_000_000,
          "query " + queryId + ": " + e.getMessage());
      metrics.count("medflow_sql_queries_total", "outcome", outcome, "cached", "false");
      throw e;
    }
    auditor.record(p, "sql", null, a.sql(), "ok", (long) a.result().rowCount(), a.latencyMs(), a.cached() ? "cached" : null);
    metrics.count("medflow_sql_queries_total", "outcome", "ok", "cached", Boolean.toString(a.cached()));
    Map<String, Object> body = result(a);
    body.put("query_id", queryId);
    ctx.json(body);
  }

  private void preview(Context ctx) {
    Principal p = principal(ctx);
    limit(ctx, p, "preview");
    Optional<Long> snapshot = Optional.ofNullable(ctx.queryParam("snapshot_id")).filter(s -> !s.isBlank()).map(s -> {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("snapshot_id must be a number");
      }
    });
    SqlAnswer a = watchingClient(ctx, () -> catalog.preview(ctx.pathParam("name"), snapshot,
        intParam(ctx, "limit", 50, 1, 1000), p.username(), p.role()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("table", ctx.pathParam("name"));
    body.put("snapshot_id", snapshot.map(String::valueOf).orElse(null));
    body.putAll(result(a));
    ctx.json(body);
  }

  /** The result part of an answer, as API.md spells it. */
  public static Map<String, Object> result(SqlAnswer a) {
    QueryResult r = a.result();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("columns", r.columns());
    m.put("rows", r.rows());
    m.put("row_count", r.rowCount());
    m.put("truncated", r.truncated());
    m.put("latency_ms", a.latencyMs());
    m.put("cached", a.cached());
    m.put("sql", a.sql());
    return m;
  }

  private void health(Context ctx) {
    var checks = health.run();
    boolean ok = checks.values().stream().allMatch(c -> !c.status().equals("down"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ok ? "ok" : "degraded");
    body.put("version", "0.1.0");
    body.put("engine", queries.engine().name());
    queries.fallback().ifPresent(f -> body.put("engine_fallback", f.name()));
    body.put("dependencies", checks);
    body.putAll(health.reports());
    ctx.status(ok ? 200 : 503).json(body);
  }

  private void runDetail(Context ctx) {
    RunDetail d = pipelines.get(ctx.pathParam("id"))
        .orElseThrow(() -> ApiException.notFound("No pipeline run " + ctx.pathParam("id")));
    Map<String, Object> body = run(d.summary());
    List<Map<String, Object>> tasks = new ArrayList<>();
    d.tasks().forEach(t -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", t.name());
      m.put("state", t.state().name());
      m.put("started_at", t.startedAt());
      m.put("finished_at", t.finishedAt());
      m.put("duration_ms", t.durationMs());
      m.put("rows", t.rows());
      m.put("detail", t.detail());
      tasks.add(m);
    });
    body.put("tasks", tasks);
    var log = pipelines.log();
    Map<String, Integer> attempts = log.attemptCounts(d.summary().runId());
    tasks.forEach(t -> t.put("attempts", attempts.getOrDefault((String) t.get("name"), 0)));
    body.put("attempts", log.attempts(d.summary().runId()).stream().map(a -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("task", a.task());
      m.put("attempt", a.attempt());
      m.put("state", a.state().name());
      m.put("started_at", a.startedAt());
      m.put("finished_at", a.finishedAt());
      m.put("error", a.error());
      return m;
    }).toList());
    var events = log.events(d.summary().runId());
    body.put("events", events.stream().map(e -> Map.of("at", e.at(), "kind", e.kind(),
        "detail", e.detail() == null ? "" : e.detail())).toList());
    body.put("resumed", events.stream().anyMatch(e -> e.kind().equals(com.medflow.store.runs.RunEvent.RESUMED)));
    body.put("payers", d.payers().stream().map(p -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("payer", p.payer());
      m.put("batch_id", p.batchId());
      m.put("source_file", p.sourceFile());
      m.put("bronze_rows", p.bronzeRows());
      m.put("clean_rows", p.cleanRows());
      m.put("quarantined_rows", p.quarantinedRows());
      m.put("quarantine_rate", p.quarantineRate());
      m.put("threshold", p.threshold());
      m.put("gate_passed", p.gatePassed());
      m.put("reconciled", p.reconciled());
      m.put("rolled_rows", p.rolledRows());
      return m;
    }).toList());
    body.put("quality", pipelines.quality(d.summary().runId()));
    ctx.json(body);
  }

  /** Body of {@code POST /api/pipeline/backfill}. */
  public record BackfillRequest(List<String> batches) {}

  static Map<String, Object> run(RunSummary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", s.runId());
    m.put("state", s.state().name());
    m.put("trigger", s.trigger());
    m.put("started_at", s.startedAt());
    m.put("finished_at", s.finishedAt());
    m.put("duration_ms", s.durationMs());
    m.put("gate_passed", s.gatePassed());
    m.put("files", s.files());
    m.put("bronze_rows", s.bronzeRows());
    m.put("clean_rows", s.cleanRows());
    m.put("quarantined_rows", s.quarantinedRows());
    m.put("error", s.error());
    return m;
  }

  static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      int i = Integer.parseInt(v.trim());
      if (i < min || i > max) {
        throw ApiException.badRequest(name + " must be between " + min + " and " + max);
      }
      return i;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a number");
    }
  }
}
