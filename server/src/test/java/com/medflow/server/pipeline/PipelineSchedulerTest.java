package com.medflow.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.config.CronSchedule;
import com.medflow.config.OrchestrationConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineSchedulerTest {
  /** A clock the test moves. */
  private static final class TestClock extends Clock {
    Instant now;

    TestClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  private static final OrchestrationConfig.Sensor NO_SENSOR = new OrchestrationConfig.Sensor(false, Duration.ofSeconds(30),
      Duration.ofMinutes(1));

  @Test
  void theCronScheduleFiresAtItsTimeAndAgainTheNextDay() {
    TestClock clock = new TestClock(Instant.parse("2026-03-01T01:58:30Z"));
    List<String> started = new ArrayList<>();
    PipelineScheduler s = new PipelineScheduler(clock, Optional.of(CronSchedule.parse("0 2 * * *")), NO_SENSOR,
        Map0::of, () -> false, t -> { started.add(t + "@" + clock.now); return "run-" + started.size(); });

    s.tick();
    assertThat(started).isEmpty();
    assertThat(s.status().get("next_run_at")).isEqualTo(Instant.parse("2026-03-01T02:00:00Z"));
    clock.advance(Duration.ofSeconds(90));
    s.tick();
    assertThat(started).containsExactly("schedule@2026-03-01T02:00:00Z");
    clock.advance(Duration.ofMinutes(30));
    s.tick();
    assertThat(started).hasSize(1);
    assertThat(s.status().get("next_run_at")).isEqualTo(Instant.parse("2026-03-02T02:00:00Z"));
  }

  @Test
  void triggersWaitWhileARunIsGoingAndTheSameTriggerIsQueuedOnce() {
    TestClock clock = new TestClock(Instant.parse("2026-03-01T00:00:00Z"));
    AtomicBoolean busy = new AtomicBoolean(true);
    List<String> started = new ArrayList<>();
    PipelineScheduler s = new PipelineScheduler(clock, Optional.of(CronSchedule.parse("*/5 * * * *")), NO_SENSOR,
        Map0::of, busy::get, t -> { started.add(t); return "run-" + started.size(); });
    clock.advance(Duration.ofMinutes(5));
    s.tick();
    clock.advance(Duration.ofMinutes(5));
    s.tick();
    assertThat(s.enqueue("api", "by hand")).isTrue();
    assertThat(started).isEmpty();
    assertThat(s.queue()).extracting(PipelineScheduler.Queued::trigger).containsExactly("schedule", "api");

    busy.set(false);
    s.tick();
    assertThat(started).containsExactly("schedule");
    s.tick();
    assertThat(started).containsExactly("schedule", "api");
    assertThat(s.queue()).isEmpty();
  }

  @Test
  void theSensorStartsARunOnceANewFileStayedUnchangedForTheQuietPeriod(@TempDir Path landing) throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-03-01T00:00:00Z"));
    List<String> started = new ArrayList<>();
    var sensor = new OrchestrationConfig.Sensor(true, Duration.ofSeconds(10), Duration.ofSeconds(60));
    PipelineScheduler s = new PipelineScheduler(clock, Optional.empty(), sensor,
        LandingListing.of(landing.toString(), null), () -> false, t -> { started.add(t); return "run-1"; });
    s.tick();
    assertThat(started).isEmpty();

    Files.createDirectories(landing.resolve("aetna"));
    Files.writeString(landing.resolve("aetna/b7.csv"), "header\n");
    clock.advance(Duration.ofSeconds(10));
    s.tick(); // seen: the quiet period starts
    Files.writeString(landing.resolve("aetna/b7.csv"), "header\nrow 1\n"); // still being written
    clock.advance(Duration.ofSeconds(50));
    s.tick(); // changed: the quiet period starts again
    clock.advance(Duration.ofSeconds(50));
    s.tick();
    assertThat(started).isEmpty();
    assertThat(s.status().get("sensor_waiting_files")).isEqualTo(1);
    clock.advance(Duration.ofSeconds(10));
    s.tick();
    assertThat(started).containsExactly("sensor");

    clock.advance(Duration.ofMinutes(5));
    s.tick();
    assertThat(started).as("an unchanged file does not start another run").hasSize(1);
  }

  /** An empty landing zone. */
  private static final class Map0 {
    static java.util.Map<String, String> of() {
      return java.util.Map.of();
    }
  }
}
