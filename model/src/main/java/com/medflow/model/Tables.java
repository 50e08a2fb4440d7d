package com.medflow.model;

import java.util.List;
import java.util.Optional;

/** The tables of DATA.md, as code. Names, types and meanings are the contract; columns may be added. */
public final class Tables {
  private Tables() {}

  public static final String SILVER_NAMESPACE = "healthcare";
  public static final String GOLD_NAMESPACE = "healthcare_gold";

  public static final TableId CLAIMS_RAW = new TableId(SILVER_NAMESPACE, "claims_raw");
  public static final TableId CLAIMS_CLEAN = new TableId(SILVER_NAMESPACE, "claims_clean");
  public static final TableId CLAIMS_QUARANTINED = new TableId(SILVER_NAMESPACE, "claims_quarantined");
  public static final TableId DATA_QUALITY_LOG = new TableId(SILVER_NAMESPACE, "data_quality_log");
  public static final TableId MONTHLY_SUMMARY = new TableId(GOLD_NAMESPACE, "claims_monthly_summary");
  public static final TableId APPROVAL_FUNNEL = new TableId(GOLD_NAMESPACE, "claims_approval_funnel");
  public static final TableId PROVIDER_PERFORMANCE = new TableId(GOLD_NAMESPACE, "provider_performance");

  private static ColumnSpec c(String name, String type, String description) {
    return new ColumnSpec(name, type, false, description);
  }

  private static ColumnSpec pii(String name, String type, String description) {
    return new ColumnSpec(name, type, true, description);
  }

  private static final String MONEY = "decimal(12,2)";
  private static final String MONEY_SUM = "decimal(18,2)";

  public static final TableSpec CLAIMS_RAW_SPEC = new TableSpec(CLAIMS_RAW, TableSpec.Layer.BRONZE,
      "Bronze: one row per data line of every source file, malformed lines included, values exactly as read.",
      List.of(
          c("payer", "string", "Payer whose file the line came from"),
          c("source_file", "string", "File the line was read from"),
          c("source_line", "bigint", "1-based line number in the file"),
          c("batch_id", "string", "Batch the file belongs to"),
          c("ingested_at", "timestamp", "When the line was ingested"),
          c("record", "map<string,string>", "Source column name to raw text; empty when the line could not be split"),
          c("raw_line", "string", "The line exactly as read"),
          c("file_sha256", "string", "SHA-256 of the whole file; a file already ingested is skipped"),
          c("claim_key", "string", "Claim id as read (trimmed), so duplicates in a batch are found without parsing the record"),
          c("source_uri", "string", "Full location the line was read from: s3://bucket/key or file:/path"),
          c("source_etag", "string", "S3 ETag of the object when it was read (null for files); an object is never ingested twice")),
      List.of("payer", "batch_id"));

  public static final TableSpec CLAIMS_CLEAN_SPEC = new TableSpec(CLAIMS_CLEAN, TableSpec.Layer.SILVER,
      "Silver: one row per claim (payer, claim_id unique), standardized and validated; a later batch replaces the row.",
      List.of(
          c("claim_id", "string", "Claim identifier as sent by the payer"),
          c("payer", "string", "Payer: BlueCross, Aetna or UnitedHealth"),
          pii("member_id", "string", "Member (patient) identifier; PII"),
          pii("patient_birth_date", "date", "Patient date of birth; PII"),
          c("patient_age", "int", "Patient age in whole years at service_date"),
          c("patient_gender", "string", "M, F or U"),
          c("provider_npi", "string", "Rendering provider NPI, 10 digits"),
          c("provider_name", "string", "Provider name"),
          c("provider_specialty", "string", "Provider specialty"),
          c("service_date", "date", "Date of service"),
          c("submitted_date", "date", "Date the claim was submitted (received)"),
          c("processed_date", "date", "Date the claim was adjudicated; null while pending or in review"),
          c("processing_days", "int", "processed_date minus submitted_date in days; null if not processed"),
          c("primary_diagnosis", "string", "Primary ICD-10-CM code, upper case with dot (E11.9)"),
          c("secondary_diagnosis", "string", "Secondary ICD-10-CM code, nullable"),
          c("diagnosis_category", "string", "Category of the primary diagnosis (Diabetes, Hypertension, ...)"),
          c("procedure_code", "string", "CPT or HCPCS procedure code"),
          c("place_of_service", "string", "CMS place-of-service code, two digits (11 office, 23 emergency room)"),
          c("billed_amount", MONEY, "Amount the provider charged (the claim amount)"),
          c("allowed_amount", MONEY, "Amount allowed by the payer"),
          c("paid_amount", MONEY, "Amount paid by the payer"),
          c("claim_status", "string", "APPROVED, DENIED, PENDING or IN_REVIEW (appeal)"),
          c("denial_reason_code", "string", "Bare CARC code (50), null unless denied"),
          c("denial_reason", "string", "CARC description, null unless denied"),
          c("member_state", "string", "Member's US state, two letters"),
          c("batch_id", "string", "Batch that last wrote the row"),
          c("source_file", "string", "File that last wrote the row"),
          c("source_line", "bigint", "Line in source_file"),
          c("updated_at", "timestamp", "When the pipeline last wrote the row")),
      List.of("payer", "month(service_date)"));

  public static final TableSpec CLAIMS_QUARANTINED_SPEC = new TableSpec(CLAIMS_QUARANTINED, TableSpec.Layer.SILVER,
      "Every bronze row that did not become a clean claim, with every rule it broke.",
      List.of(
          c("payer", "string", "Payer whose file the line came from"),
          c("source_file", "string", "File the line was read from"),
          c("source_line", "bigint", "1-based line number in the file"),
          c("batch_id", "string", "Batch of the file"),
          c("quarantined_at", "timestamp", "When the row was quarantined"),
          c("reasons", "array<string>", "Every quarantine code the row broke"),
          c("claim_id", "string", "Claim id as read, if any"),
          pii("record", "map<string,string>", "All raw values: source column name to raw text"),
          pii("raw_line", "string", "The line exactly as read"),
          c("run_id", "string", "Pipeline run that quarantined the row")),
      List.of("payer"));

  public static final TableSpec DATA_QUALITY_LOG_SPEC = new TableSpec(DATA_QUALITY_LOG, TableSpec.Layer.SILVER,
      "One row per quality check per payer per batch.",
      List.of(
          c("batch_id", "string", "Batch checked"),
          c("run_at", "timestamp", "When the check ran"),
          c("payer", "string", "Payer checked"),
          c("layer", "string", "bronze, silver, gate or gold"),
          c("check_name", "string", "Quarantine code, warn check, or verification name"),
          c("severity", "string", "QUARANTINE or WARN"),
          c("rows_checked", "bigint", "Rows the check looked at"),
          c("rows_failed", "bigint", "Rows that failed it"),
          c("failure_rate", "double", "rows_failed / rows_checked"),
          c("threshold", "double", "Failure rate above which the check fails"),
          c("passed", "boolean", "Whether failure_rate is within threshold"),
          c("run_id", "string", "Pipeline run that ran the check"),
          c("detail", "string", "For a check about a landing file (FILE_REFUSED, FILE_HELD): the file and why; else null")),
      List.of());

  public static final TableSpec MONTHLY_SUMMARY_SPEC = new TableSpec(MONTHLY_SUMMARY, TableSpec.Layer.GOLD,
      "Gold: claims per service month and payer with counts, money, rates and processing time.",
      List.of(
          c("service_month", "date", "First day of the month of service_date"),
          c("payer", "string", "Payer"),
          c("claim_count", "bigint", "Claims"),
          c("approved_count", "bigint", "Approved claims"),
          c("denied_count", "bigint", "Denied claims"),
          c("pending_count", "bigint", "Pending claims"),
          c("in_review_count", "bigint", "Claims in review (appealed)"),
          c("total_billed_amount", MONEY_SUM, "Sum of billed amounts"),
          c("total_allowed_amount", MONEY_SUM, "Sum of allowed amounts"),
          c("total_paid_amount", MONEY_SUM, "Sum of paid amounts"),
          c("avg_billed_amount", MONEY, "total_billed_amount / claim_count"),
          c("avg_paid_amount", MONEY, "total_paid_amount / claim_count"),
          c("approval_rate", "double", "approved / adjudicated (approved + denied); null when none adjudicated"),
          c("denial_rate", "double", "denied / adjudicated (approved + denied); null when none adjudicated"),
          c("avg_processing_days", "double", "Mean processing_days over adjudicated claims"),
          c("unique_members", "bigint", "Distinct members"),
          c("unique_providers", "bigint", "Distinct provider NPIs")),
      List.of());

  public static final TableSpec APPROVAL_FUNNEL_SPEC = new TableSpec(APPROVAL_FUNNEL, TableSpec.Layer.GOLD,
      "Gold: claim funnel per service month and payer: SUBMITTED, ADJUDICATED, APPROVED, PAID.",
      List.of(
          c("service_month", "date", "First day of the month of service_date"),
          c("payer", "string", "Payer"),
          c("stage", "string", "SUBMITTED (all), ADJUDICATED, APPROVED, PAID (approved with paid_amount > 0)"),
          c("stage_order", "int", "1 to 4"),
          c("claim_count", "bigint", "Claims at this stage"),
          c("pct_of_submitted", "double", "claim_count / submitted claims"),
          c("pct_of_previous", "double", "claim_count / previous stage's claim_count; 1.0 for SUBMITTED")),
      List.of());

  public static final TableSpec PROVIDER_PERFORMANCE_SPEC = new TableSpec(PROVIDER_PERFORMANCE, TableSpec.Layer.GOLD,
      "Gold: per provider and payer volume, money, rates and processing time.",
      List.of(
          c("provider_npi", "string", "Provider NPI"),
          c("provider_name", "string", "Provider name (latest seen)"),
          c("provider_specialty", "string", "Provider specialty (latest seen)"),
          c("payer", "string", "Payer"),
          c("claim_count", "bigint", "Claims"),
          c("approved_count", "bigint", "Approved claims"),
          c("denied_count", "bigint", "Denied claims"),
          c("total_billed_amount", MONEY_SUM, "Sum of billed amounts"),
          c("total_paid_amount", MONEY_SUM, "Sum of paid amounts"),
          c("avg_billed_amount", MONEY, "total_billed_amount / claim_count"),
          c("avg_paid_amount", MONEY, "total_paid_amount / claim_count"),
          c("approval_rate", "double", "approved / adjudicated; null when none adjudicated"),
          c("denial_rate", "double", "denied / adjudicated; null when none adjudicated"),
          c("avg_processing_days", "double", "Mean processing_days over adjudicated claims"),
          c("unique_members", "bigint", "Distinct members"),
          c("first_service_date", "date", "Earliest service_date"),
          c("last_service_date", "date", "Latest service_date")),
      List.of());

  public static final List<TableSpec> ALL = List.of(CLAIMS_RAW_SPEC, CLAIMS_CLEAN_SPEC, CLAIMS_QUARANTINED_SPEC,
      DATA_QUALITY_LOG_SPEC, MONTHLY_SUMMARY_SPEC, APPROVAL_FUNNEL_SPEC, PROVIDER_PERFORMANCE_SPEC);

  public static final List<TableSpec> GOLD = List.of(MONTHLY_SUMMARY_SPEC, APPROVAL_FUNNEL_SPEC,
      PROVIDER_PERFORMANCE_SPEC);

  public static Optional<TableSpec> spec(TableId id) {
    return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
