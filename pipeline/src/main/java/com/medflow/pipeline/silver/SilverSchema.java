package com.medflow.pipeline.silver;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/**
 * The row silver works on: lineage, every claims_clean column and the rules broken. Column names
 * of the clean part are those of claims_clean. Raw values ({@code record}, {@code raw_line}) are
 * carried only for rows that broke a rule (for quarantine); clean rows have them null.
 */
public final class SilverSchema {
  private SilverSchema() {}

  private static final DecimalType MONEY = DataTypes.createDecimalType(12, 2);

  public static final StructType STAGED = new StructType()
      .add("payer", DataTypes.StringType, false)
      .add("batch_id", DataTypes.StringType, false)
      .add("source_file", DataTypes.StringType, false)
      .add("source_line", DataTypes.LongType, false)
      .add("claim_id", DataTypes.StringType)
      .add("member_id", DataTypes.StringType)
      .add("patient_birth_date", DataTypes.DateType)
      .add("patient_age", DataTypes.IntegerType)
      .add("patient_gender", DataTypes.StringType)
      .add("provider_npi", DataTypes.StringType)
      .add("provider_name", DataTypes.StringType)
      .add("provider_specialty", DataTypes.StringType)
      .add("service_date", DataTypes.DateType)
      .add("submitted_date", DataTypes.DateType)
      .add("processed_date", DataTypes.DateType)
      .add("processing_days", DataTypes.IntegerType)
      .add("primary_diagnosis", DataTypes.StringType)
      .add("secondary_diagnosis", DataTypes.StringType)
      .add("diagnosis_category", DataTypes.StringType)
      .add("procedure_code", DataTypes.StringType)
      .add("place_of_service", DataTypes.StringType)
      .add("billed_amount", MONEY)
      .add("allowed_amount", MONEY)
      .add("paid_amount", MONEY)
      .add("claim_status", DataTypes.StringType)
      .add("denial_reason_code", DataTypes.StringType)
      .add("denial_reason", DataTypes.StringType)
      .add("member_state", DataTypes.StringType)
      .add("reasons", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("warn_denied_without_reason", DataTypes.BooleanType, false)
      .add("warn_allowed_exceeds_billed", DataTypes.BooleanType, false)
      .add("record", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true)
      .add("raw_line", DataTypes.StringType, true)
      // Roll-up payers: a line folded into the claim carried by the line at this source line (null otherwise).
      .add("rolled_into", DataTypes.LongType, true)
      // Quarantine rules this payer's mapping demoted to warnings, broken by the row.
      .add("warnings", DataTypes.createArrayType(DataTypes.StringType, false), false);

  /** A staged row that is a clean claim: no rule broken and not a line rolled into another row's claim. */
  public static org.apache.spark.sql.Column isClean() {
    return org.apache.spark.sql.functions.size(org.apache.spark.sql.functions.col("reasons")).equalTo(0)
        .and(org.apache.spark.sql.functions.col("rolled_into").isNull());
  }

  /** claims_clean columns, in contract order. */
  public static final String[] CLEAN_COLUMNS = {"claim_id", "payer", "member_id", "patient_birth_date", "patient_age",
      "patient_gender", "provider_npi", "provider_name", "provider_specialty", "service_date", "submitted_date",
      "processed_date", "processing_days", "primary_diagnosis", "secondary_diagnosis", "diagnosis_category",
      "procedure_code", "place_of_service", "billed_amount", "allowed_amount", "paid_amount", "claim_status",
      "denial_reason_code", "denial_reason", "member_state", "batch_id", "source_file", "source_line", "updated_at"};
}
