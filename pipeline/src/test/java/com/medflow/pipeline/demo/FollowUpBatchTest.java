package com.medflow.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.model.ClaimStatus;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.StandardField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FollowUpBatchTest {
  private final Generated base = Generated.base();
  private final Generated followUp = Generated.of(20_000, 7, "b2", true, Generated.TODAY);

  /** Columns that a status change may change. */
  private static final Set<StandardField> OUTCOME = Set.of(StandardField.CLAIM_STATUS,
      StandardField.PROCESSED_DATE, StandardField.ALLOWED_AMOUNT, StandardField.PAID_AMOUNT,
      StandardField.DENIAL_REASON_CODE);

  @ParameterizedTest
  @ValueSource(strings = {"bluecross", "aetna", "unitedhealth"})
  void followUpHoldsOnlyCleanStatusChangesOfBaseClaims(String folder) {
    PayerMapping m = Generated.mapping(folder);
    ReferenceChecks r = base.checks(folder);
    Map<String, PayerFile.Line> baseById = new HashMap<>();
    for (Generated.Checked c : base.clean(folder)) {
      baseById.put(r.value(c.line(), StandardField.CLAIM_ID), c.line());
    }
    List<Generated.Checked> updates = followUp.checked.get(folder);
    assertThat(updates).isNotEmpty().allMatch(Generated.Checked::clean);
    assertThat(followUp.files.get(folder).blankLines).isZero();
    for (Generated.Checked u : updates) {
      String id = r.value(u.line(), StandardField.CLAIM_ID);
      PayerFile.Line before = baseById.get(id);
      assertThat(before).as("base claim " + id).isNotNull();
      ClaimStatus from = m.status(r.value(before, StandardField.CLAIM_STATUS)).orElseThrow();
      ClaimStatus to = m.status(r.value(u.line(), StandardField.CLAIM_STATUS)).orElseThrow();
      assertThat(PayerFileWriter.allowedTransition(from, to)).as(id + ": " + from + " -> " + to).isTrue();
      for (String column : m.header()) {
        boolean outcome = OUTCOME.stream().anyMatch(f -> m.column(f).orElse("").equals(column));
        if (!outcome) {
          assertThat(u.line().get(column)).as(id + " " + column).isEqualTo(before.get(column));
        }
      }
      if (to == ClaimStatus.IN_REVIEW) {
        assertThat(r.value(u.line(), StandardField.PROCESSED_DATE)).isEmpty();
        assertThat(r.amount(u.line(), StandardField.PAID_AMOUNT)).contains(new BigDecimal("0.00"));
        assertThat(r.value(u.line(), StandardField.DENIAL_REASON_CODE)).isEmpty();
      } else {
        LocalDate submitted = r.date(u.line(), StandardField.SUBMITTED_DATE).orElseThrow();
        LocalDate processed = r.date(u.line(), StandardField.PROCESSED_DATE).orElseThrow();
        assertThat(ChronoUnit.DAYS.between(submitted, processed)).isBetween(0L, 45L);
        assertThat(processed).isBeforeOrEqualTo(Generated.TODAY);
        assertThat(r.value(u.line(), StandardField.DENIAL_REASON_CODE).isEmpty())
            .isEqualTo(to == ClaimStatus.APPROVED);
      }
    }
    assertThat(updates.stream().map(u -> r.value(u.line(), StandardField.CLAIM_ID))).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bluecross", "aetna", "unitedhealth"})
  void aboutHalfOfPendingClaimsAreDecidedAndAFifthOfDenialsAppealed(String folder) {
    PayerMapping m = Generated.mapping(folder);
    ReferenceChecks r = base.checks(folder);
    Map<ClaimStatus, Long> before = new HashMap<>();
    base.clean(folder).forEach(c -> before.merge(
        m.status(r.value(c.line(), StandardField.CLAIM_STATUS)).orElseThrow(), 1L, Long::sum));
    Map<ClaimStatus, Long> after = new HashMap<>();
    followUp.clean(folder).forEach(c -> after.merge(
        m.status(r.value(c.line(), StandardField.CLAIM_STATUS)).orElseThrow(), 1L, Long::sum));
    long decided = after.getOrDefault(ClaimStatus.APPROVED, 0L) + after.getOrDefault(ClaimStatus.DENIED, 0L);
    assertThat((double) decided / before.get(ClaimStatus.PENDING)).isBetween(0.30, 0.60);
    assertThat((double) after.get(ClaimStatus.IN_REVIEW) / before.get(ClaimStatus.DENIED)).isBetween(0.12, 0.28);
    assertThat(after.get(ClaimStatus.APPROVED)).isGreaterThan(after.getOrDefault(ClaimStatus.DENIED, 0L));
  }

  @Test
  void followUpKeepsEachPayersEncoding() {
    assertThat(followUp.files.get("bluecross").byteOrderMark).isTrue();
    assertThat(followUp.files.get("bluecross").text.replace("\r\n", "")).doesNotContain("\n");
    assertThat(followUp.files.get("aetna").text).doesNotContain("\r");
    assertThat(followUp.files.get("bluecross").headerLine).isEqualTo(base.files.get("bluecross").headerLine);
  }

  @Test
  void followUpReportCountsUpdatesAndNoDirtyRows() {
    long lines = Generated.FOLDERS.stream().mapToLong(f -> followUp.checked.get(f).size()).sum();
    assertThat(followUp.report.claims()).isEqualTo(lines);
    assertThat(followUp.report.dataLines()).isEqualTo(lines);
    assertThat(followUp.report.dirtyRows()).isZero();
    assertThat(followUp.report.dirtyByCode().values()).allMatch(v -> v == 0);
    assertThat(followUp.report.files()).extracting(f -> f.file().getFileName().toString()).containsOnly("b2.csv");
  }
}
