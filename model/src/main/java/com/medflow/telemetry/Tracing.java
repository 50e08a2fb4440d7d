package com.medflow.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Scope;
import java.util.function.Supplier;

/**
 * Span names and attribute keys MedFlow uses, and a no-op tracer for code run without telemetry.
 * A tracer is passed through constructors (main builds the SDK from {@code otel.*}); nothing here is global.
 */
public final class Tracing {
  /** A tracer whose spans are dropped: the default wherever telemetry is not wired. */
  public static final Tracer NOOP = TracerProvider.noop().get("medflow");
  public static final String SCOPE = "com.medflow";

  /** One SQL statement through the query service (guard, cache or engine). */
  public static final String SQL_SPAN = "sql.query";
  /** One question answered by the assistant; its agent steps are children. */
  public static final String ASK_SPAN = "assistant.ask";
  /** One agent step of an answer, named {@code assistant.step <agent>}. */
  public static final String STEP_SPAN = "assistant.step";

  public static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("medflow.run_id");
  public static final AttributeKey<String> TRIGGER = AttributeKey.stringKey("medflow.trigger");
  public static final AttributeKey<String> TASK = AttributeKey.stringKey("medflow.task");
  public static final AttributeKey<String> STATE = AttributeKey.stringKey("medflow.state");
  public static final AttributeKey<Long> ROWS = AttributeKey.longKey("medflow.rows");
  public static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("medflow.attempts");
  public static final AttributeKey<String> QUESTION_ID = AttributeKey.stringKey("medflow.question_id");
  public static final AttributeKey<String> STEP = AttributeKey.stringKey("medflow.step");
  public static final AttributeKey<String> STATUS = AttributeKey.stringKey("medflow.status");
  public static final AttributeKey<String> QUERY_ID = AttributeKey.stringKey("medflow.query_id");
  public static final AttributeKey<Boolean> CACHE_HIT = AttributeKey.booleanKey("medflow.cache_hit");
  public static final AttributeKey<String> USER = AttributeKey.stringKey("enduser.id");
  public static final AttributeKey<String> DB_STATEMENT = AttributeKey.stringKey("db.query.text");
  public static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system.name");
  public static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
  public static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
  public static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
  public static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");

  private Tracing() {}

  /**
   * Runs {@code body} in a child span of the current one named {@code name}; a failure is recorded on
   * the span (status ERROR, exception event) and thrown on.
   */
  public static <T> T inSpan(Tracer tracer, String name, java.util.function.Consumer<Span> before, Supplier<T> body) {
    Span span = tracer.spanBuilder(name).startSpan();
    before.accept(span);
    try (Scope ignored = span.makeCurrent()) {
      return body.get();
    } catch (RuntimeException | Error e) {
      failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }

  /** Marks a span failed with the exception. */
  public static void failed(Span span, Throwable e) {
    span.recordException(e);
    span.setStatus(StatusCode.ERROR, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }
}
