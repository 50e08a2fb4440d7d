package com.medflow.query.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.medflow.model.Role;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every entry of {@code guard/pii.sql}: the business role gets a refusal naming the personal-data column, or
 * the statement with exactly the listed output columns masked; analysts and admins run it unrestricted (but for
 * the forms the guard refuses for everyone).
 */
class PiiExtractionAttemptsTest {
  private static final SqlGuard GUARD = new SqlGuard(1_000, 10_000);
  private static final List<GuardCorpus.Entry> CORPUS = GuardCorpus.load("/guard/pii.sql");
  private static final Set<String> PII = QueryChecker.piiColumnNames(Role.BUSINESS);

  @Test
  void theCorpusHasAtLeastFiftyDistinctAttemptsOfBothOutcomes() {
    assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(50);
    assertThat(CORPUS.stream().map(GuardCorpus.Entry::sql).distinct()).as("distinct SQL strings").hasSameSizeAs(CORPUS);
    assertThat(CORPUS.stream().map(e -> e.field(0).strip()).distinct()).containsExactlyInAnyOrder("refused", "masked", "everyone");
  }

  @Test
  void theBusinessRoleReadsTheTwoPersonalColumnsOfClaimsClean() {
    assertThat(PII).containsExactlyInAnyOrder("member_id", "patient_birth_date");
  }

  @TestFactory
  Stream<DynamicTest> businessIsRefusedOrMaskedAsTheCorpusSays() {
    return CORPUS.stream().map(e -> DynamicTest.dynamicTest(e.toString(), () -> {
      String outcome = e.field(0).strip();
      String detail = e.field(1).strip();
      if (outcome.equals("everyone")) {
        for (Role role : Role.values()) {
          SqlRefusedException refused = catchThrowableOfType(SqlRefusedException.class,
              () -> GUARD.check(e.sql(), role, OptionalInt.empty()));
          assertThat(refused).as("refused for %s: %s", role, e.sql()).isNotNull();
          assertThat(refused.code()).as("code (message: %s)", refused.getMessage()).isEqualTo(RefusalCode.valueOf(detail));
        }
      } else if (outcome.equals("refused")) {
        SqlRefusedException refused = catchThrowableOfType(SqlRefusedException.class,
            () -> GUARD.check(e.sql(), Role.BUSINESS, OptionalInt.empty()));
        assertThat(refused).as("refused: %s", e.sql()).isNotNull();
        assertThat(refused.code()).as("code (message: %s)", refused.getMessage()).isEqualTo(RefusalCode.PII_NOT_ALLOWED);
        if (!detail.equals("-")) {
          assertThat(refused.getMessage()).as("message").contains(detail);
        }
      } else {
        GuardedSql g = GUARD.check(e.sql(), Role.BUSINESS, OptionalInt.empty());
        Set<String> expected = new LinkedHashSet<>(PII);
        if (!detail.equals("-")) {
          expected.addAll(Arrays.asList(detail.split(" +")));
        }
        assertThat(g.maskedColumns()).containsExactlyInAnyOrderElementsOf(expected);
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> analystsAndAdminsRunEveryAttemptUnmasked() {
    return CORPUS.stream().filter(e -> !e.field(0).strip().equals("everyone")).flatMap(e -> Stream.of(Role.ANALYST, Role.ADMIN).map(role ->
        DynamicTest.dynamicTest(role.wireName() + " " + e, () -> {
          GuardedSql g = GUARD.check(e.sql(), role, OptionalInt.empty());
          assertThat(g.maskedColumns()).isEmpty();
          assertThat(g.sql()).startsWith(e.sql().startsWith("(") ? "(" : e.sql().substring(0, 4));
        })));
  }
}
