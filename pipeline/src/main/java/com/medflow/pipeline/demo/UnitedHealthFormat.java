package com.medflow.pipeline.demo;

import com.medflow.model.ClaimStatus;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.StandardField;

/**
 * UnitedHealth: pipe-delimited without quoting, names and specialties in capitals, {@code yyyyMMdd}, amounts in
 * integer cents, up to three undotted diagnoses in ICD_DGNS_CD1..3, status 01-04, gender 1/2/0, bare CARC.
 * UTF-8 without byte-order mark, LF line ends.
 */
final class UnitedHealthFormat extends PayerFormat {
  private static final String[] BAD_DATES = {"20251345", "20250230", "2025-01-07", "01072025", "0"};
  private static final String[] BAD_AMOUNTS = {"1240.00", "N/A", "12O00", "$1240"};
  private static final String[] BAD_STATUSES = {"05", "99", "1", "XX"};
  private static final String[] BAD_GENDERS = {"3", "M", "9"};

  private final int primary;
  private final int secondary;
  private final int third;

  UnitedHealthFormat(PayerMapping mapping) {
    super(mapping, new WrongValues(BAD_DATES, BAD_AMOUNTS, BAD_STATUSES, BAD_GENDERS));
    primary = column(StandardField.PRIMARY_DIAGNOSIS);
    secondary = column(StandardField.SECONDARY_DIAGNOSIS);
    third = column(mapping.extraDiagnosisColumns().get(0));
  }

  @Override
  Quoting quoting() {
    return Quoting.NONE;
  }

  @Override
  String lineEnd() {
    return "\n";
  }

  @Override
  boolean byteOrderMark() {
    return false;
  }

  @Override
  void diagnoses(Claim c, String[] f) {
    f[primary] = c.dx1();
    f[secondary] = c.dx2() == null ? "" : c.dx2();
    f[third] = c.dx3() == null ? "" : c.dx3();
  }

  @Override
  String providerName(Provider p) {
    return p.upperName();
  }

  @Override
  String specialty(Specialty s) {
    return s.upperLabel();
  }

  @Override
  String status(ClaimStatus s) {
    return switch (s) {
      case APPROVED -> "01";
      case DENIED -> "02";
      case PENDING -> "03";
      case IN_REVIEW -> "04";
    };
  }

  @Override
  String gender(char sex) {
    return sex == 'M' ? "1" : sex == 'F' ? "2" : "0";
  }
}
