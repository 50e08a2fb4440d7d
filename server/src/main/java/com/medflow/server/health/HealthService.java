package com.medflow.server.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Dependency checks for {@code GET /api/health}: each is ok, down (with why) or disabled. */
public final class HealthService {
  public record Check(String status, String detail) {}

  private final Map<String, Supplier<Check>> checks = new LinkedHashMap<>();
  private final Map<String, Supplier<Map<String, Object>>> reports = new LinkedHashMap<>();

  /**
   * A report shown beside the dependencies (e.g. the data freshness and volume checks); a report
   * that cannot be made shows {@code {"status": "unknown", "error"}}.
   */
  public HealthService report(String name, Supplier<Map<String, Object>> report) {
    reports.put(name, report);
    return this;
  }

  public Map<String, Object> reports() {
    Map<String, Object> out = new LinkedHashMap<>();
    reports.forEach((k, v) -> {
      try {
        out.put(k, v.get());
      } catch (RuntimeException e) {
        out.put(k, Map.of("status", "unknown", "error", String.valueOf(e.getMessage())));
      }
    });
    return out;
  }

  public HealthService add(String name, Runnable probe) {
    checks.put(name, () -> {
      try {
        probe.run();
        return new Check("ok", null);
      } catch (RuntimeException e) {
        return new Check("down", e.getMessage());
      }
    });
    return this;
  }

  public HealthService fixed(String name, String status, String detail) {
    checks.put(name, () -> new Check(status, detail));
    return this;
  }

  public Map<String, Check> run() {
    Map<String, Check> out = new LinkedHashMap<>();
    checks.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }
}
