package com.medflow.server.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Dependency checks for {@code GET /api/health}: each is ok, down (with why) or disabled. */
public final class HealthService {
  public record Check(String status, String detail) {}

  private final Map<String, Supplier<Check>> checks = new LinkedHashMap<>();

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
