package com.medflow.query.engine;

import static java.util.Objects.requireNonNull;

/**
 * The query engine cannot be reached (Trino is down or still starting): nothing ran. Answered 503
 * {@code ENGINE_UNAVAILABLE}, or run on Spark instead when {@code query.engine-fallback=spark}.
 */
public final class EngineUnavailableException extends RuntimeException {
  private final String engine;

  public EngineUnavailableException(String engine, String message, Throwable cause) {
    super(message, cause);
    this.engine = requireNonNull(engine, "engine is null");
  }

  public String engine() {
    return engine;
  }
}
