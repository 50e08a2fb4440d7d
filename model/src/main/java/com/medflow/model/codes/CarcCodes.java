package com.medflow.model.codes;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Claim adjustment reason codes used by MedFlow, with MedFlow's own short descriptions
 * (the official X12 texts are not redistributed).
 */
public final class CarcCodes {
  private static final Map<String, String> DESCRIPTIONS = new TreeMap<>(Map.ofEntries(
      Map.entry("1", "Deductible amount"),
      Map.entry("2", "Coinsurance amount"),
      Map.entry("4", "Procedure code inconsistent with modifier"),
      Map.entry("5", "Procedure code inconsistent with place of service"),
      Map.entry("11", "Diagnosis inconsistent with procedure"),
      Map.entry("16", "Claim lacks information needed for adjudication"),
      Map.entry("18", "Exact duplicate claim or service"),
      Map.entry("22", "Care may be covered by another payer"),
      Map.entry("27", "Expenses incurred after coverage ended"),
      Map.entry("29", "Time limit for filing has expired"),
      Map.entry("31", "Patient cannot be identified as our insured"),
      Map.entry("45", "Charge exceeds fee schedule or maximum allowable"),
      Map.entry("50", "Not deemed a medical necessity"),
      Map.entry("96", "Non-covered charge"),
      Map.entry("97", "Payment included in another service already adjudicated"),
      Map.entry("109", "Claim not covered by this payer"),
      Map.entry("151", "Payment adjusted: information does not support this many services"),
      Map.entry("167", "Diagnosis is not covered"),
      Map.entry("197", "Precertification or authorization absent"),
      Map.entry("204", "Service not covered under the patient's current benefit plan"),
      Map.entry("242", "Services not provided by network or primary care providers")));

  private CarcCodes() {}

  public static Optional<String> description(String code) {
    return Optional.ofNullable(DESCRIPTIONS.get(code));
  }

  public static Map<String, String> all() {
    return java.util.Collections.unmodifiableMap(DESCRIPTIONS);
  }
}
