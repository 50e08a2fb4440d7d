package com.medflow.lake.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medflow.config.MedflowConfig;
import com.medflow.lake.Lake;
import com.medflow.lake.SnapshotInfo;
import com.medflow.lake.testing.SparkTestSessions;
import com.medflow.model.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableMaintenanceTest {
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
  void compactsExpiresAndRemovesOrphansWhileTimeTravelWithinRetentionKeepsWorking() throws IOException {
    String t = lake.qualified(Tables.CLAIMS_CLEAN);
    String[] payers = {"Aetna", "BlueCross"};
    for (int i = 0; i < 6; i++) { // six commits, each a small file in one of four payer-month partitions
      spark.sql("INSERT INTO " + t + " (claim_id, payer, service_date, claim_status, batch_id) VALUES ('c" + i + "', '"
          + payers[i % 2] + "', DATE '2025-0" + (1 + i % 3 / 2) + "-1" + i + "', 'PENDING', 'b" + i + "')");
    }
    spark.sql("UPDATE " + t + " SET claim_status = 'APPROVED' WHERE claim_id = 'c1'"); // merge-on-read: a delete file
    Map<Long, Long> rowsAt = new LinkedHashMap<>();
    for (SnapshotInfo s : lake.snapshots(Tables.CLAIMS_CLEAN)) {
      rowsAt.put(s.snapshotId(), spark.sql("SELECT COUNT(*) FROM " + t + " VERSION AS OF " + s.snapshotId()).first().getLong(0));
    }
    Path data = Path.of(java.net.URI.create(lake.location(Tables.CLAIMS_CLEAN) + "/data"));
    Path oldOrphan = Files.writeString(data.resolve("left-by-a-crashed-write.parquet"), "x");
    Files.setLastModifiedTime(oldOrphan, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    Path newOrphan = Files.writeString(data.resolve("being-written-now.parquet"), "x");

    TableFigures before = TableMaintenance.figures(lake.table(Tables.CLAIMS_CLEAN));
    assertThat(before.deleteFiles()).isEqualTo(1);
    MaintenanceResult kept = new TableMaintenance(lake, new MedflowConfig.Maintenance(Duration.ofDays(7), 3,
        Duration.ofHours(24)), Clock.systemUTC()).maintain(Tables.CLAIMS_CLEAN);

    assertThat(kept.before()).isEqualTo(before);
    assertThat(kept.after().dataFiles()).isLessThan(before.dataFiles()).isEqualTo(4); // one per payer-month partition
    assertThat(kept.after().deleteFiles()).isZero();
    assertThat(kept.expiredSnapshots()).isZero();
    assertThat(kept.orphanFilesRemoved()).isEqualTo(1);
    assertThat(oldOrphan).doesNotExist();
    assertThat(newOrphan).exists();
    assertThat(spark.sql("SELECT claim_id, claim_status FROM " + t + " WHERE claim_id IN ('c1', 'c2') ORDER BY claim_id")
        .collectAsList().toString()).isEqualTo("[[c1,APPROVED], [c2,PENDING]]");
    rowsAt.forEach((id, rows) -> assertThat(spark.sql("SELECT COUNT(*) FROM " + t + " VERSION AS OF " + id).first().getLong(0))
        .as("rows at snapshot " + id).isEqualTo(rows));

    Instant later = Instant.now().plus(Duration.ofDays(8));
    MaintenanceResult expired = new TableMaintenance(lake, new MedflowConfig.Maintenance(Duration.ofDays(7), 3,
        Duration.ofHours(24)), Clock.fixed(later, ZoneOffset.UTC)).maintain(Tables.CLAIMS_CLEAN);
    assertThat(expired.after().snapshots()).isEqualTo(3);
    assertThat(expired.expiredSnapshots()).isEqualTo(kept.after().snapshots() - 3);
    assertThat(expired.after().storedFiles()).isLessThan(expired.before().storedFiles());
    assertThat(expired.after().storedBytes()).isLessThan(expired.before().storedBytes());
    List<SnapshotInfo> left = lake.snapshots(Tables.CLAIMS_CLEAN);
    for (SnapshotInfo s : left) {
      assertThat(spark.sql("SELECT COUNT(*) FROM " + t + " VERSION AS OF " + s.snapshotId()).first().getLong(0)).isEqualTo(6);
    }
    long first = rowsAt.keySet().iterator().next();
    assertThatThrownBy(() -> spark.sql("SELECT COUNT(*) FROM " + t + " VERSION AS OF " + first).first())
        .hasMessageContaining(Long.toString(first));
    assertThat(spark.sql("SELECT COUNT(*) FROM " + t).first().getLong(0)).isEqualTo(6);
  }
}
