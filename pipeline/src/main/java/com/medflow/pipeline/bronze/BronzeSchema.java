package com.medflow.pipeline.bronze;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Spark schema of {@code healthcare.claims_raw}, in contract column order. */
public final class BronzeSchema {
  private BronzeSchema() {}

  public static final StructType SCHEMA = new StructType()
      .add("payer", DataTypes.StringType, false)
      .add("source_file", DataTypes.StringType, false)
      .add("source_line", DataTypes.LongType, false)
      .add("batch_id", DataTypes.StringType, false)
      .add("ingested_at", DataTypes.TimestampType, false)
      .add("record", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), false)
      .add("raw_line", DataTypes.StringType, false)
      .add("file_sha256", DataTypes.StringType, false)
      .add("claim_key", DataTypes.StringType, true)
      .add("source_uri", DataTypes.StringType, true)
      .add("source_etag", DataTypes.StringType, true);
}
