package com.medflow.server.pipeline;

import static java.util.Objects.requireNonNull;

import com.medflow.config.CronSchedule;
import com.medflow.config.OrchestrationConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's scheduler: fires the cron schedule, watches the landing zone (a run starts once new
 * files stayed unchanged for the quiet period), and starts queued triggers one run at a time.
 * {@link #tick} does all the work and is called every few seconds (tests call it with their own clock).
 */
public final class PipelineScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineScheduler.class);
  public static final int MAX_QUEUED = 20;

  /** A trigger waiting for the running run to end. */
  public record Queued(String trigger, Instant at, String reason) {}

  private final Clock clock;
  private final Optional<CronSchedule> schedule;
  private final OrchestrationConfig.Sensor sensor;
  private final LandingListing landing;
  private final BooleanSupplier running;
  private final Function<String, String> start;
  private final Deque<Queued> queue = new ArrayDeque<>();
  private final Map<String, String> handled = new HashMap<>();
  private final Map<String, String> pendingStamp = new HashMap<>();
  private final Map<String, Instant> pendingSince = new HashMap<>();
  private Instant nextFire;
  private Instant lastPoll;
  private String lastStarted;
  private String lastError;

  /**
   * {@code running}: whether a run holds the pipeline; {@code start}: starts a run with a trigger name
   * and returns its id (throws when the pipeline is busy).
   */
  public PipelineScheduler(Clock clock, Optional<CronSchedule> schedule, OrchestrationConfig.Sensor sensor,
                           LandingListing landing, BooleanSupplier running, Function<String, String> start) {
    this.clock = requireNonNull(clock, "clock is null");
    this.schedule = requireNonNull(schedule, "schedule is null");
    this.sensor = requireNonNull(sensor, "sensor is null");
    this.landing = requireNonNull(landing, "landing is null");
    this.running = requireNonNull(running, "running is null");
    this.start = requireNonNull(start, "start is null");
    this.nextFire = schedule.map(s -> s.next(clock.instant())).orElse(null);
  }

  /** Fires what is due and starts the next queued trigger when no run is going. */
  public synchronized void tick() {
    Instant now = clock.instant();
    if (nextFire != null && !now.isBefore(nextFire)) {
      enqueue("schedule", "cron " + schedule.orElseThrow() + " at " + nextFire);
      nextFire = schedule.orElseThrow().next(now);
    }
    if (sensor.enabled() && (lastPoll == null || !now.isBefore(lastPoll.plus(sensor.pollInterval())))) {
      lastPoll = now;
      sense(now);
    }
    if (!queue.isEmpty() && !running.getAsBoolean()) {
      Queued next = queue.peekFirst();
      try {
        lastStarted = start.apply(next.trigger());
        queue.removeFirst();
        lastError = null;
      } catch (RuntimeException e) { // busy (a run started elsewhere) or failed to start: stays queued, logged
        lastError = e.getMessage();
        LOG.warn("Scheduled {} run not started yet: {}", next.trigger(), e.getMessage());
      }
    }
  }

  private void sense(Instant now) {
    Map<String, String> files;
    try {
      files = landing.list();
    } catch (RuntimeException e) {
      lastError = "landing sensor: " + e.getMessage();
      LOG.warn("Landing sensor cannot list the landing zone: {}", e.getMessage());
      return;
    }
    List<String> ready = new ArrayList<>();
    pendingSince.keySet().retainAll(files.keySet());
    pendingStamp.keySet().retainAll(files.keySet());
    for (Map.Entry<String, String> f : files.entrySet()) {
      if (f.getValue().equals(handled.get(f.getKey()))) {
        continue;
      }
      if (!f.getValue().equals(pendingStamp.get(f.getKey()))) { // new or still changing: the quiet period restarts
        pendingStamp.put(f.getKey(), f.getValue());
        pendingSince.put(f.getKey(), now);
      }
    }
    boolean quiet = !pendingSince.isEmpty()
        && pendingSince.values().stream().allMatch(t -> !now.isBefore(t.plus(sensor.quietPeriod())));
    if (quiet) {
      ready.addAll(pendingSince.keySet());
      ready.forEach(k -> handled.put(k, pendingStamp.get(k)));
      pendingSince.clear();
      pendingStamp.clear();
      enqueue("sensor", ready.size() + " new file(s) quiet for " + sensor.quietPeriod().toSeconds() + " s: "
          + String.join(", ", ready.stream().sorted().limit(5).toList()) + (ready.size() > 5 ? ", ..." : ""));
    }
  }

  /** Queues a trigger; the same trigger already waiting is not queued twice (one run covers both). */
  public synchronized boolean enqueue(String trigger, String reason) {
    if (queue.stream().anyMatch(q -> q.trigger().equals(trigger)) || queue.size() >= MAX_QUEUED) {
      return false;
    }
    queue.addLast(new Queued(trigger, clock.instant(), reason));
    return true;
  }

  /** Removes the queued triggers; returns how many. */
  public synchronized int clearQueue() {
    int n = queue.size();
    queue.clear();
    return n;
  }

  /** What the API shows: the schedule, the next fire time, the sensor, the queue, the last run started. */
  public synchronized Map<String, Object> status() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cron", schedule.map(CronSchedule::toString).orElse(null));
    m.put("next_run_at", nextFire);
    m.put("sensor_enabled", sensor.enabled());
    m.put("sensor_quiet_period_s", sensor.quietPeriod().toSeconds());
    m.put("sensor_waiting_files", pendingSince.size());
    m.put("queue", List.copyOf(queue));
    m.put("last_started_run", lastStarted);
    m.put("last_error", lastError);
    return m;
  }

  public synchronized List<Queued> queue() {
    return List.copyOf(queue);
  }

  /** Interval at which {@link #tick} should be called. */
  public Duration tickInterval() {
    return Duration.ofSeconds(1);
  }
}
