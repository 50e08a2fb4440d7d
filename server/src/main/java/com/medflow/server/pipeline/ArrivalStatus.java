package com.medflow.server.pipeline;

import static java.util.Objects.requireNonNull;

import com.medflow.lake.Lake;
import com.medflow.pipeline.quality.ArrivalChecks;
import com.medflow.pipeline.quality.BatchArrival;
import com.medflow.pipeline.quality.BatchArrivals;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The freshness of every payer and the volume of each payer's latest batch, now (for
 * {@code /api/health} and the Pipeline page): the same checks the runs log in data_quality_log,
 * computed from bronze's file metadata.
 */
public final class ArrivalStatus {
  private final Lake lake;
  private final ArrivalChecks checks;
  private final Clock clock;

  public ArrivalStatus(Lake lake, ArrivalChecks checks, Clock clock) {
    this.lake = requireNonNull(lake, "lake is null");
    this.checks = requireNonNull(checks, "checks is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** {@code {"status": "ok"|"warn", "warnings", "freshness": [...], "volume": [...]}}; see docs/API.md. */
  public Map<String, Object> status() {
    List<BatchArrival> history = new BatchArrivals(lake).read();
    Instant now = clock.instant();
    List<Map<String, Object>> freshness = checks.freshness(history, now).stream().map(f -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("payer", f.payer());
      m.put("last_batch_id", f.lastBatchId());
      m.put("last_arrival_at", f.lastArrivalAt().toString());
      m.put("age_s", f.age().toSeconds());
      m.put("interval", f.interval().toString());
      m.put("stale", f.stale());
      return m;
    }).toList();
    List<Map<String, Object>> volume = checks.latestVolumes(history).stream().map(v -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("payer", v.payer());
      m.put("batch_id", v.batchId());
      m.put("rows", v.rows());
      m.put("expected_rows", v.expectedRows());
      m.put("batches_compared", v.compared());
      m.put("deviation", v.deviation());
      m.put("max_deviation", v.maxDeviation());
      m.put("passed", v.passed());
      return m;
    }).toList();
    long warnings = freshness.stream().filter(m -> (Boolean) m.get("stale")).count()
        + volume.stream().filter(m -> !(Boolean) m.get("passed")).count();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", warnings == 0 ? "ok" : "warn");
    out.put("warnings", warnings);
    out.put("freshness", freshness);
    out.put("volume", volume);
    return out;
  }
}
