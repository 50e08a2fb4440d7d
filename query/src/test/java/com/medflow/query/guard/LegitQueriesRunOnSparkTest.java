package com.medflow.query.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.medflow.config.MedflowConfig;
import com.medflow.lake.Lake;
import com.medflow.lake.SnapshotInfo;
import com.medflow.lake.testing.SparkTestSessions;
import com.medflow.model.ColumnSpec;
import com.medflow.model.Role;
import com.medflow.model.TableSpec;
import com.medflow.model.Tables;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every legitimate query of {@code guard/legit.sql} is accepted, and the SQL the guard prints runs
 * on Spark against the contract tables: JSqlParser's view of the query and Spark's agree.
 */
class LegitQueriesRunOnSparkTest {
  @TempDir
  static Path home;
  static SparkSession spark;
  static long snapshotId;
  static String snapshotTimestamp;
  static final SqlGuard GUARD = new SqlGuard(1_000, 10_000);

  @BeforeAll
  static void createTablesWithOneSnapshot() {
    MedflowConfig config = MedflowConfig.forHome(home, Map.of());
    spark = SparkTestSessions.session(config);
    Lake lake = new Lake(spark, config.catalog().name());
    lake.createTables();
    spark.sql("INSERT INTO " + lake.qualified(Tables.CLAIMS_CLEAN) + " (claim_id, payer, member_id, service_date,"
        + " billed_amount, paid_amount, claim_status) VALUES ('C1', 'Aetna', 'M1', DATE '2025-01-07', 100.00, 80.00,"
        + " 'APPROVED')");
    snapshotId = lake.currentSnapshotId(Tables.CLAIMS_CLEAN).orElseThrow();
    SnapshotInfo last = lake.snapshots(Tables.CLAIMS_CLEAN).get(lake.snapshots(Tables.CLAIMS_CLEAN).size() - 1);
    Instant after = last.committedAt().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    while (Instant.now().isBefore(after.plusMillis(200))) {
      Thread.onSpinWait();
    }
    snapshotTimestamp = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(after);
  }

  static String substitute(String sql) {
    return sql.replace("${snapshot_id}", Long.toString(snapshotId)).replace("${snapshot_ts}", snapshotTimestamp);
  }

  @Test
  void theCorpusHasAtLeastFortyQueries() {
    assertThat(GuardCorpus.load("/guard/legit.sql")).hasSizeGreaterThanOrEqualTo(40);
  }

  @TestFactory
  Stream<DynamicTest> everyLegitimateQueryIsAcceptedAndRunsOnSpark() {
    return GuardCorpus.load("/guard/legit.sql").stream().map(e -> DynamicTest.dynamicTest(e.toString(), () -> {
      Role role = GuardCorpus.role(e.field(0));
      String sql = substitute(e.sql());
      GuardedSql guarded = GUARD.check(sql, role, OptionalInt.empty());
      assertThatCode(() -> spark.sql(guarded.sql()).collectAsList())
          .as("printed SQL runs on Spark: %s", guarded.sql()).doesNotThrowAnyException();
      GuardedSql again = GUARD.check(guarded.sql(), role, OptionalInt.empty());
      assertThat(again.sql()).as("printing is stable").isEqualTo(guarded.sql());
      assertThat(again.tables()).isEqualTo(guarded.tables());
    }));
  }

  @Test
  void timeTravelQueriesAreFlaggedAndReadTheSnapshot() {
    GuardedSql g = GUARD.check("SELECT count(*) AS n FROM healthcare.claims_clean VERSION AS OF " + snapshotId,
        Role.ANALYST, OptionalInt.empty());
    assertThat(g.timeTravel()).isTrue();
    assertThat(spark.sql(g.sql()).collectAsList().get(0).getLong(0)).isEqualTo(1L);
  }

  @Test
  void analystsCanSelectEveryContractColumnByName() {
    List<String> failures = new ArrayList<>();
    for (TableSpec t : Tables.ALL) {
      for (ColumnSpec c : t.columns()) {
        String sql = "SELECT " + c.name() + " FROM " + t.id() + " WHERE " + c.name() + " IS NOT NULL";
        try {
          spark.sql(GUARD.check(sql, Role.ANALYST, OptionalInt.empty()).sql()).collectAsList();
        } catch (RuntimeException ex) {
          failures.add(sql + " -> " + ex.getMessage());
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void maskedOutputColumnsAreNamedAsSparkNamesThem() {
    GuardedSql g = GUARD.check("SELECT c.member_id AS Member, patient_birth_date, payer FROM healthcare.claims_clean c",
        Role.BUSINESS, OptionalInt.empty());
    List<String> names = List.of(spark.sql(g.sql()).columns());
    assertThat(names).containsExactly("Member", "patient_birth_date", "payer");
    assertThat(g.maskedColumns()).contains("Member", "patient_birth_date").doesNotContain("payer");
  }
}
