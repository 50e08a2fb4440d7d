package com.medflow.model;

/** Standard claim status of {@code claims_clean.claim_status}. */
public enum ClaimStatus {
  APPROVED, DENIED, PENDING, IN_REVIEW;

  /** Approved or denied: the denominator of approval and denial rates. */
  public boolean adjudicated() {
    return this == APPROVED || this == DENIED;
  }
}
