package com.medflow.pipeline.demo;

import static java.util.Objects.requireNonNull;

import com.medflow.model.ClaimStatus;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.StandardField;
import com.medflow.model.rules.Dates;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * How one payer writes a claim: columns in the order of the payer mapping's header, dates in its pattern, money
 * in its amount format, its own status and gender codes, and its quoting. Subclasses add what is payer-specific,
 * including the realistic wrong values dirty rows use.
 */
abstract class PayerFormat {
  /** How fields are quoted. */
  enum Quoting {
    /** Every field in double quotes. */
    ALL,
    /** Quotes only around fields holding the delimiter, a quote or a line break. */
    MINIMAL,
    /** No quoting (the delimiter never occurs in values). */
    NONE
  }

  private static final int CACHE_FIRST = (int) LocalDate.of(1900, 1, 1).toEpochDay();
  private static final int CACHE_LAST = (int) LocalDate.of(2100, 12, 31).toEpochDay();

  /** Fields every payer file has in a column of its own; diagnoses differ by payer and are filled by subclasses. */
  private static final StandardField[] COMMON = {StandardField.CLAIM_ID, StandardField.MEMBER_ID,
      StandardField.PATIENT_BIRTH_DATE, StandardField.PATIENT_GENDER, StandardField.PROVIDER_NPI,
      StandardField.PROVIDER_NAME, StandardField.PROVIDER_SPECIALTY, StandardField.SERVICE_DATE,
      StandardField.SUBMITTED_DATE, StandardField.PROCESSED_DATE, StandardField.PROCEDURE_CODE,
      StandardField.PLACE_OF_SERVICE, StandardField.BILLED_AMOUNT, StandardField.ALLOWED_AMOUNT,
      StandardField.PAID_AMOUNT, StandardField.CLAIM_STATUS, StandardField.DENIAL_REASON_CODE,
      StandardField.MEMBER_STATE};

  /** Realistic wrong values in this payer's style, that dirty rows use; none of them parses. */
  record WrongValues(String[] dates, String[] amounts, String[] statuses, String[] genders) {}

  private final PayerMapping mapping;
  private final WrongValues wrong;
  private final DateTimeFormatter dates;
  private final String[] dateCache = new String[CACHE_LAST - CACHE_FIRST + 1];
  private final int[] common = new int[COMMON.length];

  PayerFormat(PayerMapping mapping, WrongValues wrong) {
    this.mapping = requireNonNull(mapping, "mapping is null");
    this.wrong = requireNonNull(wrong, "wrong is null");
    this.dates = Dates.formatter(mapping.datePattern());
    for (int i = 0; i < COMMON.length; i++) {
      common[i] = column(COMMON[i]);
    }
  }

  PayerMapping mapping() {
    return mapping;
  }

  abstract Quoting quoting();

  abstract String lineEnd();

  abstract boolean byteOrderMark();

  /** The claim's values in header order. */
  final String[] fields(Claim c) {
    String[] f = new String[columns()];
    Provider p = c.provider();
    String[] values = {c.claimId(), c.member().id(), date(c.member().birthDay()), gender(c.member().sex()), p.npi(),
        providerName(p), specialty(p.specialty()), date(c.serviceDay()), date(c.submittedDay()),
        c.processed() ? date(c.processedDay()) : "", c.procedure(), c.placeOfService(), amount(c.billedCents()),
        amount(c.allowedCents()), amount(c.paidCents()), status(c.status()),
        c.denialReason() == null ? "" : denialReason(c.denialReason()), c.member().state()};
    for (int i = 0; i < common.length; i++) {
      f[common[i]] = values[i];
    }
    diagnoses(c, f);
    return f;
  }

  /** Writes the claim's diagnosis codes into {@code fields}, in this payer's columns and style. */
  abstract void diagnoses(Claim c, String[] fields);

  String providerName(Provider p) {
    return p.name();
  }

  String specialty(Specialty s) {
    return s.label();
  }

  /** The denial reason as this payer writes a CARC code. */
  String denialReason(String carc) {
    return carc;
  }

  abstract String status(ClaimStatus status);

  abstract String gender(char sex);

  /** A wrong date in this payer's style that no strict parser accepts. */
  final String badDate(SplittableRandom rng) {
    return pickOf(wrong.dates(), rng);
  }

  /** Money this payer's amount format cannot parse. */
  final String badAmount(SplittableRandom rng) {
    return pickOf(wrong.amounts(), rng);
  }

  /** A status code the payer mapping does not know. */
  final String badStatus(SplittableRandom rng) {
    return pickOf(wrong.statuses(), rng);
  }

  /** A gender code the payer mapping does not know. */
  final String badGender(SplittableRandom rng) {
    return pickOf(wrong.genders(), rng);
  }

  /** Index of a mapped field in the header. */
  final int column(StandardField field) {
    return column(mapping.column(field).orElseThrow(() ->
        new IllegalStateException(mapping.payer() + " maps no column for " + field)));
  }

  final int column(String header) {
    int i = mapping.header().indexOf(header);
    if (i < 0) {
      throw new IllegalStateException(mapping.payer() + " has no column " + header);
    }
    return i;
  }

  final int columns() {
    return mapping.header().size();
  }

  /** A date in the mapping's pattern. */
  final String date(int epochDay) {
    if (epochDay < CACHE_FIRST || epochDay > CACHE_LAST) {
      return dates.format(LocalDate.ofEpochDay(epochDay));
    }
    String s = dateCache[epochDay - CACHE_FIRST];
    if (s == null) {
      s = dates.format(LocalDate.ofEpochDay(epochDay));
      dateCache[epochDay - CACHE_FIRST] = s;
    }
    return s;
  }

  /** Money in the mapping's amount format. */
  final String amount(long cents) {
    return switch (mapping.amountFormat()) {
      case DOLLARS -> Text.dollars(cents);
      case DECIMAL -> Text.decimal(cents);
      case CENTS -> Long.toString(cents);
    };
  }

  final String header() {
    return join(mapping.header().toArray(new String[0]), -1);
  }

  final String join(String[] fields, int rawIndex) {
    StringBuilder sb = new StringBuilder(256);
    join(fields, rawIndex, sb);
    return sb.toString();
  }

  /** Joins fields with the delimiter and quoting; the field at {@code rawIndex} (if any) is written as it is. */
  final void join(String[] fields, int rawIndex, StringBuilder sb) {
    char delimiter = mapping.delimiter();
    Quoting q = quoting();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(delimiter);
      }
      String v = fields[i];
      if (i == rawIndex || q == Quoting.NONE) {
        sb.append(v);
      } else if (q == Quoting.ALL || needsQuotes(v, delimiter)) {
        quote(v, sb);
      } else {
        sb.append(v);
      }
    }
  }

  private static boolean needsQuotes(String v, char delimiter) {
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (ch == delimiter || ch == '"' || ch == '\n' || ch == '\r') {
        return true;
      }
    }
    return false;
  }

  private static void quote(String v, StringBuilder sb) {
    sb.append('"');
    if (v.indexOf('"') < 0) {
      sb.append(v);
    } else {
      for (int i = 0; i < v.length(); i++) {
        char ch = v.charAt(i);
        sb.append(ch);
        if (ch == '"') {
          sb.append('"');
        }
      }
    }
    sb.append('"');
  }

  static String pickOf(String[] values, SplittableRandom rng) {
    return values[rng.nextInt(values.length)];
  }
}
