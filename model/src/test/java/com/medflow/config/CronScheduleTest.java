package com.medflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
  @Test
  void nextTimesFollowTheFields() {
    Instant t = Instant.parse("2026-03-04T10:07:00Z"); // a Wednesday
    assertThat(CronSchedule.parse("*/15 * * * *").next(t)).isEqualTo(Instant.parse("2026-03-04T10:15:00Z"));
    assertThat(CronSchedule.parse("0 2 * * *").next(t)).isEqualTo(Instant.parse("2026-03-05T02:00:00Z"));
    assertThat(CronSchedule.parse("30 6 * * 1-5").next(Instant.parse("2026-03-06T07:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-09T06:30:00Z")); // Friday after 6:30 -> Monday
    assertThat(CronSchedule.parse("0 0 1 * *").next(t)).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
    assertThat(CronSchedule.parse("0 12 * * 0").next(t)).isEqualTo(Instant.parse("2026-03-08T12:00:00Z"));
    assertThat(CronSchedule.parse("0 12 * * 7").next(t)).isEqualTo(Instant.parse("2026-03-08T12:00:00Z"));
  }

  @Test
  void badExpressionsNameTheField() {
    assertThatThrownBy(() -> CronSchedule.parse("0 25 * * *")).hasMessage("Invalid cron hour field: 25 (allowed 0-23)");
    assertThatThrownBy(() -> CronSchedule.parse("0 2 * *")).hasMessageStartingWith("Invalid cron expression (5 fields");
  }
}
