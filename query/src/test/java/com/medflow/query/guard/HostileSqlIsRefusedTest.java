package com.medflow.query.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.medflow.model.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every entry of {@code guard/hostile.sql} is refused with its code and a message naming the culprit. */
class HostileSqlIsRefusedTest {
  private static final SqlGuard GUARD = new SqlGuard(1_000, 10_000);
  private static final List<GuardCorpus.Entry> CORPUS = GuardCorpus.load("/guard/hostile.sql");

  @Test
  void theCorpusHasAtLeastOneHundredFiftyDistinctEntries() {
    assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(150);
    assertThat(CORPUS.stream().map(GuardCorpus.Entry::sql).distinct()).as("distinct SQL strings").hasSameSizeAs(CORPUS);
  }

  @Test
  void theCorpusCoversEveryRefusalCode() {
    Set<RefusalCode> covered = CORPUS.stream().map(e -> RefusalCode.valueOf(e.field(0)))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(RefusalCode.class)));
    assertThat(covered).containsExactlyInAnyOrder(RefusalCode.values());
  }

  @TestFactory
  Stream<DynamicTest> everyHostileStringIsRefusedWithItsCode() {
    return CORPUS.stream().map(e -> DynamicTest.dynamicTest(e.toString(), () -> {
      RefusalCode expected = RefusalCode.valueOf(e.field(0));
      Role role = GuardCorpus.role(e.field(1));
      SqlRefusedException refused = catchThrowableOfType(SqlRefusedException.class,
          () -> GUARD.check(e.sql(), role, OptionalInt.empty()));
      assertThat(refused).as("refused: %s", e.sql()).isNotNull();
      assertThat(refused.code()).as("code for %s (message: %s)", e.sql(), refused.getMessage()).isEqualTo(expected);
      String mention = e.field(2);
      if (!mention.equals("-")) {
        assertThat(refused.getMessage().toLowerCase(Locale.ROOT)).as("message").contains(mention.toLowerCase(Locale.ROOT));
      }
      assertThat(refused.getStackTrace()).as("no stack trace for callers").isEmpty();
    }));
  }

  @TestFactory
  Stream<DynamicTest> hostileStringsAreRefusedForEveryRoleThatCannotDoBetter() {
    // DDL, DML, stacked statements, file and metadata access are refused for admins too.
    Set<RefusalCode> roleIndependent = EnumSet.of(RefusalCode.NOT_A_QUERY, RefusalCode.MULTIPLE_STATEMENTS,
        RefusalCode.INTO_NOT_ALLOWED, RefusalCode.METADATA_TABLE, RefusalCode.FORBIDDEN_FUNCTION,
        RefusalCode.UNKNOWN_TABLE, RefusalCode.PARSE_ERROR);
    return CORPUS.stream().filter(e -> roleIndependent.contains(RefusalCode.valueOf(e.field(0))))
        .map(e -> DynamicTest.dynamicTest(e.toString(), () -> {
          for (Role role : Role.values()) {
            SqlRefusedException refused = catchThrowableOfType(SqlRefusedException.class,
                () -> GUARD.check(e.sql(), role, OptionalInt.empty()));
            assertThat(refused).as("%s refused for %s", e.sql(), role).isNotNull();
          }
        }));
  }
}
