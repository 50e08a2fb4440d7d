package com.medflow.model;

/** What a failed quality check does to a row. */
public enum Severity {
  /** The row goes to {@code claims_quarantined}. */
  QUARANTINE,
  /** The row is kept; the failure is only logged. */
  WARN
}
