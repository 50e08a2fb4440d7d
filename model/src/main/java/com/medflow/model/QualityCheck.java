package com.medflow.model;

/** Every row-level rule of DATA.md section 4; the enum name is the code written to tables. */
public enum QualityCheck {
  MALFORMED_ROW(Severity.QUARANTINE, "wrong field count or broken quoting"),
  MISSING_CLAIM_ID(Severity.QUARANTINE, "claim id is empty"),
  MISSING_MEMBER_ID(Severity.QUARANTINE, "member id is empty"),
  DUPLICATE_CLAIM_ID(Severity.QUARANTINE, "same payer and claim id earlier in the same batch"),
  INVALID_DATE(Severity.QUARANTINE, "a date is unparseable, in the future or before 1900"),
  INVALID_DATE_ORDER(Severity.QUARANTINE, "submitted before service, or processed before submitted"),
  INVALID_NPI(Severity.QUARANTINE, "NPI is not 10 digits or fails the Luhn check with prefix 80840"),
  INVALID_DIAGNOSIS(Severity.QUARANTINE, "diagnosis is not an ICD-10-CM code"),
  INVALID_PROCEDURE(Severity.QUARANTINE, "procedure is neither CPT nor HCPCS Level II"),
  INVALID_AMOUNT(Severity.QUARANTINE, "amount is unparseable, negative, or paid exceeds billed"),
  INVALID_STATUS(Severity.QUARANTINE, "status code is not one the payer mapping knows"),
  INVALID_GENDER(Severity.QUARANTINE, "gender code is not one the payer mapping knows"),
  INVALID_ENCODING(Severity.QUARANTINE, "the line is not valid UTF-8 (its bad bytes read as U+FFFD)"),
  FIELD_TOO_LONG(Severity.QUARANTINE, "a field is longer than quality.max-field-length characters"),
  DENIED_WITHOUT_REASON(Severity.WARN, "claim is denied but carries no denial reason"),
  ALLOWED_EXCEEDS_BILLED(Severity.WARN, "allowed amount is greater than billed amount");

  private final Severity severity;
  private final String description;

  QualityCheck(Severity severity, String description) {
    this.severity = severity;
    this.description = description;
  }

  public Severity severity() {
    return severity;
  }

  public String description() {
    return description;
  }

  /**
   * Whether the check is about the bytes of a landing file (encoding, field length) rather than a claim's
   * values; the demo generator does not inject these (its files are valid UTF-8 with short fields).
   */
  public boolean fileHazard() {
    return this == INVALID_ENCODING || this == FIELD_TOO_LONG;
  }
}
