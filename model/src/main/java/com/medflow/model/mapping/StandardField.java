package com.medflow.model.mapping;

import java.util.Locale;
import java.util.Optional;

/** The claims_clean fields a payer mapping maps source columns to. */
public enum StandardField {
  CLAIM_ID(true), MEMBER_ID(true), PATIENT_BIRTH_DATE(true), PATIENT_GENDER(true), PROVIDER_NPI(true),
  PROVIDER_NAME(false), PROVIDER_SPECIALTY(false), SERVICE_DATE(true), SUBMITTED_DATE(true), PROCESSED_DATE(false),
  PRIMARY_DIAGNOSIS(true), SECONDARY_DIAGNOSIS(false), PROCEDURE_CODE(true), PLACE_OF_SERVICE(false),
  BILLED_AMOUNT(true), ALLOWED_AMOUNT(true), PAID_AMOUNT(true), CLAIM_STATUS(true), DENIAL_REASON_CODE(false),
  MEMBER_STATE(false);

  private final boolean required;

  StandardField(boolean required) {
    this.required = required;
  }

  /** Whether a mapping must name a source column for this field (diagnoses may come from a combined column). */
  public boolean required() {
    return required;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<StandardField> fromKey(String key) {
    for (StandardField f : values()) {
      if (f.key().equals(key)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
