package com.medflow.query.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.medflow.model.Role;
import com.medflow.model.TableId;
import com.medflow.model.TableSpec;
import com.medflow.model.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlGuardTest {
  private final SqlGuard guard = new SqlGuard(1_000, 10_000);

  private GuardedSql analyst(String sql) {
    return guard.check(sql, Role.ANALYST, OptionalInt.empty());
  }

  private GuardedSql business(String sql) {
    return guard.check(sql, Role.BUSINESS, OptionalInt.empty());
  }

  private SqlRefusedException refusal(String sql, Role role) {
    SqlRefusedException e = catchThrowableOfType(SqlRefusedException.class,
        () -> guard.check(sql, role, OptionalInt.empty()));
    assertThat(e).as("refused: %s", sql).isNotNull();
    return e;
  }

  @Nested
  class Limits {
    @Test
    void addsTheDefaultLimitWhenNeitherTheQueryNorTheCallerSetsOne() {
      GuardedSql g = analyst("SELECT payer FROM healthcare.claims_clean");
      assertThat(g.limit()).isEqualTo(1_000);
      assertThat(g.limitAdded()).isTrue();
      assertThat(g.sql()).endsWith(" LIMIT 1000");
    }

    @Test
    void usesTheCallersLimitWhenTheQueryHasNone() {
      GuardedSql g = guard.check("SELECT payer FROM healthcare.claims_clean", Role.ANALYST, OptionalInt.of(50));
      assertThat(g.limit()).isEqualTo(50);
      assertThat(g.limitAdded()).isTrue();
      assertThat(g.sql()).endsWith(" LIMIT 50");
    }

    @Test
    void capsTheCallersLimitAtMaxRows() {
      GuardedSql g = guard.check("SELECT payer FROM healthcare.claims_clean", Role.ANALYST, OptionalInt.of(50_000));
      assertThat(g.limit()).isEqualTo(10_000);
      assertThat(g.sql()).endsWith(" LIMIT 10000");
    }

    @Test
    void lowersALimitAboveMaxRows() {
      GuardedSql g = analyst("SELECT payer FROM healthcare.claims_clean LIMIT 50000");
      assertThat(g.limit()).isEqualTo(10_000);
      assertThat(g.limitAdded()).isTrue();
      assertThat(g.sql()).endsWith(" LIMIT 10000").doesNotContain("50000");
    }

    @Test
    void lowersALimitTooLargeForALong() {
      GuardedSql g = analyst("SELECT payer FROM healthcare.claims_clean LIMIT 99999999999999999999999");
      assertThat(g.limit()).isEqualTo(10_000);
      assertThat(g.limitAdded()).isTrue();
    }

    @Test
    void keepsALimitWithinMaxRowsEvenIfTheCallerAskedForFewer() {
      GuardedSql g = guard.check("SELECT payer FROM healthcare.claims_clean LIMIT 20", Role.ANALYST, OptionalInt.of(5));
      assertThat(g.limit()).isEqualTo(20);
      assertThat(g.limitAdded()).isFalse();
      assertThat(g.sql()).endsWith(" LIMIT 20");
    }

    @Test
    void treatsLimitAllAsNoLimit() {
      GuardedSql g = analyst("SELECT payer FROM healthcare.claims_clean LIMIT ALL");
      assertThat(g.limit()).isEqualTo(1_000);
      assertThat(g.limitAdded()).isTrue();
    }

    @Test
    void keepsTheOffsetAfterTheLimit() {
      GuardedSql g = analyst("SELECT payer FROM healthcare.claims_clean ORDER BY payer LIMIT 10 OFFSET 30");
      assertThat(g.sql()).endsWith(" ORDER BY payer LIMIT 10 OFFSET 30");
      assertThat(g.limitAdded()).isFalse();
    }

    @Test
    void appliesALimitWrittenAfterAUnionToTheWholeUnion() {
      GuardedSql g = analyst("SELECT payer FROM healthcare.claims_clean UNION ALL "
          + "SELECT payer FROM healthcare_gold.claims_monthly_summary LIMIT 5");
      assertThat(g.sql()).isEqualTo("SELECT payer FROM healthcare.claims_clean UNION ALL "
          + "SELECT payer FROM healthcare_gold.claims_monthly_summary LIMIT 5");
      assertThat(g.limitAdded()).isFalse();
    }

    @Test
    void keepsLimitsOfSubqueriesAndLimitsTheOuterQuery() {
      GuardedSql g = analyst("SELECT payer FROM (SELECT payer FROM healthcare.claims_clean LIMIT 50000) t");
      assertThat(g.sql()).isEqualTo("SELECT payer FROM (SELECT payer FROM healthcare.claims_clean LIMIT 50000) AS t LIMIT 1000");
      assertThat(g.limit()).isEqualTo(1_000);
    }

    @Test
    void limitsTheOutermostParenthesizedQuery() {
      GuardedSql g = analyst("(SELECT payer FROM healthcare.claims_clean)");
      assertThat(g.sql()).isEqualTo("(SELECT payer FROM healthcare.claims_clean) LIMIT 1000");
    }

    @Test
    void refusesNonPositiveLimitsFromTheCaller() {
      assertThatThrownBy(() -> guard.check("SELECT 1", Role.ANALYST, OptionalInt.of(0)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new SqlGuard(0, 10)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new SqlGuard(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDefaultLimitAboveMaxRowsIsCapped() {
      GuardedSql g = new SqlGuard(500, 100).check("SELECT 1", Role.ANALYST, OptionalInt.empty());
      assertThat(g.limit()).isEqualTo(100);
    }
  }

  @Nested
  class RolesAndTables {
    static Stream<Arguments> everyTableForEveryRole() {
      Set<TableId> businessTables = Set.of(Tables.CLAIMS_CLEAN, Tables.MONTHLY_SUMMARY, Tables.APPROVAL_FUNNEL,
          Tables.PROVIDER_PERFORMANCE);
      List<Arguments> out = new ArrayList<>();
      for (TableSpec t : Tables.ALL) {
        for (Role r : Role.values()) {
          boolean allowed = r != Role.BUSINESS || businessTables.contains(t.id());
          out.add(Arguments.of(t.id(), r, allowed));
        }
      }
      return out.stream();
    }

    @ParameterizedTest(name = "{1} reads {0}: {2}")
    @MethodSource("everyTableForEveryRole")
    void eachRoleReadsExactlyItsTables(TableId table, Role role, boolean allowed) {
      String sql = "SELECT count(*) AS n FROM " + table;
      if (allowed) {
        GuardedSql g = guard.check(sql, role, OptionalInt.empty());
        assertThat(g.tables()).containsExactly(table);
        assertThat(g.sql()).isEqualTo("SELECT count(*) AS n FROM " + table + " LIMIT 1000");
      } else {
        SqlRefusedException e = refusal(sql, role);
        assertThat(e.code()).isEqualTo(RefusalCode.TABLE_NOT_ALLOWED);
        assertThat(e.getMessage()).contains(table.toString()).contains("business");
      }
    }

    @Test
    void theMatrixCoversSevenTablesAndThreeRoles() {
      assertThat(everyTableForEveryRole()).hasSize(21);
    }

    @Test
    void reportsEveryTableAQueryReads() {
      GuardedSql g = analyst("WITH s AS (SELECT payer FROM healthcare.claims_clean) SELECT s.payer FROM s "
          + "JOIN healthcare_gold.provider_performance p ON p.payer = s.payer "
          + "WHERE EXISTS (SELECT 1 FROM healthcare.data_quality_log q WHERE q.payer = s.payer)");
      assertThat(g.tables()).containsExactlyInAnyOrder(Tables.CLAIMS_CLEAN, Tables.PROVIDER_PERFORMANCE,
          Tables.DATA_QUALITY_LOG);
    }

    @Test
    void resolvesUnqualifiedAndCatalogQualifiedNamesToTheContractTable() {
      assertThat(analyst("SELECT payer FROM claims_monthly_summary").sql())
          .isEqualTo("SELECT payer FROM healthcare_gold.claims_monthly_summary LIMIT 1000");
      assertThat(analyst("SELECT payer FROM lake.healthcare.claims_clean").sql())
          .isEqualTo("SELECT payer FROM healthcare.claims_clean LIMIT 1000");
      assertThat(analyst("SELECT `payer` FROM `healthcare`.`claims_clean`").sql())
          .isEqualTo("SELECT payer FROM healthcare.claims_clean LIMIT 1000");
    }

    @Test
    void acceptsTheConfiguredCatalogNameAndNoOther() {
      SqlGuard other = new SqlGuard(10, 10, "warehouse");
      assertThat(other.check("SELECT payer FROM warehouse.healthcare.claims_clean", Role.ANALYST, OptionalInt.empty())
          .sql()).isEqualTo("SELECT payer FROM healthcare.claims_clean LIMIT 10");
      assertThat(catchThrowableOfType(SqlRefusedException.class, () -> other.check(
          "SELECT payer FROM lake.healthcare.claims_clean", Role.ANALYST, OptionalInt.empty())).code())
          .isEqualTo(RefusalCode.UNKNOWN_TABLE);
    }

    @Test
    void aCteNamedLikeATableIsTheCteNotTheTable() {
      GuardedSql g = business("WITH claims_raw AS (SELECT payer FROM healthcare.claims_clean) SELECT payer FROM claims_raw");
      assertThat(g.tables()).containsExactly(Tables.CLAIMS_CLEAN);
      assertThat(g.sql()).contains("FROM claims_raw LIMIT");
    }

    @Test
    void aQualifiedNameIsTheTableEvenWhenACteHasItsName() {
      assertThat(refusal("WITH claims_raw AS (SELECT payer FROM healthcare.claims_clean) "
          + "SELECT payer FROM healthcare.claims_raw", Role.BUSINESS).code()).isEqualTo(RefusalCode.TABLE_NOT_ALLOWED);
    }
  }

  @Nested
  class TimeTravel {
    @Test
    void ordinaryQueriesDoNotTimeTravel() {
      assertThat(analyst("SELECT payer FROM healthcare.claims_clean").timeTravel()).isFalse();
    }

    @Test
    void versionAsOfIsFlaggedAndPrintedBeforeTheAlias() {
      GuardedSql g = analyst("SELECT c.payer FROM healthcare.claims_clean VERSION AS OF 5465776978245901532 c");
      assertThat(g.timeTravel()).isTrue();
      assertThat(g.sql()).isEqualTo(
          "SELECT c.payer FROM healthcare.claims_clean VERSION AS OF 5465776978245901532 AS c LIMIT 1000");
    }

    @Test
    void timestampAsOfIsFlagged() {
      GuardedSql g = analyst("SELECT count(*) FROM healthcare.claims_clean TIMESTAMP AS OF '2025-01-01 00:00:00'");
      assertThat(g.timeTravel()).isTrue();
      assertThat(g.sql()).contains("TIMESTAMP AS OF '2025-01-01 00:00:00'");
    }

    @Test
    void forSystemTimeAsOfIsFlagged() {
      GuardedSql g = business("SELECT count(*) FROM healthcare.claims_clean FOR SYSTEM_TIME AS OF '2025-01-01'");
      assertThat(g.timeTravel()).isTrue();
      assertThat(g.sql()).contains("TIMESTAMP AS OF '2025-01-01'");
    }

    @Test
    void timeTravelInASubqueryIsFlagged() {
      assertThat(analyst("SELECT n FROM (SELECT count(*) AS n FROM healthcare.claims_clean VERSION AS OF 7) t")
          .timeTravel()).isTrue();
    }

    @Test
    void anImpossibleTimestampIsRefused() {
      assertThat(refusal("SELECT 1 FROM healthcare.claims_clean TIMESTAMP AS OF '2025-13-45 00:00:00'", Role.ANALYST)
          .code()).isEqualTo(RefusalCode.PARSE_ERROR);
    }
  }

  @Nested
  class PersonalData {
    @Test
    void businessMayListMemberIdWhichIsMaskedByName() {
      GuardedSql g = business("SELECT member_id, billed_amount FROM healthcare.claims_clean");
      assertThat(g.maskedColumns()).contains("member_id", "patient_birth_date").doesNotContain("billed_amount");
      assertThat(g.sql()).isEqualTo("SELECT member_id, billed_amount FROM healthcare.claims_clean LIMIT 1000");
    }

    @Test
    void anAliasedPersonalColumnIsMaskedUnderItsAlias() {
      GuardedSql g = business("SELECT c.member_id AS who, c.patient_birth_date AS born FROM healthcare.claims_clean c");
      assertThat(g.maskedColumns()).contains("who", "born", "member_id", "patient_birth_date");
    }

    @Test
    void starIsMaskedByColumnName() {
      GuardedSql g = business("SELECT c.* FROM healthcare.claims_clean c");
      assertThat(g.maskedColumns()).containsExactlyInAnyOrder("member_id", "patient_birth_date");
    }

    @Test
    void businessMayCountMembersAnywhere() {
      GuardedSql g = business("WITH m AS (SELECT payer, count(DISTINCT member_id) AS members, "
          + "approx_count_distinct(patient_birth_date) AS birthdays FROM healthcare.claims_clean GROUP BY payer) "
          + "SELECT payer, members FROM m WHERE members > (SELECT count(member_id) / 100 FROM healthcare.claims_clean)");
      assertThat(g.maskedColumns()).containsExactlyInAnyOrder("member_id", "patient_birth_date");
    }

    @Test
    void businessMayUseStarInSubqueriesWithoutPersonalData() {
      GuardedSql g = business("SELECT * FROM (SELECT * FROM healthcare_gold.provider_performance) p");
      assertThat(g.tables()).containsExactly(Tables.PROVIDER_PERFORMANCE);
    }

    @Test
    void analystsAndAdminsHaveNoPersonalDataRestriction() {
      for (Role r : List.of(Role.ANALYST, Role.ADMIN)) {
        GuardedSql g = guard.check("SELECT upper(member_id), year(patient_birth_date) FROM healthcare.claims_clean "
            + "WHERE member_id = 'BCM1' GROUP BY 1, 2 ORDER BY 1", r, OptionalInt.empty());
        assertThat(g.maskedColumns()).isEmpty();
      }
    }

    @Test
    void theRefusalExplainsWhatBusinessUsersMayDo() {
      SqlRefusedException e = refusal("SELECT claim_id FROM healthcare.claims_clean WHERE member_id = 'X'", Role.BUSINESS);
      assertThat(e.code()).isEqualTo(RefusalCode.PII_NOT_ALLOWED);
      assertThat(e.getMessage()).startsWith("member_id is personal data: business users may count it")
          .contains("WHERE");
    }

    @Test
    void aLambdaVariableNamedLikeAPersonalColumnIsNotThatColumn() {
      GuardedSql g = business("SELECT transform(array(1, 2), member_id -> member_id + 1) AS xs");
      assertThat(g.sql()).contains("member_id -> member_id + 1");
    }
  }

  @Nested
  class Rewriting {
    @Test
    void commentsNeverReachTheExecutedSql() {
      GuardedSql g = analyst("SELECT payer /* ; DROP TABLE x */ FROM healthcare.claims_clean -- ; DELETE\n");
      assertThat(g.sql()).isEqualTo("SELECT payer FROM healthcare.claims_clean LIMIT 1000");
    }

    @Test
    void aStatementInsideAStringStaysAString() {
      GuardedSql g = analyst("SELECT 'x''; DROP TABLE y; --' AS s, 'a\\'; DELETE FROM z; --' AS t");
      assertThat(g.tables()).isEmpty();
      assertThat(g.sql()).isEqualTo("SELECT 'x''; DROP TABLE y; --' AS s, 'a\\'; DELETE FROM z; --' AS t LIMIT 1000");
    }

    @Test
    void doubleQuotedStringsArePrintedAsSingleQuotedStrings() {
      assertThat(analyst("SELECT count(*) FROM healthcare.claims_clean WHERE payer = \"O'Neil\"").sql())
          .isEqualTo("SELECT count(*) FROM healthcare.claims_clean WHERE payer = 'O\\'Neil' LIMIT 1000");
    }

    @Test
    void namesAndKeywordsAreNormalized() {
      GuardedSql g = analyst("select C.PAYER as `x` from HEALTHCARE.CLAIMS_CLEAN c where c.Billed_Amount::int > 5");
      assertThat(g.sql()).isEqualTo(
          "SELECT c.payer AS x FROM healthcare.claims_clean AS c WHERE CAST(c.billed_amount AS INT) > 5 LIMIT 1000");
    }

    @Test
    void keywordLikeAliasesAreBackticked() {
      assertThat(analyst("SELECT count(*) AS `order`, payer AS `Total Billed` FROM healthcare.claims_clean GROUP BY payer")
          .sql()).startsWith("SELECT count(*) AS `order`, payer AS `Total Billed` FROM");
    }

    @Test
    void operatorPrecedenceIsPreservedWithParentheses() {
      assertThat(analyst("SELECT -(-1) AS a, 1 - (2 - 3) AS b, (1 + 2) * 3 AS c, NOT (true AND false) AS d").sql())
          .isEqualTo("SELECT -(-1) AS a, 1 - (2 - 3) AS b, (1 + 2) * 3 AS c, NOT (TRUE AND FALSE) AS d LIMIT 1000");
    }

    @Test
    void aLeadingByteOrderMarkIsIgnored() {
      assertThat(analyst("\uFEFFSELECT 1 AS one").sql()).isEqualTo("SELECT 1 AS one LIMIT 1000");
    }

    @Test
    void aTrailingSemicolonIsFine() {
      assertThat(analyst("SELECT 1 AS one;").sql()).isEqualTo("SELECT 1 AS one LIMIT 1000");
    }
  }

  @Nested
  class Inputs {
    @Test
    void nullOrBlankSqlIsEmpty() {
      assertThat(refusal(null, Role.ANALYST).code()).isEqualTo(RefusalCode.EMPTY);
      assertThat(refusal(" \n\t ", Role.ANALYST).code()).isEqualTo(RefusalCode.EMPTY);
    }

    @Test
    void overlongSqlIsTooComplex() {
      String sql = "SELECT payer FROM healthcare.claims_clean WHERE payer IN ('" + "x".repeat(SqlGuard.MAX_SQL_LENGTH) + "')";
      SqlRefusedException e = refusal(sql, Role.ANALYST);
      assertThat(e.code()).isEqualTo(RefusalCode.TOO_COMPLEX);
      assertThat(e.getMessage()).contains("20000");
    }

    @Test
    void longOrChainsFromGeneratedSqlAreAccepted() {
      String sql = "SELECT count(*) FROM healthcare.claims_clean WHERE "
          + String.join(" OR ", IntStream.range(0, 300).mapToObj(i -> "provider_npi = '" + i + "'").toList());
      assertThat(analyst(sql).sql()).contains("provider_npi = '299'");
    }

    @Test
    void deeplyNestedSubqueriesAreTooComplex() {
      String sql = "SELECT payer FROM " + "(SELECT payer FROM ".repeat(15) + "healthcare.claims_clean" + ") t".repeat(15);
      assertThat(refusal(sql, Role.ANALYST).code()).isEqualTo(RefusalCode.TOO_COMPLEX);
    }

    @Test
    void theGuardCanBeSharedBetweenThreads() {
      List<String> sqls = List.of("SELECT payer FROM healthcare.claims_clean",
          "SELECT member_id FROM healthcare.claims_clean", "SELECT count(DISTINCT member_id) FROM healthcare.claims_clean");
      List<String> expected = sqls.stream().map(s -> business(s).sql()).toList();
      IntStream.range(0, 600).parallel().forEach(i -> {
        int k = i % sqls.size();
        assertThat(business(sqls.get(k)).sql()).isEqualTo(expected.get(k));
        assertThat(refusal("SELECT upper(member_id) FROM healthcare.claims_clean", Role.BUSINESS).code())
            .isEqualTo(RefusalCode.PII_NOT_ALLOWED);
      });
    }
  }
}
