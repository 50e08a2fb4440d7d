package com.medflow.model.rules;

import java.util.List;

/** diagnosis_category from the primary ICD-10-CM code, by the ranges of DATA.md section 3. */
public final class DiagnosisCategory {
  public static final String OTHER = "Other";

  /** A category and the inclusive range of three-character ICD-10-CM categories it covers. */
  public record Range(String first, String last, String category) {
    boolean covers(String threeChar) {
      return threeChar.compareTo(first) >= 0 && threeChar.compareTo(last) <= 0;
    }
  }

  public static final List<Range> RANGES = List.of(
      new Range("E08", "E13", "Diabetes"),
      new Range("I10", "I16", "Hypertension"),
      new Range("I20", "I25", "Ischemic Heart Disease"),
      new Range("I50", "I50", "Heart Failure"),
      new Range("J44", "J44", "COPD"),
      new Range("J45", "J45", "Asthma"),
      new Range("J00", "J06", "Upper Respiratory Infection"),
      new Range("F32", "F33", "Depression"),
      new Range("F41", "F41", "Anxiety"),
      new Range("M54", "M54", "Back Pain"),
      new Range("M17", "M17", "Osteoarthritis of Knee"),
      new Range("N18", "N18", "Chronic Kidney Disease"),
      new Range("C00", "D49", "Neoplasm"),
      new Range("O00", "O9A", "Pregnancy"),
      new Range("S00", "T88", "Injury"),
      new Range("Z00", "Z13", "Preventive Care"));

  private DiagnosisCategory() {}

  /** Category of a code in either form ({@code E11.9} or {@code E119}); {@code Other} when no range covers it. */
  public static String of(String icd10) {
    if (icd10 == null || icd10.length() < 3) {
      return OTHER;
    }
    String head = icd10.substring(0, 3).toUpperCase(java.util.Locale.ROOT);
    for (Range r : RANGES) {
      if (r.covers(head)) {
        return r.category();
      }
    }
    return OTHER;
  }

  public static List<String> names() {
    java.util.List<String> names = new java.util.ArrayList<>(RANGES.stream().map(Range::category).toList());
    names.add(OTHER);
    return List.copyOf(names);
  }
}
