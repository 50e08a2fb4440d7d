package com.medflow.pipeline.demo;

import com.medflow.model.ClaimStatus;
import com.medflow.model.codes.Icd10Cm;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.StandardField;
import java.util.SplittableRandom;

/**
 * BlueCross: comma-separated, every field quoted, {@code MM/dd/yyyy}, {@code $1,240.00}, dotted diagnoses,
 * status A/D/P/R, gender M/F/U, denial reason as group code and CARC ({@code CO-50}). UTF-8 with a byte-order mark
 * and CRLF line ends, as exported from a Windows system.
 */
final class BlueCrossFormat extends PayerFormat {
  private static final String[] BAD_DATES = {"13/45/2025", "02/30/2025", "2025-01-07", "00/00/0000", "1/7/25"};
  private static final String[] BAD_AMOUNTS = {"$1,24.00", "N/A", "$12O.00", "USD 1240"};
  private static final String[] BAD_STATUSES = {"X", "Approved", "Z", "9"};
  private static final String[] BAD_GENDERS = {"X", "9", "Female"};

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
  private final int procedure;
  private final int place;
  private final int billed;
  private final int allowed;
  private final int paid;
  private final int status;
  private final int denial;
  private final int state;

  BlueCrossFormat(PayerMapping mapping) {
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
    return Quoting.ALL;
  }

  @Override
  String lineEnd() {
    return "\r\n";
  }

  @Override
  boolean byteOrderMark() {
    return true;
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
    f[primary] = Icd10Cm.format(c.dx1());
    f[secondary] = c.dx2() == null ? "" : Icd10Cm.format(c.dx2());
    f[procedure] = c.procedure();
    f[place] = c.placeOfService();
    f[billed] = amount(c.billedCents());
    f[allowed] = amount(c.allowedCents());
    f[paid] = amount(c.paidCents());
    f[status] = status(c.status());
    f[denial] = c.denialReason() == null ? "" : groupCode(c.denialReason()) + "-" + c.denialReason();
    f[state] = c.member().state();
    return f;
  }

  /** Claim adjustment group: OA other adjustment, PR patient responsibility, CO contractual obligation. */
  static String groupCode(String carc) {
    return switch (carc) {
      case "18", "23" -> "OA";
      case "1", "2", "3", "27", "96", "204" -> "PR";
      default -> "CO";
    };
  }

  @Override
  String status(ClaimStatus s) {
    return switch (s) {
      case APPROVED -> "A";
      case DENIED -> "D";
      case PENDING -> "P";
      case IN_REVIEW -> "R";
    };
  }

  @Override
  String gender(char sex) {
    return sex == 'M' ? "M" : sex == 'F' ? "F" : "U";
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
