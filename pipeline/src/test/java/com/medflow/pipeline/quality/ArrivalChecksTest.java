package com.medflow.pipeline.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.config.OrchestrationConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArrivalChecksTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final ArrivalChecks CHECKS = new ArrivalChecks(new OrchestrationConfig.Checks(Duration.ofDays(2),
      Map.of("Aetna", Duration.ofHours(12)), 3, 0.5));

  private static BatchArrival batch(String payer, String id, int hours, long rows) {
    return new BatchArrival(payer, id, T0.plus(Duration.ofHours(hours)), rows);
  }

  private static final List<BatchArrival> HISTORY = List.of(
      batch("Aetna", "b1", 0, 100), batch("BlueCross", "b1", 0, 80),
      batch("Aetna", "b2", 24, 110), batch("BlueCross", "b2", 24, 90),
      batch("Aetna", "b3", 48, 90), batch("BlueCross", "b3", 48, 10),
      batch("Aetna", "b4", 72, 1000));

  @Test
  void aPayerIsStaleOnceItsLatestBatchIsOlderThanItsOwnIntervalOrTheDefault() {
    assertThat(CHECKS.freshness(HISTORY, T0.plus(Duration.ofHours(85))))
        .extracting(f -> f.payer() + "|" + f.lastBatchId() + "|" + f.age().toHours() + "h|" + f.interval() + "|" + f.stale())
        .containsExactly("Aetna|b4|13h|PT12H|true", "BlueCross|b3|37h|PT48H|false");
    assertThat(CHECKS.freshness(HISTORY, T0.plus(Duration.ofHours(84))))
        .extracting(ArrivalChecks.Freshness::stale).as("exactly the interval is still fresh").containsExactly(false, false);
    assertThat(CHECKS.freshness(HISTORY, T0.plus(Duration.ofHours(97)))).extracting(ArrivalChecks.Freshness::stale)
        .containsExactly(true, true);
    assertThat(CHECKS.freshness(List.of(), T0)).isEmpty();
  }

  @Test
  void aBatchIsComparedWithTheMeanOfItsPayersPreviousBatchesInTheWindow() {
    assertThat(CHECKS.volume(HISTORY, "Aetna/b1")).as("a first batch has nothing to compare with").isEmpty();
    assertThat(CHECKS.volume(HISTORY, "Aetna/b3")).hasValueSatisfying(v -> {
      assertThat(v.expectedRows()).isEqualTo(105); // (100 + 110) / 2
      assertThat(v.deviationRows()).isEqualTo(15);
      assertThat(v.deviation()).isEqualTo(15.0 / 105);
      assertThat(v.passed()).isTrue();
    });
    // window 3: b1, b2, b3 -> mean 100; 1000 is 900 off
    assertThat(CHECKS.volume(HISTORY, "Aetna/b4")).hasValueSatisfying(v -> {
      assertThat(v.compared()).isEqualTo(3);
      assertThat(v.expectedRows()).isEqualTo(100);
      assertThat(v.deviation()).isEqualTo(9.0);
      assertThat(v.passed()).isFalse();
    });
    assertThat(CHECKS.volume(HISTORY, "BlueCross/b3")).hasValueSatisfying(v -> {
      assertThat(v.expectedRows()).isEqualTo(85);
      assertThat(v.deviationRows()).isEqualTo(75);
      assertThat(v.passed()).isFalse();
    });
    assertThat(CHECKS.volume(HISTORY, "Cigna/b1")).isEmpty();
  }

  @Test
  void theLatestVolumesAreThoseOfEachPayersNewestBatch() {
    assertThat(CHECKS.latestVolumes(HISTORY)).extracting(v -> v.payer() + "/" + v.batchId() + "|" + v.passed())
        .containsExactly("Aetna/b4|false", "BlueCross/b3|false");
  }

  @Test
  void aWindowOfOneComparesWithThePreviousBatchOnly() {
    ArrivalChecks one = new ArrivalChecks(new OrchestrationConfig.Checks(Duration.ofDays(2), Map.of(), 1, 0.2));
    assertThat(one.volume(HISTORY, "Aetna/b3")).hasValueSatisfying(v -> {
      assertThat(v.expectedRows()).isEqualTo(110);
      assertThat(v.deviationRows()).isEqualTo(20);
      assertThat(v.passed()).isTrue(); // 20/110 = 0.18
    });
  }
}
