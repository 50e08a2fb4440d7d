package com.medflow.lake;

import com.medflow.config.MedflowConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spark configuration for the Iceberg catalog described by {@link MedflowConfig.Catalog}; an
 * {@code s3://} warehouse adds the S3FileIO settings (endpoint, path style, region, credentials).
 */
public final class LakeSettings {
  private LakeSettings() {}

  /** {@code spark.sql.catalog.<name>.*} and related keys; the same map works for a local session and spark-submit. */
  public static Map<String, String> sparkCatalogConf(MedflowConfig config) {
    MedflowConfig.Catalog c = config.catalog();
    String prefix = "spark.sql.catalog." + c.name();
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions");
    conf.put(prefix, "org.apache.iceberg.spark.SparkCatalog");
    conf.put(prefix + ".type", "jdbc");
    conf.put(prefix + ".uri", c.uri());
    c.user().ifPresent(u -> conf.put(prefix + ".jdbc.user", u));
    c.password().ifPresent(p -> conf.put(prefix + ".jdbc.password", p));
    conf.put(prefix + ".jdbc.schema-version", "V1");
    conf.put(prefix + ".warehouse", c.warehouse().toString());
    if (c.onObjectStore()) {
      // Every table file through Iceberg's S3FileIO (AWS SDK v2): no Hadoop S3 connector involved.
      com.medflow.objectstore.S3Connection.of(config.s3()).icebergProperties()
          .forEach((k, v) -> conf.put(prefix + "." + k, v));
    }
    // Readers in other processes (the server) must see new snapshots at once: no catalog-side table cache.
    conf.put(prefix + ".cache-enabled", "false");
    conf.put("spark.sql.defaultCatalog", c.name());
    return conf;
  }
}
