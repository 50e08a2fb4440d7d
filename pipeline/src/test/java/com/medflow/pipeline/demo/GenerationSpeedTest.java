package com.medflow.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** Prints (does not assert) how long a million claims take. Run with {@code -Dmedflow.slow=true}. */
@Tag("slow")
@EnabledIfSystemProperty(named = "medflow.slow", matches = "true")
class GenerationSpeedTest {
  @TempDir
  Path tmp;

  @Test
  void printsTheTimeForAMillionClaims() throws IOException {
    for (long claims : new long[] {100_000, 1_000_000}) {
      long start = System.nanoTime();
      GenerationReport report = new DemoDataGenerator(new DemoSpec(claims, 42, "speed" + claims, false,
          LocalDate.of(2026, 3, 1))).write(tmp, ProgressListener.NONE);
      double seconds = (System.nanoTime() - start) / 1e9;
      long bytes = report.files().stream().mapToLong(FileReport::bytes).sum();
      System.out.printf("Generated %,d claims (%,d lines, %,d bytes) in %.2f s%n", claims, report.dataLines(),
          bytes, seconds);
      assertThat(report.claims()).isEqualTo(claims);
    }
  }
}
