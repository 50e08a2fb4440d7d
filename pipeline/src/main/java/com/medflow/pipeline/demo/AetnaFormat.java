package com.medflow.pipeline.demo;

import com.medflow.model.ClaimStatus;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.StandardField;
import java.util.SplittableRandom;

/**
 * Aetna: comma-separated, quotes only where needed, ISO dates, plain decimals, diagnoses undotted and pipe-joined
 * in one column ({@code E119|I10}), statuses PAID/DENIED/PENDING/APPEALED, sex male/female/unknown, bare CARC.
 * UTF-8 without byte-order mark, LF line ends.
 */
final class AetnaFormat extends PayerFormat {
  private static final String[] BAD_DATES = {"2025-13-45", "2025-02-30", "01/07/2025", "2025/01/07", "20250107"};
  private static final String[] BAD_AMOUNTS = {"N/A", "12O.00", "1,240.00", "$1240.00"};
  private static final String[] BAD_STATUSES = {"VOID", "CLOSED", "PAID_IN_FULL", "P"};
  private static final String[] BAD_GENDERS = {"F", "x", "other"};

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
  private final int diagnoses;
  private final int procedure;
  private final int place;
  private final int billed;
  private final int allowed;
  private final int paid;
  private final int status;
  private final int denial;
  private final int state;
  private final String separator;

  AetnaFormat(PayerMapping mapping) {
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
    diagnoses = column(mapping.diagnosisListColumn().orElseThrow());
    separator = mapping.diagnosisSeparator();
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
    return Quoting.MINIMAL;
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
    f[name] = c.provider().name();
    f[specialty] = c.provider().specialty().label();
    f[service] = date(c.serviceDay());
    f[submitted] = date(c.submittedDay());
    f[processed] = processedDate(c);
    String dx = c.dx1();
    if (c.dx2() != null) {
      dx = dx + separator + c.dx2();
      if (c.dx3() != null) {
        dx = dx + separator + c.dx3();
      }
    }
    f[diagnoses] = dx;
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
      case APPROVED -> "PAID";
      case DENIED -> "DENIED";
      case PENDING -> "PENDING";
      case IN_REVIEW -> "APPEALED";
    };
  }

  @Override
  String gender(char sex) {
    return sex == 'M' ? "male" : sex == 'F' ? "female" : "unknown";
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
