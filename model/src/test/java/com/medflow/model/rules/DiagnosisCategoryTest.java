package com.medflow.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiagnosisCategoryTest {
  @ParameterizedTest
  @CsvSource({
      "E08.9, Diabetes", "E11.9, Diabetes", "E13.10, Diabetes", "E14, Other", "E07.9, Other",
      "I10, Hypertension", "I16.9, Hypertension", "I20.9, Ischemic Heart Disease", "I21.4, Ischemic Heart Disease",
      "I25.10, Ischemic Heart Disease", "I50.9, Heart Failure", "I51.9, Other", "J44.9, COPD", "J45.909, Asthma",
      "J00, Upper Respiratory Infection", "J06.9, Upper Respiratory Infection", "J07, Other",
      "F32.9, Depression", "F33.1, Depression", "F41.1, Anxiety", "M54.5, Back Pain", "M17.11, Osteoarthritis of Knee",
      "N18.3, Chronic Kidney Disease", "C50.911, Neoplasm", "D49.9, Neoplasm", "D50.9, Other", "C7A.00, Neoplasm",
      "O09.90, Pregnancy", "O9A.119, Pregnancy", "S72.001A, Injury", "T88.7, Injury", "T88XXXA, Injury",
      "Z00.00, Preventive Care", "Z13.9, Preventive Care", "Z14.1, Other", "e119, Diabetes", "R51, Other"})
  void mapsPrimaryDiagnosisToItsCategory(String code, String category) {
    assertThat(DiagnosisCategory.of(code)).isEqualTo(category);
  }
}
