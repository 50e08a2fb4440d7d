package com.medflow.pipeline.demo;

import com.medflow.model.ClaimStatus;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.StandardField;
import java.util.SplittableRandom;

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

  private final int claimId;
  private final int memberId;
  private final int birthDate;
  private final int gender;
  private final int npi;
  private final int name;
  private final int specialty;
  private final int service;
  private final int submitted;
  private final int processed;
  private final int primary;
  private final int secondary;
  private final int third;
  private final int procedure;
  private final int place;
  private final int billed;
  private final int allowed;
  private final int paid;
  private final int status;
  private final int denial;
  private final int state;

  UnitedHealthFormat(PayerMapping mapping) {
    super(mapping);
    claimId = column(StandardField.CLAIM_ID);
    memberId = column(StandardField.MEMBER_ID);
    birthDate = column(StandardField.PATIENT_BIRTH_DATE);
    gender = column(StandardField.PATIENT_GENDER);
    npi = column(StandardField.PROVIDER_NPI);
    name = column(StandardField.PROVIDER_NAME);
    specialty = column(StandardField.PROVIDER_SPECIALTY);
    service = column(StandardField.SERVICE_DATE);
    submitted = column(StandardField.SUBMITTED_DATE);
    processed = column(StandardField.PROCESSED_DATE);
    primary = column(StandardField.PRIMARY_DIAGNOSIS);
    secondary = column(StandardField.SECONDARY_DIAGNOSIS);
    third = column(mapping.extraDiagnosisColumns().get(0));
    procedure = column(StandardField.PROCEDURE_CODE);
    place = column(StandardField.PLACE_OF_SERVICE);
    billed = column(StandardField.BILLED_AMOUNT);
    allowed = column(StandardField.ALLOWED_AMOUNT);
    paid = column(StandardField.PAID_AMOUNT);
    status = column(StandardField.CLAIM_STATUS);
    denial = column(StandardField.DENIAL_REASON_CODE);
    state = column(StandardField.MEMBER_STATE);
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
  String[] fields(Claim c) {
    String[] f = new String[columns()];
    f[claimId] = c.claimId();
    f[memberId] = c.member().id();
    f[birthDate] = date(c.member().birthDay());
    f[gender] = gender(c.member().sex());
    f[npi] = c.provider().npi();
    f[name] = c.provider().upperName();
    f[specialty] = c.provider().specialty().upperLabel();
    f[service] = date(c.serviceDay());
    f[submitted] = date(c.submittedDay());
    f[processed] = processedDate(c);
    f[primary] = c.dx1();
    f[secondary] = c.dx2() == null ? "" : c.dx2();
    f[third] = c.dx3() == null ? "" : c.dx3();
    f[procedure] = c.procedure();
    f[place] = c.placeOfService();
    f[billed] = amount(c.billedCents());
    f[allowed] = amount(c.allowedCents());
    f[paid] = amount(c.paidCents());
    f[status] = status(c.status());
    f[denial] = c.denialReason() == null ? "" : c.denialReason();
    f[state] = c.member().state();
    return f;
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

  @Override
  String badDate(SplittableRandom rng) {
    return pickOf(BAD_DATES, rng);
  }

  @Override
  String badAmount(SplittableRandom rng) {
    return pickOf(BAD_AMOUNTS, rng);
  }

  @Override
  String badStatus(SplittableRandom rng) {
    return pickOf(BAD_STATUSES, rng);
  }

  @Override
  String badGender(SplittableRandom rng) {
    return pickOf(BAD_GENDERS, rng);
  }
}
