package com.medflow.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medflow.config.MedflowConfig;
import com.medflow.lake.testing.SparkTestSessions;
import com.medflow.model.TableSpec;
import com.medflow.model.Tables;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeTest {
  @TempDir
  static Path home;
  static Lake lake;
  static SparkSession spark;

  @BeforeAll
  static void createTables() {
    MedflowConfig config = MedflowConfig.forHome(home, Map.of());
    spark = SparkTestSessions.session(config);
    lake = new Lake(spark, config.catalog().name());
    lake.createTables();
  }

  @Test
  void createsEveryContractTableWithTheContractSchema() {
    for (TableSpec spec : Tables.ALL) {
      assertThat(lake.schemaProblems(spec)).as(spec.id().toString()).isEmpty();
    }
  }

  @Test
  void createTablesIsIdempotent() {
    lake.createTables();
    assertThat(lake.exists(Tables.CLAIMS_CLEAN)).isTrue();
  }

  @Test
  void branchWritesAreInvisibleUntilPublished() {
    var id = Tables.DATA_QUALITY_LOG;
    spark.sql("INSERT INTO " + lake.qualified(id) + " VALUES ('b0', TIMESTAMP '2025-01-01 00:00:00', 'Aetna', 'silver',"
        + " 'MISSING_CLAIM_ID', 'QUARANTINE', 10, 0, 0.0, 0.1, true, 'r0', NULL)");
    long before = lake.currentSnapshotId(id).orElseThrow();
    lake.createBranch(id, "audit_t1");
    spark.sql("MERGE INTO " + lake.qualified(id, "audit_t1") + " t USING (SELECT 'b1' AS batch_id) s"
        + " ON t.batch_id = s.batch_id WHEN NOT MATCHED THEN INSERT (batch_id, run_at, payer, layer, check_name, severity,"
        + " rows_checked, rows_failed, failure_rate, threshold, passed, run_id) VALUES (s.batch_id, TIMESTAMP '2025-01-02 00:00:00',"
        + " 'Aetna', 'silver', 'MISSING_CLAIM_ID', 'QUARANTINE', 5, 1, 0.2, 0.1, false, 'r1')");

    assertThat(spark.table(lake.qualified(id)).count()).isEqualTo(1);
    assertThat(spark.table(lake.qualified(id, "audit_t1")).count()).isEqualTo(2);
    assertThat(lake.currentSnapshotId(id)).contains(before);

    lake.fastForward(id, "audit_t1");
    lake.dropBranch(id, "audit_t1");
    assertThat(spark.table(lake.qualified(id)).count()).isEqualTo(2);
    assertThat(lake.branches(id)).isEmpty();
    assertThat(lake.snapshots(id)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(lake.rowCount(id)).isEqualTo(2);
  }

  @Test
  void publishingFailsWhenMainMovedSinceTheBranchWasMade() {
    var id = Tables.CLAIMS_QUARANTINED;
    lake.createBranch(id, "audit_t2");
    spark.sql("INSERT INTO " + lake.qualified(id, "audit_t2") + " (payer, batch_id) VALUES ('Aetna', 'x')");
    spark.sql("INSERT INTO " + lake.qualified(id) + " (payer, batch_id) VALUES ('Aetna', 'y')");
    assertThatThrownBy(() -> lake.fastForward(id, "audit_t2")).isInstanceOf(LakeException.class)
        .hasMessageContaining("audit_t2");
  }
}
