package com.medflow.query;

import static java.util.Objects.requireNonNull;

import com.medflow.config.MedflowConfig;
import com.medflow.model.Role;
import com.medflow.model.TableId;
import com.medflow.query.cache.ResultCache;
import com.medflow.query.engine.EngineQuery;
import com.medflow.query.engine.EngineUnavailableException;
import com.medflow.query.engine.QueryEngine;
import com.medflow.query.engine.QueryResult;
import com.medflow.query.guard.GuardedSql;
import com.medflow.query.guard.SqlGuard;
import com.medflow.query.run.QueryCaller;
import com.medflow.query.run.RunningQueries;
import com.medflow.query.run.RunningQuery;
import com.medflow.telemetry.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The one way SQL reaches the data: the guard validates it for the caller's role and rewrites it,
 * the cache answers repeats (keyed by canonical SQL, role, limit and the versions of the tables
 * read), the engine runs the rest under the limits (time, estimated cost, result bytes) with a place in
 * {@link RunningQueries} (per-user and global concurrency, listing, cancellation), and PII columns are
 * masked before anything leaves (a cached answer too), then cut to the role's {@link
 * com.medflow.config.ResponseCap} (rows and bytes; {@code query.business.*} for the business role).
 * Refusals surface as {@link com.medflow.query.guard.SqlRefusedException}. Each statement is one
 * {@value Tracing#SQL_SPAN} span (engine, checked SQL, rows, query id, cache hit; failures recorded).
 */
public final class QueryService {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QueryService.class);
  private final SqlGuard guard;
  private final QueryEngine engine;
  private final java.util.Optional<QueryEngine> fallback;
  private final java.util.Optional<SqlGuard> fallbackGuard;
  private final ResultCache cache;
  private final Supplier<Map<TableId, String>> versions;
  private final MedflowConfig.Query limits;
  private final RunningQueries running;
  private final Tracer tracer;
  /** The guard is a pure function of (sql, role, limit): repeated questions skip the parse. */
  private final com.github.benmanes.caffeine.cache.Cache<String, GuardedSql> verdicts =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).build();

  public QueryService(MedflowConfig.Query limits, QueryEngine engine, ResultCache cache,
                      Supplier<Map<TableId, String>> versions) {
    this(limits, engine, cache, versions, new RunningQueries(limits.maxConcurrent(), limits.maxConcurrentPerUser(),
        java.time.Clock.systemUTC()));
  }

  public QueryService(MedflowConfig.Query limits, QueryEngine engine, ResultCache cache,
                      Supplier<Map<TableId, String>> versions, RunningQueries running) {
    this(limits, engine, java.util.Optional.empty(), cache, versions, running);
  }

  /**
   * @param fallback the engine that answers while {@code engine} is unavailable ({@code query.engine-fallback=spark});
   *     the SQL is checked again and printed in its dialect
   */
  public QueryService(MedflowConfig.Query limits, QueryEngine engine, java.util.Optional<QueryEngine> fallback,
                      ResultCache cache, Supplier<Map<TableId, String>> versions, RunningQueries running) {
    this(limits, engine, fallback, cache, versions, running, Tracing.NOOP);
  }

  /** @param tracer makes one span per statement, a child of the caller's current span */
  public QueryService(MedflowConfig.Query limits, QueryEngine engine, java.util.Optional<QueryEngine> fallback,
                      ResultCache cache, Supplier<Map<TableId, String>> versions, RunningQueries running,
                      Tracer tracer) {
    this.tracer = requireNonNull(tracer, "tracer is null");
    this.fallback = requireNonNull(fallback, "fallback is null");
    this.limits = requireNonNull(limits, "limits is null");
    this.running = requireNonNull(running, "running is null");
    this.engine = requireNonNull(engine, "engine is null");
    this.cache = requireNonNull(cache, "cache is null");
    this.versions = requireNonNull(versions, "versions is null");
    // One row more than the caller gets, so a result that was cut short can say so.
    this.guard = new SqlGuard(limits.defaultLimit() + 1, limits.maxRows() + 1, SqlGuard.DEFAULT_CATALOG, engine.dialect());
    this.fallbackGuard = fallback.map(f -> new SqlGuard(limits.defaultLimit() + 1, limits.maxRows() + 1,
        SqlGuard.DEFAULT_CATALOG, f.dialect()));
  }

  /** Runs as a local caller (the CLI, evaluation): validated for {@code role}, answered from the cache or the engine. */
  public SqlAnswer run(String sql, Role role, OptionalInt requestedLimit) {
    return run(sql, QueryCaller.of("local-" + role.wireName(), role, "local"), requestedLimit);
  }

  /**
   * Validates for the caller's role, then answers from the cache or the engine, which runs the query in the
   * caller's fair-share pool under the limits; throws {@link com.medflow.query.run.TooManyQueriesException}
   * when the caller (or the server) already runs as many queries as allowed.
   */
  public SqlAnswer run(String sql, QueryCaller caller, OptionalInt requestedLimit) {
    long start = System.nanoTime();
    int limit = Math.min(requestedLimit.orElse(limits.defaultLimit()), limits.cap(caller.role()).maxRows());
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    try {
      return run(sql, caller, limit, engine, guard, start);
    } catch (EngineUnavailableException e) {
      if (fallback.isEmpty()) {
        throw e;
      }
      LOG.warn("{}; answering on {} (query.engine-fallback)", e.getMessage(), fallback.get().name());
      return run(sql, caller, limit, fallback.get(), fallbackGuard.orElseThrow(), start);
    }
  }

  private SqlAnswer run(String sql, QueryCaller caller, int limit, QueryEngine on, SqlGuard checker, long start) {
    Span span = tracer.spanBuilder(Tracing.SQL_SPAN).setSpanKind(SpanKind.CLIENT)
        .setAttribute(Tracing.DB_SYSTEM, on.name()).setAttribute(Tracing.USER, caller.user()).startSpan();
    caller.requestedId().ifPresent(id -> span.setAttribute(Tracing.QUERY_ID, id));
    try (Scope ignored = span.makeCurrent()) {
      SqlAnswer a = answer(sql, caller, limit, on, checker, start, span);
      span.setAttribute(Tracing.ROWS, (long) a.result().rowCount()).setAttribute(Tracing.CACHE_HIT, a.cached());
      return a;
    } catch (RuntimeException | Error e) {
      Tracing.failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }

  private SqlAnswer answer(String sql, QueryCaller caller, int limit, QueryEngine on, SqlGuard checker, long start,
                           Span span) {
    Role role = caller.role();
    GuardedSql g = check(checker, sql, role, limit + 1);
    span.setAttribute(Tracing.DB_STATEMENT, g.sql());
    String key = cacheKey(on.name(), g, role, limit);
    var hit = cache.get(key);
    if (hit.isPresent()) {
      // Masked and capped when it was stored; capped again in case the caps were lowered since.
      QueryResult capped = ResponseCaps.apply(PiiMasker.mask(hit.get(), g.maskedColumns()), limits.cap(role));
      return new SqlAnswer(g.sql(), g.tables(), capped, true, (System.nanoTime() - start) / 1_000_000, on.name());
    }
    RunningQuery handle = running.admit(caller, g.sql());
    span.setAttribute(Tracing.QUERY_ID, handle.id());
    QueryResult result = ResponseCaps.apply(PiiMasker.mask(on.execute(new EngineQuery(g.sql(), limit, limits, handle)),
        g.maskedColumns()), limits.cap(role));
    cache.put(key, result);
    return new SqlAnswer(g.sql(), g.tables(), result, false, (System.nanoTime() - start) / 1_000_000, on.name());
  }

  /** Validation only (the assistant uses it before running generated SQL). */
  public GuardedSql validate(String sql, Role role) {
    return check(guard, sql, role, limits.defaultLimit() + 1);
  }

  /** Refusals are not memoized (they throw), so a refused statement is re-checked each time. */
  private GuardedSql check(SqlGuard checker, String sql, Role role, int limit) {
    return verdicts.get(checker.dialect().name() + '\u0000' + role.name() + '\u0000' + limit + '\u0000' + sql,
        k -> checker.check(sql, role, OptionalInt.of(limit)));
  }

  /** The SQL dialect queries are printed in (the engine's). */
  public com.medflow.query.guard.SqlDialect dialect() {
    return engine.dialect();
  }

  public java.util.Optional<QueryEngine> fallback() {
    return fallback;
  }

  public RunningQueries running() {
    return running;
  }

  public MedflowConfig.Query limits() {
    return limits;
  }

  public QueryEngine engine() {
    return engine;
  }

  public ResultCache cache() {
    return cache;
  }

  /** The engine is part of the key: engines may differ in types (a Spark timestamp is a Trino date) and in ties. */
  String cacheKey(String engineName, GuardedSql g, Role role, int limit) {
    Map<TableId, String> current = versions.get();
    StringBuilder sb = new StringBuilder(engineName).append('\n').append(g.sql()).append('\n').append(role.name()).append('\n').append(limit);
    g.tables().stream().map(TableId::toString).sorted().forEach(t ->
        sb.append('\n').append(t).append('@').append(current.getOrDefault(TableId.parse(t), "none")));
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
