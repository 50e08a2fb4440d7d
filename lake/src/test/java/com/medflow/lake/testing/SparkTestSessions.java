package com.medflow.lake.testing;

import com.medflow.config.MedflowConfig;
import com.medflow.lake.LakeSettings;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * One local SparkContext per test JVM; each test class gets its own session whose catalog
 * points at its own temporary home, so tests never see each other's tables.
 */
public final class SparkTestSessions {
  private static SparkSession base;

  private SparkTestSessions() {}

  private static synchronized SparkSession base() {
    if (base == null) {
      var builder = SparkSession.builder();
      com.medflow.lake.SparkSessions.schedulerConf(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
          "medflow-spark-scheduler-" + ProcessHandle.current().pid())).forEach(builder::config);
      base = builder
          .master("local[4]") // as the product's default (spark.master): more task slots than cores
          .appName("medflow-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.ui.showConsoleProgress", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.default.parallelism", "2")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.sql.datetime.java8API.enabled", "true")
          .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
          .config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/medflow-spark-warehouse")
          .getOrCreate();
      base.sparkContext().setLogLevel("WARN");
    }
    return base;
  }

  /** A fresh session over the catalog of {@code config}. */
  public static SparkSession session(MedflowConfig config) {
    SparkSession s = base().newSession();
    for (Map.Entry<String, String> e : LakeSettings.sparkCatalogConf(config).entrySet()) {
      if (!e.getKey().equals("spark.sql.extensions")) {
        s.conf().set(e.getKey(), e.getValue());
      }
    }
    com.medflow.lake.SparkSessions.prepareLocalFolders(config); // as SparkSessions.create does
    return s;
  }
}
