package com.medflow.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoSpecTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

  @Test
  void acceptsAPlainSpec() {
    DemoSpec spec = new DemoSpec(100_000, 42, "demo-2025.01_a", false, TODAY);
    assertThat(spec.claims()).isEqualTo(100_000);
    assertThat(spec.lastServiceDate()).isEqualTo(LocalDate.of(2025, 12, 31));
  }

  @Test
  void endsServiceDatesAtTodayWhenTodayIsInsideTheWindow() {
    assertThat(new DemoSpec(1, 1, "b", false, LocalDate.of(2025, 6, 30)).lastServiceDate())
        .isEqualTo(LocalDate.of(2025, 6, 30));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, 1_000_000_001L})
  void rejectsClaimCountsOutOfRange(long claims) {
    assertThatThrownBy(() -> new DemoSpec(claims, 1, "b1", false, TODAY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid claim count");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/b", "../x", "b 1", "bätch", "a\\b"})
  void rejectsBatchNamesThatAreNotPlainFileNames(String batch) {
    assertThatThrownBy(() -> new DemoSpec(10, 1, batch, false, TODAY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid batch name");
  }

  @Test
  void rejectsMissingValuesAndTodayBeforeTheServiceWindow() {
    assertThatThrownBy(() -> new DemoSpec(10, 1, null, false, TODAY)).hasMessage("batch is null");
    assertThatThrownBy(() -> new DemoSpec(10, 1, "b", false, null)).hasMessage("today is null");
    assertThatThrownBy(() -> new DemoSpec(10, 1, "b", false, LocalDate.of(2023, 12, 31)))
        .hasMessageContaining("Invalid today");
  }

  @Test
  void generatorRejectsMissingArguments() {
    DemoDataGenerator g = new DemoDataGenerator(new DemoSpec(10, 1, "b", false, TODAY));
    assertThatThrownBy(() -> new DemoDataGenerator(null)).hasMessage("spec is null");
    assertThatThrownBy(() -> g.write(null, ProgressListener.NONE)).hasMessage("outDir is null");
    assertThatThrownBy(() -> g.write(java.nio.file.Path.of("x"), null)).hasMessage("progress is null");
  }
}
