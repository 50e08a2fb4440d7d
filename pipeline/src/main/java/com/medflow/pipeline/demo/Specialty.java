package com.medflow.pipeline.demo;

/** Provider specialties of the demo data (DATA.md section 6) and how many providers each has. */
enum Specialty {
  FAMILY_MEDICINE("Family Medicine", 68),
  INTERNAL_MEDICINE("Internal Medicine", 52),
  CARDIOLOGY("Cardiology", 30),
  ENDOCRINOLOGY("Endocrinology", 18),
  PULMONOLOGY("Pulmonology", 18),
  PSYCHIATRY("Psychiatry", 26),
  ORTHOPEDIC_SURGERY("Orthopedic Surgery", 24),
  EMERGENCY_MEDICINE("Emergency Medicine", 32),
  ONCOLOGY("Oncology", 20),
  OBSTETRICS_AND_GYNECOLOGY("Obstetrics and Gynecology", 24),
  NEPHROLOGY("Nephrology", 14),
  PHYSICAL_THERAPY("Physical Therapy", 24);

  private final String label;
  private final String upperLabel;
  private final int providers;

  Specialty(String label, int providers) {
    this.label = label;
    this.upperLabel = label.toUpperCase(java.util.Locale.ROOT);
    this.providers = providers;
  }

  /** The name in capitals, as UnitedHealth writes it. */
  String upperLabel() {
    return upperLabel;
  }

  /** The name written to the files. */
  String label() {
    return label;
  }

  int providers() {
    return providers;
  }
}
