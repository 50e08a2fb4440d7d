package com.medflow.pipeline.demo;

/**
 * The diagnosis categories of DATA.md section 3 as the generator uses them: label (equal to
 * {@code DiagnosisCategory}'s), visit seasonality, how much more often claims are denied, and for chronic
 * conditions the code written when the condition is a secondary diagnosis.
 */
enum Category {
  DIABETES("Diabetes", Season.FLAT, 1.0, "E119"),
  HYPERTENSION("Hypertension", Season.FLAT, 0.9, "I10"),
  ISCHEMIC_HEART_DISEASE("Ischemic Heart Disease", Season.CARDIAC, 1.1, "I2510"),
  HEART_FAILURE("Heart Failure", Season.CARDIAC, 1.0, "I509"),
  COPD("COPD", Season.WINTER, 1.0, "J449"),
  ASTHMA("Asthma", Season.ALLERGY, 0.9, "J45909"),
  UPPER_RESPIRATORY_INFECTION("Upper Respiratory Infection", Season.RESPIRATORY, 0.8, null),
  DEPRESSION("Depression", Season.WINTER_MILD, 1.25, "F329"),
  ANXIETY("Anxiety", Season.FLAT, 1.25, "F411"),
  BACK_PAIN("Back Pain", Season.FLAT, 1.35, "M5450"),
  OSTEOARTHRITIS_OF_KNEE("Osteoarthritis of Knee", Season.FLAT, 1.2, "M179"),
  CHRONIC_KIDNEY_DISEASE("Chronic Kidney Disease", Season.FLAT, 1.0, "N1830"),
  NEOPLASM("Neoplasm", Season.FLAT, 1.3, "C3490"),
  PREGNANCY("Pregnancy", Season.FLAT, 0.7, null),
  INJURY("Injury", Season.SUMMER, 1.0, null),
  PREVENTIVE_CARE("Preventive Care", Season.PREVENTIVE, 0.55, null),
  OTHER("Other", Season.WINTER_MILD, 1.0, null);

  private final String label;
  private final Season season;
  private final double denialFactor;
  private final String comorbidityCode;

  Category(String label, Season season, double denialFactor, String comorbidityCode) {
    this.label = label;
    this.season = season;
    this.denialFactor = denialFactor;
    this.comorbidityCode = comorbidityCode;
  }

  String label() {
    return label;
  }

  Season season() {
    return season;
  }

  double denialFactor() {
    return denialFactor;
  }

  /** Whether members carry this condition over time (it drives repeat visits and secondary diagnoses). */
  boolean chronic() {
    return comorbidityCode != null;
  }

  /** Undotted ICD-10-CM code written when a member's condition is a secondary diagnosis. */
  String comorbidityCode() {
    return comorbidityCode;
  }

  int bit() {
    return 1 << ordinal();
  }
}
