package com.medflow.query.engine;

import static java.util.Objects.requireNonNull;

import com.medflow.config.MedflowConfig;
import com.medflow.query.run.RunningQuery;

/**
 * One validated statement for an engine: at most {@code maxRows} rows, under {@code limits} (time, estimated
 * cost, result bytes), with the {@code handle} through which it is cancelled and reports its end.
 */
public record EngineQuery(String sql, int maxRows, MedflowConfig.Query limits, RunningQuery handle) {
  public EngineQuery {
    requireNonNull(sql, "sql is null");
    requireNonNull(limits, "limits is null");
    requireNonNull(handle, "handle is null");
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be at least 1: " + maxRows);
    }
  }
}
