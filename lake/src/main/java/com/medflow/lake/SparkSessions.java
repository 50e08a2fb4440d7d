package com.medflow.lake;

import com.medflow.config.MedflowConfig;
import com.medflow.objectstore.ObjectStore;
import com.medflow.objectstore.S3Connection;
import com.medflow.objectstore.S3Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
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
      com.medflow.model.OwnerOnly.directories(local); // shuffle and spill files hold claim rows
      conf.set("spark.local.dir", local.toString());
    }
    if (!conf.contains("spark.app.name")) {
      conf.setAppName(appName);
    }
    prepareLocalFolders(config);
    if (config.catalog().onObjectStore()) {
      checkWarehouseBucket(config);
    }
    schedulerConf(config.home().resolve("tmp").resolve("spark")).forEach((k, v) -> {
      if (!conf.contains(k)) {
        conf.set(k, v);
      }
    });
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
    String bucket = S3Location.parse(config.catalog().warehouse().toString()).bucket();
    try (ObjectStore store = new ObjectStore(S3Connection.of(config.s3()))) {
      store.checkBucket(bucket, "catalog.warehouse");
    }
  }

  /** The FAIR pool of pipeline jobs; interactive queries run in one pool per user ({@code user-<name>}). */
  public static final String PIPELINE_POOL = "pipeline";

  /**
   * Scheduler settings shared by every MedFlow Spark context: FAIR scheduling between pools, so one
   * user's heavy query or the pipeline cannot hold the task slots against everyone else (pools that
   * are not in the allocation file, one per user, get weight 1, as the pipeline's); a cap on what one
   * action may collect to the driver, so a huge result fails instead of exhausting the heap. The
   * allocation file is written to {@code dir}.
   */
  public static Map<String, String> schedulerConf(Path dir) {
    createDirectories(dir);
    Path file = dir.resolve("fairscheduler.xml");
    String xml = """
        <?xml version="1.0"?>
        <!-- Written by MedFlow: interactive queries run in one pool per user (created on first use with
             weight 1, minShare 0); the pipeline runs in its own pool. -->
        <allocations>
          <pool name="%s"><schedulingMode>FIFO</schedulingMode><weight>1</weight><minShare>0</minShare></pool>
          <pool name="default"><schedulingMode>FAIR</schedulingMode><weight>1</weight><minShare>0</minShare></pool>
        </allocations>
        """.formatted(PIPELINE_POOL);
    try {
      if (!Files.exists(file) || !Files.readString(file).equals(xml)) {
        Path tmp = Files.createTempFile(dir, "fairscheduler", ".xml");
        Files.writeString(tmp, xml);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
    return Map.of(
        "spark.scheduler.mode", "FAIR",
        "spark.scheduler.allocation.file", file.toUri().toString(),
        "spark.driver.maxResultSize", "256m");
  }

  /**
   * The local folders and files of the lake, owner-only where they are created here: the home, the embedded
   * catalog database (mode 600) and a file:// warehouse folder (mode 700; the table folders Iceberg makes below it
   * are then out of other users' reach whatever their own modes).
   */
  public static void prepareLocalFolders(com.medflow.config.MedflowConfig config) {
    com.medflow.model.OwnerOnly.directories(config.home());
    if (config.catalog().isEmbedded()) {
      com.medflow.model.OwnerOnly.file(Path.of(config.catalog().uri().substring("jdbc:sqlite:".length()))
          .toAbsolutePath());
    }
    if ("file".equals(config.catalog().warehouse().getScheme())) {
      com.medflow.model.OwnerOnly.directories(Path.of(config.catalog().warehouse()));
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
