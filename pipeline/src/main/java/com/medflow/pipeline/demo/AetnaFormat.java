package com.medflow.pipeline.demo;

import com.medflow.model.ClaimStatus;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.StandardField;

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

  private final int diagnoses;
  private final String separator;

  AetnaFormat(PayerMapping mapping) {
    super(mapping, new WrongValues(BAD_DATES, BAD_AMOUNTS, BAD_STATUSES, BAD_GENDERS));
    diagnoses = column(mapping.diagnosisListColumn().orElseThrow());
    separator = mapping.diagnosisSeparator();
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
  void diagnoses(Claim c, String[] f) {
    String dx = c.dx1();
    if (c.dx2() != null) {
      dx = dx + separator + c.dx2();
      if (c.dx3() != null) {
        dx = dx + separator + c.dx3();
      }
    }
    f[diagnoses] = dx;
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
}
