package com.medflow.lake;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.config.MedflowConfig;
import com.medflow.lake.testing.SparkTestSessions;
import com.medflow.model.Tables;
import com.medflow.objectstore.ObjectInfo;
import com.medflow.objectstore.ObjectStore;
import com.medflow.objectstore.S3Location;
import com.medflow.objectstore.testing.S3TestServer;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Iceberg tables whose every file is on S3 (S3FileIO against a real S3Proxy): writes, snapshots, time travel, WAP. */
class S3WarehouseTest {
  @Test
  void tablesLiveOnS3WithSnapshotsTimeTravelAndBranches(@TempDir Path home) {
    S3TestServer s3 = S3TestServer.get();
    String bucket = s3.newBucket();
    MedflowConfig config = MedflowConfig.forHome(home, s3.overrides(bucket));
    SparkSession spark = SparkTestSessions.session(config);
    Lake lake = new Lake(spark, config.catalog().name());
    lake.createTables();
    var id = Tables.DATA_QUALITY_LOG;
    assertThat(lake.location(id)).isEqualTo("s3://" + bucket + "/warehouse/healthcare/data_quality_log");

    spark.sql("INSERT INTO " + lake.qualified(id) + " VALUES ('b0', TIMESTAMP '2025-01-01 00:00:00', 'Aetna', 'silver',"
        + " 'MISSING_CLAIM_ID', 'QUARANTINE', 10, 0, 0.0, 0.1, true, 'r0', NULL)");
    long first = lake.currentSnapshotId(id).orElseThrow();
    lake.createBranch(id, "wap_t1");
    spark.sql("INSERT INTO " + lake.qualified(id, "wap_t1") + " VALUES ('b1', TIMESTAMP '2025-01-02 00:00:00', 'Aetna',"
        + " 'silver', 'MISSING_CLAIM_ID', 'QUARANTINE', 5, 1, 0.2, 0.1, false, 'r1', NULL)");
    assertThat(spark.table(lake.qualified(id)).count()).as("main before publish").isEqualTo(1);
    lake.fastForward(id, "wap_t1");
    lake.dropBranch(id, "wap_t1");
    assertThat(spark.table(lake.qualified(id)).count()).isEqualTo(2);
    assertThat(spark.sql("SELECT count(*) FROM " + lake.qualified(id) + " VERSION AS OF " + first).first().getLong(0))
        .isEqualTo(1);

    try (ObjectStore store = new ObjectStore(s3.connection())) {
      List<ObjectInfo> files = store.list(new S3Location(bucket, "warehouse/healthcare/data_quality_log/"), true);
      assertThat(files).extracting(f -> f.location().key())
          .anyMatch(k -> k.contains("/metadata/") && k.endsWith(".metadata.json"))
          .anyMatch(k -> k.contains("/data/") && k.endsWith(".parquet"));
    }
    assertThat(home.resolve("warehouse")).doesNotExist();
  }
}
