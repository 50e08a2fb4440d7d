package com.medflow.lake;

import com.medflow.config.MedflowConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession MedFlow runs on. Under {@code spark-submit} the master and resources
 * come from spark-submit and only the catalog settings are added; otherwise Spark runs in local
 * mode as configured. Called from {@code main} only; the session is then passed to constructors.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(MedflowConfig config, String appName) {
    SparkConf conf = new SparkConf(true);
    boolean submitted = conf.contains("spark.master");
    if (!submitted) {
      conf.setMaster(config.spark().master());
      conf.set("spark.driver.host", "127.0.0.1");
      conf.set("spark.driver.bindAddress", "127.0.0.1");
      conf.set("spark.ui.enabled", Boolean.toString(config.spark().ui()));
      conf.set("spark.ui.showConsoleProgress", "false");
      Path local = config.home().resolve("tmp").resolve("spark");
      createDirectories(local);
      conf.set("spark.local.dir", local.toString());
    }
    if (!conf.contains("spark.app.name")) {
      conf.setAppName(appName);
    }
    if (config.catalog().isEmbedded()) {
      createDirectories(Path.of(config.catalog().uri().substring("jdbc:sqlite:".length())).toAbsolutePath().getParent());
    }
    if ("file".equals(config.catalog().warehouse().getScheme())) {
      createDirectories(Path.of(config.catalog().warehouse()));
    } else if (config.catalog().onObjectStore()) {
      checkWarehouseBucket(config);
    }
    conf.set("spark.sql.warehouse.dir", config.home().resolve("spark-warehouse").toUri().toString());
    conf.set("spark.sql.shuffle.partitions", Integer.toString(config.spark().shufflePartitions()));
    conf.set("spark.sql.session.timeZone", "UTC");
    conf.set("spark.sql.ansi.enabled", "true");
    conf.set("spark.sql.datetime.java8API.enabled", "true");
    LakeSettings.sparkCatalogConf(config).forEach(conf::set);
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }

  /** Fails fast with one line naming catalog.warehouse (missing bucket, wrong credentials, store down). */
  private static void checkWarehouseBucket(MedflowConfig config) {
    String bucket = com.medflow.objectstore.S3Location.parse(config.catalog().warehouse().toString()).bucket();
    try (com.medflow.objectstore.ObjectStore store = new com.medflow.objectstore.ObjectStore(
        com.medflow.objectstore.S3Connection.of(config.s3()))) {
      store.checkBucket(bucket, "catalog.warehouse");
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + dir, e);
    }
  }
}
