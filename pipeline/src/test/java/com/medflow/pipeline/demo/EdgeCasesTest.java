package com.medflow.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.model.mapping.StandardField;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeCasesTest {
  @TempDir
  Path tmp;

  @Test
  void noCleanDateLiesAfterTodayWhenTodayFallsInsideTheServiceWindow() {
    LocalDate today = LocalDate.of(2025, 6, 30);
    Generated g = Generated.of(6_000, 3, "b1", false, today);
    for (String folder : Generated.FOLDERS) {
      ReferenceChecks r = g.checks(folder);
      assertThat(g.kept(folder)).hasSizeGreaterThan(1_000).allSatisfy(c -> {
        for (StandardField f : List.of(StandardField.SERVICE_DATE, StandardField.SUBMITTED_DATE,
            StandardField.PROCESSED_DATE)) {
          r.date(c.line(), f).ifPresent(d -> assertThat(d).as(c.line().raw()).isBeforeOrEqualTo(today));
        }
      });
      long dirty = g.checked.get(folder).stream().filter(c -> !c.clean()).count();
      assertThat((double) dirty / g.checked.get(folder).size()).as(folder).isBetween(0.02, 0.045);
    }
  }

  @Test
  void todayOnTheFirstServiceDayLeavesEveryClaimPending() {
    LocalDate today = LocalDate.of(2024, 1, 1);
    Generated g = Generated.of(1_000, 3, "first-day", false, today);
    for (String folder : Generated.FOLDERS) {
      ReferenceChecks r = g.checks(folder);
      com.medflow.model.mapping.PayerMapping m = Generated.mapping(folder);
      assertThat(g.clean(folder)).isNotEmpty().allSatisfy(c -> {
        assertThat(r.date(c.line(), StandardField.SERVICE_DATE)).contains(today);
        assertThat(m.status(r.value(c.line(), StandardField.CLAIM_STATUS)).orElseThrow().adjudicated()).isFalse();
      });
    }
  }

  @Test
  void aSingleClaimStillWritesThreeFilesWithHeaders() throws IOException {
    GenerationReport report = new DemoDataGenerator(new DemoSpec(1, 1, "one", false, LocalDate.of(2026, 1, 1)))
        .write(tmp, ProgressListener.NONE);
    assertThat(report.files()).hasSize(3).extracting(FileReport::payer)
        .containsExactly("BlueCross", "Aetna", "UnitedHealth");
    assertThat(report.claims()).isEqualTo(1);
    assertThat(report.dataLines()).isEqualTo(1);
    assertThat(report.files()).allMatch(f -> f.bytes() > 100);
  }

  @Test
  void smallBatchesStayUnderTheQuarantineLimit() {
    Generated g = Generated.of(300, 5, "small", false, LocalDate.of(2026, 1, 1));
    for (String folder : Generated.FOLDERS) {
      List<Generated.Checked> lines = g.checked.get(folder);
      long quarantined = lines.stream().filter(c -> !c.kept()).count();
      assertThat((double) quarantined / lines.size()).as(folder).isLessThan(0.05);
    }
  }

  @Test
  void reportsProgressEveryFiftyThousandClaimsAndAtTheEnd() throws IOException {
    List<long[]> calls = new ArrayList<>();
    new DemoDataGenerator(new DemoSpec(120_001, 1, "p", false, LocalDate.of(2026, 1, 1)))
        .write(tmp, (done, total) -> calls.add(new long[] {done, total}));
    assertThat(calls).extracting(c -> c[0]).containsExactly(50_000L, 100_000L, 120_001L);
    assertThat(calls).allMatch(c -> c[1] == 120_001L);
  }
}
