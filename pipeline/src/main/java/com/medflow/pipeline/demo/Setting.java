package com.medflow.pipeline.demo;

import java.time.DayOfWeek;

/** Where care happens, as far as the day of the week is concerned. */
enum Setting {
  /** Offices, clinics, outpatient departments, telehealth: mostly weekdays. */
  OFFICE(1.0, 0.22, 0.06),
  /** Emergency rooms: every day, a little busier at weekends. */
  EMERGENCY(1.0, 1.1, 1.1),
  /** Hospital admissions: fewer at weekends. */
  INPATIENT(1.0, 0.75, 0.7);

  private final double weekday;
  private final double saturday;
  private final double sunday;

  Setting(double weekday, double saturday, double sunday) {
    this.weekday = weekday;
    this.saturday = saturday;
    this.sunday = sunday;
  }

  static Setting of(String placeOfService) {
    return switch (placeOfService) {
      case "23" -> EMERGENCY;
      case "21" -> INPATIENT;
      default -> OFFICE;
    };
  }

  double weight(DayOfWeek day) {
    return switch (day) {
      case SATURDAY -> saturday;
      case SUNDAY -> sunday;
      default -> weekday;
    };
  }
}
