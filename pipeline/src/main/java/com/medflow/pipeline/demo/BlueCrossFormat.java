package com.medflow.pipeline.demo;

import com.medflow.model.ClaimStatus;
import com.medflow.model.codes.Icd10Cm;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.StandardField;

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

  private final int primary;
  private final int secondary;

  BlueCrossFormat(PayerMapping mapping) {
    super(mapping, new WrongValues(BAD_DATES, BAD_AMOUNTS, BAD_STATUSES, BAD_GENDERS));
    primary = column(StandardField.PRIMARY_DIAGNOSIS);
    secondary = column(StandardField.SECONDARY_DIAGNOSIS);
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
  void diagnoses(Claim c, String[] f) {
    f[primary] = Icd10Cm.format(c.dx1());
    f[secondary] = c.dx2() == null ? "" : Icd10Cm.format(c.dx2());
  }

  @Override
  String denialReason(String carc) {
    return groupCode(carc) + "-" + carc;
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
}
