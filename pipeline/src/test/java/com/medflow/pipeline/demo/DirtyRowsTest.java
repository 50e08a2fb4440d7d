package com.medflow.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.model.QualityCheck;
import com.medflow.model.mapping.StandardField;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirtyRowsTest {
  private final Generated batch = Generated.base();

  @ParameterizedTest
  @ValueSource(strings = {"bluecross", "aetna", "unitedhealth"})
  void dirtyShareIsBetweenTwoAndFourAndAHalfPercentPerPayer(String folder) {
    List<Generated.Checked> lines = batch.checked.get(folder);
    long dirty = lines.stream().filter(c -> !c.clean()).count();
    long quarantined = lines.stream().filter(c -> !c.kept()).count();
    assertThat((double) dirty / lines.size()).isBetween(0.02, 0.045);
    assertThat((double) quarantined / lines.size()).isLessThan(0.05);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bluecross", "aetna", "unitedhealth"})
  void everyQualityCheckIsBrokenInEveryPayersFile(String folder) {
    Map<QualityCheck, Long> counts = counts(folder);
    for (QualityCheck check : QualityCheck.values()) {
      if (check.fileHazard()) { // invalid UTF-8 and over-long fields: tested with their own files (BadFilesPipelineTest)
        continue;
      }
      assertThat(counts.getOrDefault(check, 0L)).as(folder + " " + check).isPositive();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bluecross", "aetna", "unitedhealth"})
  void eachDirtyRowBreaksExactlyOneRule(String folder) {
    assertThat(batch.checked.get(folder))
        .allSatisfy(c -> assertThat(c.checks()).as(c.line().raw()).hasSizeLessThanOrEqualTo(1));
  }

  @Test
  void reportCountsTheRowsTheChecksFind() {
    Map<QualityCheck, Long> found = new EnumMap<>(QualityCheck.class);
    for (String folder : Generated.FOLDERS) {
      counts(folder).forEach((k, v) -> found.merge(k, v, Long::sum));
    }
    assertThat(batch.report.dirtyByCode().keySet())
        .containsExactly(java.util.Arrays.stream(QualityCheck.values()).map(Enum::name).toArray(String[]::new));
    for (QualityCheck check : QualityCheck.values()) {
      assertThat(batch.report.dirtyByCode().get(check.name())).as(check.name())
          .isEqualTo(found.getOrDefault(check, 0L));
    }
    assertThat(batch.report.dirtyRows()).isEqualTo(found.values().stream().mapToLong(Long::longValue).sum());
    assertThat(batch.report.claims()).isEqualTo(20_000);
    long kept = Generated.FOLDERS.stream().mapToLong(f -> batch.kept(f).size()).sum();
    assertThat(kept).as("every claim of the spec becomes a clean claim").isEqualTo(20_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bluecross", "aetna", "unitedhealth"})
  void theFirstOccurrenceOfADuplicatedClaimIdIsClean(String folder) {
    ReferenceChecks r = batch.checks(folder);
    Map<String, Generated.Checked> first = new HashMap<>();
    for (Generated.Checked c : batch.checked.get(folder)) {
      if (c.line().record().isEmpty()) {
        continue;
      }
      String id = r.value(c.line(), StandardField.CLAIM_ID);
      if (c.checks().contains(QualityCheck.DUPLICATE_CLAIM_ID)) {
        assertThat(first.get(id).clean()).as(id).isTrue();
      } else {
        first.putIfAbsent(id, c);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bluecross", "aetna"})
  void quotedFormatsHaveRowsWithBrokenQuoting(String folder) {
    assertThat(batch.checked.get(folder)).anySatisfy(c -> assertThat(c.line().fields()).isNull());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bluecross", "aetna", "unitedhealth"})
  void dirtyDatesIncludeUnparseableFutureAndPre1900Values(String folder) {
    ReferenceChecks r = batch.checks(folder);
    List<PayerFile.Line> bad = batch.checked.get(folder).stream()
        .filter(c -> c.checks().contains(QualityCheck.INVALID_DATE)).map(Generated.Checked::line).toList();
    assertThat(bad).anySatisfy(l -> assertThat(r.date(l, StandardField.PROCESSED_DATE)).get()
        .matches(d -> d.isAfter(Generated.TODAY)));
    assertThat(bad).anySatisfy(l -> assertThat(r.date(l, StandardField.PATIENT_BIRTH_DATE)).get()
        .matches(d -> d.getYear() < 1900));
    assertThat(bad).anySatisfy(l -> assertThat(r.date(l, StandardField.SERVICE_DATE)).isEmpty());
    assertThat(bad).anySatisfy(l -> assertThat(r.date(l, StandardField.PATIENT_BIRTH_DATE)).isEmpty());
  }

  private Map<QualityCheck, Long> counts(String folder) {
    Map<QualityCheck, Long> counts = new EnumMap<>(QualityCheck.class);
    for (Generated.Checked c : batch.checked.get(folder)) {
      for (QualityCheck q : c.checks()) {
        counts.merge(q, 1L, Long::sum);
      }
    }
    return counts;
  }
}
