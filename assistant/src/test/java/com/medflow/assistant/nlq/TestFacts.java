package com.medflow.assistant.nlq;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Data facts like the demo data's, for parser tests without Spark. */
final class TestFacts {
  private TestFacts() {}

  static final DataFacts FACTS = new DataFacts(Map.of(
      "payer", List.of("Aetna", "BlueCross", "UnitedHealth"),
      "diagnosis_category", List.of("Diabetes", "Hypertension", "Ischemic Heart Disease", "Heart Failure", "COPD",
          "Asthma", "Upper Respiratory Infection", "Depression", "Anxiety", "Back Pain", "Osteoarthritis of Knee",
          "Chronic Kidney Disease", "Neoplasm", "Pregnancy", "Injury", "Preventive Care", "Other"),
      "provider_specialty", List.of("Cardiology", "Family Medicine", "Internal Medicine", "Endocrinology", "Pulmonology",
          "Psychiatry", "Orthopedic Surgery", "Emergency Medicine", "Oncology", "Obstetrics and Gynecology", "Nephrology",
          "Physical Therapy"),
      "provider", List.of("Lakeside Family Medicine, PC", "Heartland Cardiology", "Riverside Internal Medicine"),
      "procedure_code", List.of("99213", "99214", "99285", "83036", "93000", "G0438"),
      "place_of_service", List.of("02", "11", "20", "21", "22", "23"),
      "member_state", List.of("CA", "FL", "NY", "OH", "TX", "IN", "OR", "ME"),
      "denial_reason", List.of("Not deemed a medical necessity", "Precertification or authorization absent")),
      LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31));
}
