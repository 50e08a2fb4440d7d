package com.medflow.pipeline.demo;

/** Relative visit volume by month (January first). */
enum Season {
  FLAT(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
  /** Colds, sore throats, sinusitis: winter peak. */
  RESPIRATORY(1.8, 1.7, 1.35, 1.0, 0.75, 0.55, 0.5, 0.55, 0.85, 1.05, 1.35, 1.75),
  /** Influenza: a sharp December to February peak. */
  FLU(3.0, 2.4, 1.3, 0.5, 0.2, 0.1, 0.1, 0.15, 0.3, 0.7, 1.6, 2.8),
  /** Flu shots: September to November. */
  FLU_SHOT(0.3, 0.15, 0.05, 0.03, 0.03, 0.03, 0.05, 0.5, 3.0, 3.5, 1.8, 0.6),
  /** COPD exacerbations. */
  WINTER(1.4, 1.35, 1.15, 1.0, 0.85, 0.75, 0.75, 0.8, 0.9, 1.0, 1.15, 1.35),
  WINTER_MILD(1.15, 1.1, 1.05, 1.0, 0.95, 0.9, 0.9, 0.92, 0.97, 1.0, 1.05, 1.12),
  CARDIAC(1.18, 1.12, 1.05, 1.0, 0.95, 0.9, 0.9, 0.9, 0.95, 1.0, 1.05, 1.15),
  /** Asthma: spring pollen and the September back-to-school peak. */
  ALLERGY(0.85, 0.9, 1.15, 1.35, 1.25, 0.9, 0.8, 0.9, 1.3, 1.2, 0.95, 0.85),
  /** Injuries: summer sports and travel. */
  SUMMER(0.85, 0.85, 0.95, 1.05, 1.15, 1.25, 1.3, 1.2, 1.05, 1.0, 0.85, 0.9),
  /** Check-ups: back-to-school in August, deductibles met by December. */
  PREVENTIVE(1.15, 1.0, 1.0, 0.9, 0.9, 0.85, 0.95, 1.3, 1.1, 1.05, 1.05, 1.25);

  private final double[] months;

  Season(double... months) {
    this.months = months;
  }

  /** Weight of a month, 1 to 12. */
  double month(int month) {
    return months[month - 1];
  }
}
