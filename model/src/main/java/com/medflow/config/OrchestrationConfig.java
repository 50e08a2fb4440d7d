package com.medflow.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Retries, the server's scheduler (cron schedule, landing sensor), freshness and volume checks, and
 * OpenTelemetry export. Every setting and default is listed in {@link #SETTINGS}.
 */
public record OrchestrationConfig(Retry retry, Optional<CronSchedule> schedule, Sensor sensor, Checks checks,
                                  Telemetry telemetry) {
  public OrchestrationConfig {
    requireNonNull(retry, "retry is null");
    requireNonNull(schedule, "schedule is null");
    requireNonNull(sensor, "sensor is null");
    requireNonNull(checks, "checks is null");
    requireNonNull(telemetry, "telemetry is null");
  }

  /** A failing task is tried {@code maxAttempts} times; the n-th retry waits initial * multiplier^(n-1), at most max. */
  public record Retry(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {}

  /** The landing sensor: polls the landing zone and starts a run once new files stopped changing for {@code quietPeriod}. */
  public record Sensor(boolean enabled, Duration pollInterval, Duration quietPeriod) {}

  /**
   * Freshness: a payer whose last batch is older than its interval (per payer, else the default) is
   * warned about. Volume: a batch whose row count differs from the mean of the payer's last
   * {@code volumeWindow} batches by more than {@code volumeMaxDeviation} (a fraction) is warned about.
   */
  public record Checks(Duration freshnessDefault, Map<String, Duration> freshnessByPayer, int volumeWindow,
                       double volumeMaxDeviation) {
    public Checks {
      freshnessByPayer = Map.copyOf(freshnessByPayer);
    }

    public Duration freshness(String payer) {
      return freshnessByPayer.getOrDefault(payer, freshnessDefault);
    }
  }

  /**
   * OTLP export of spans; empty endpoint = off (spans are still made, and dropped). The endpoint is the
   * collector's base URL: spans go to {@code <endpoint>/v1/traces}.
   */
  public record Telemetry(Optional<URI> endpoint, Protocol protocol, String serviceName) {
    public Telemetry {
      requireNonNull(endpoint, "endpoint is null");
      requireNonNull(protocol, "protocol is null");
      requireNonNull(serviceName, "serviceName is null");
    }

    /** The export is off: no endpoint. */
    public static Telemetry off() {
      return new Telemetry(Optional.empty(), Protocol.HTTP_PROTOBUF, OTEL_SERVICE.defaultValue());
    }

    public boolean enabled() {
      return endpoint.isPresent();
    }
  }

  /** OTLP transports this build can send with (only the JDK HTTP sender is bundled, so no gRPC). */
  public enum Protocol {
    HTTP_PROTOBUF("http/protobuf");

    private final String wireName;

    Protocol(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  public static final Setting RETRY_MAX_ATTEMPTS = new Setting("pipeline.retry.max-attempts", "3",
      "Attempts of a failing pipeline task (1 = no retry). Verification failures and unreadable files are not retried.");
  public static final Setting RETRY_INITIAL = new Setting("pipeline.retry.initial-backoff", "PT5S",
      "Wait before the first retry of a task.");
  public static final Setting RETRY_MULTIPLIER = new Setting("pipeline.retry.multiplier", "2",
      "Each further retry waits this many times longer (1-10).");
  public static final Setting RETRY_MAX = new Setting("pipeline.retry.max-backoff", "PT1M", "Longest wait between tries.");
  public static final Setting SCHEDULE = new Setting("scheduler.cron", null,
      "Cron schedule (UTC, 5 fields) of pipeline runs started by the server, e.g. '0 2 * * *'; unset: none.");
  public static final Setting SENSOR = new Setting("scheduler.sensor.enabled", "false",
      "Start a run when new files arrive in the landing zone (local folder or S3 listing).");
  public static final Setting SENSOR_POLL = new Setting("scheduler.sensor.poll-interval", "PT30S",
      "How often the landing sensor lists the landing zone.");
  public static final Setting SENSOR_QUIET = new Setting("scheduler.sensor.quiet-period", "PT1M",
      "New files must be unchanged (size and time) this long before the sensor starts a run.");
  public static final Setting FRESHNESS = new Setting("checks.freshness.default-interval", "P2D",
      "A payer with no new batch for longer than this is warned about (FRESHNESS in data_quality_log).");
  public static final Setting FRESHNESS_BY_PAYER = new Setting("checks.freshness.intervals", null,
      "Per-payer intervals, e.g. 'Aetna=P1D,BlueCross=P7D'.");
  public static final Setting VOLUME_WINDOW = new Setting("checks.volume.window", "5",
      "Recent batches of a payer a new batch's row count is compared with.");
  public static final Setting VOLUME_DEVIATION = new Setting("checks.volume.max-deviation", "0.5",
      "A batch whose rows differ from the recent mean by more than this fraction is warned about (VOLUME).");
  public static final Setting OTEL_ENDPOINT = new Setting("otel.endpoint", null,
      "OTLP collector base URL for traces, e.g. http://127.0.0.1:4318 (spans go to /v1/traces); unset: no export.");
  public static final Setting OTEL_PROTOCOL = new Setting("otel.protocol", "http/protobuf",
      "OTLP transport: http/protobuf (the only one bundled; grpc is refused).");
  public static final Setting OTEL_SERVICE = new Setting("otel.service-name", "medflow", "service.name of exported spans.");

  public static final List<Setting> SETTINGS = List.of(RETRY_MAX_ATTEMPTS, RETRY_INITIAL, RETRY_MULTIPLIER, RETRY_MAX,
      SCHEDULE, SENSOR, SENSOR_POLL, SENSOR_QUIET, FRESHNESS, FRESHNESS_BY_PAYER, VOLUME_WINDOW, VOLUME_DEVIATION,
      OTEL_ENDPOINT, OTEL_PROTOCOL, OTEL_SERVICE);

  /** The checks with every default of {@link #SETTINGS}. */
  public static final Checks DEFAULT_CHECKS = new Checks(Duration.parse(FRESHNESS.defaultValue()), Map.of(),
      Integer.parseInt(VOLUME_WINDOW.defaultValue()), Double.parseDouble(VOLUME_DEVIATION.defaultValue()));

  static OrchestrationConfig from(RawConfig raw) {
    Duration initial = raw.duration(RETRY_INITIAL);
    Duration max = raw.duration(RETRY_MAX);
    if (max.compareTo(initial) < 0) {
      throw raw.bad(RETRY_MAX, max.toString(), "at least pipeline.retry.initial-backoff (" + initial + ")");
    }
    int multiplier = raw.integer(RETRY_MULTIPLIER, 1, 10);
    Retry retry = new Retry(raw.integer(RETRY_MAX_ATTEMPTS, 1, 20), initial, multiplier, max);
    Optional<CronSchedule> schedule = raw.optional(SCHEDULE).map(v -> {
      try {
        return CronSchedule.parse(v);
      } catch (IllegalArgumentException e) {
        throw raw.bad(SCHEDULE, v, "a 5-field cron expression such as '0 2 * * *' (" + e.getMessage() + ")");
      }
    });
    Sensor sensor = new Sensor(raw.bool(SENSOR), raw.duration(SENSOR_POLL), raw.duration(SENSOR_QUIET));
    Map<String, Duration> byPayer = new TreeMap<>();
    raw.optional(FRESHNESS_BY_PAYER).ifPresent(v -> {
      for (String part : v.split(",")) {
        String[] kv = part.trim().split("=", 2);
        try {
          Duration d = Duration.parse(kv[1].trim());
          if (kv[0].isBlank() || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException();
          }
          byPayer.put(kv[0].trim(), d);
        } catch (RuntimeException e) {
          throw raw.bad(FRESHNESS_BY_PAYER, v, "Payer=ISO-8601 duration pairs such as 'Aetna=P1D,BlueCross=P7D'");
        }
      }
    });
    Checks checks = new Checks(raw.duration(FRESHNESS), byPayer, raw.integer(VOLUME_WINDOW, 1, 1000),
        raw.fraction(VOLUME_DEVIATION));
    Optional<URI> endpoint = raw.optional(OTEL_ENDPOINT).map(v -> {
      URI u = raw.uri(OTEL_ENDPOINT);
      if (u.getScheme() == null || !u.getScheme().matches("https?") || u.getHost() == null) {
        throw raw.bad(OTEL_ENDPOINT, v, "an http(s)://host:port URL of an OTLP/HTTP collector");
      }
      return u;
    });
    return new OrchestrationConfig(retry, schedule, sensor, checks,
        new Telemetry(endpoint, protocol(raw), raw.string(OTEL_SERVICE).trim()));
  }

  private static Protocol protocol(RawConfig raw) {
    String v = raw.string(OTEL_PROTOCOL).trim();
    for (Protocol p : Protocol.values()) {
      if (p.wireName().equalsIgnoreCase(v)) {
        return p;
      }
    }
    if (v.equalsIgnoreCase("grpc")) {
      throw raw.bad(OTEL_PROTOCOL, v, "http/protobuf (this build bundles no gRPC sender; point otel.endpoint at the"
          + " collector's OTLP/HTTP port, usually 4318)");
    }
    throw raw.bad(OTEL_PROTOCOL, v, "http/protobuf");
  }
}
