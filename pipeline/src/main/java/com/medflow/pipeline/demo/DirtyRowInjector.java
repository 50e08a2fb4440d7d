package com.medflow.pipeline.demo;

import com.medflow.model.ClaimStatus;
import com.medflow.model.QualityCheck;
import com.medflow.model.mapping.StandardField;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns a fresh clean claim into a row that breaks exactly one quarantine rule of DATA.md section 4, the way real
 * payer files go wrong: truncated lines, unquoted commas, unterminated quotes, blank ids, resubmitted claims,
 * impossible or future dates, placeholders for unknown birth dates, dates out of order, mistyped NPIs, ICD-9 or
 * over-long diagnosis codes, procedure codes with modifiers glued on, unparseable or negative money, payments above
 * the charge, unknown status and gender codes. Also applies the two warn-only problems to clean claims.
 */
final class DirtyRowInjector {
  private static final String[] BAD_DIAGNOSES = {"E1199", "XYZ", "25000", "I100"};
  private static final String[] BAD_PROCEDURES = {"9921", "ABC12", "W1234", "99213-25", "992134"};

  private final PayerFormat format;
  private final ClaimFactory factory;
  private final List<Provider> commaProviders;
  private final int today;

  DirtyRowInjector(PayerFormat format, ClaimFactory factory, ProviderPool providers) {
    this.format = format;
    this.factory = factory;
    this.commaProviders = providers.withCommaInName();
    this.today = factory.today();
    if (commaProviders.isEmpty()) {
      throw new IllegalStateException("The provider pool has no name with a comma");
    }
  }

  /**
   * The dirty line (without line end) for a quarantine {@code code}.
   *
   * @param fresh a clean claim with its own claim id
   * @param earlier a clean claim written earlier in the file (for duplicates)
   */
  String line(QualityCheck code, Claim fresh, Claim earlier, SplittableRandom rng) {
    return switch (code) {
      case MALFORMED_ROW -> malformed(fresh, rng);
      case MISSING_CLAIM_ID -> withField(fresh, StandardField.CLAIM_ID, "");
      case MISSING_MEMBER_ID -> withField(fresh, StandardField.MEMBER_ID, "");
      case DUPLICATE_CLAIM_ID -> rng.nextBoolean()
          ? render(earlier) // the same claim sent twice
          : render(fresh.withClaimId(earlier.claimId())); // a different claim under an id already used
      case INVALID_DATE -> invalidDate(fresh, rng);
      case INVALID_DATE_ORDER -> invalidDateOrder(fresh, rng);
      case INVALID_NPI -> withField(fresh, StandardField.PROVIDER_NPI, badNpi(fresh.provider().npi(), rng));
      case INVALID_DIAGNOSIS -> invalidDiagnosis(fresh, rng);
      case INVALID_PROCEDURE -> withField(fresh, StandardField.PROCEDURE_CODE,
          PayerFormat.pickOf(BAD_PROCEDURES, rng));
      case INVALID_AMOUNT -> invalidAmount(fresh, rng);
      case INVALID_STATUS -> withField(fresh, StandardField.CLAIM_STATUS, format.badStatus(rng));
      case INVALID_GENDER -> withField(fresh, StandardField.PATIENT_GENDER, format.badGender(rng));
      default -> throw new IllegalArgumentException("Not a quarantine check: " + code);
    };
  }

  /** Whether a warn-only problem can be applied to this clean claim. */
  static boolean canWarn(QualityCheck code, Claim c) {
    return switch (code) {
      case DENIED_WITHOUT_REASON -> c.status() == ClaimStatus.DENIED;
      case ALLOWED_EXCEEDS_BILLED -> c.status() == ClaimStatus.APPROVED;
      default -> false;
    };
  }

  /** The claim with a warn-only problem; it stays a clean claim. */
  static Claim warn(QualityCheck code, Claim c, SplittableRandom rng) {
    if (code == QualityCheck.DENIED_WITHOUT_REASON) {
      return c.withOutcome(ClaimStatus.DENIED, c.processedDay(), 0, 0, null);
    }
    long over = Math.max(1, Math.round(c.billedCents() * (0.02 + 0.18 * rng.nextDouble())));
    return c.withOutcome(ClaimStatus.APPROVED, c.processedDay(), c.billedCents() + over,
        Math.min(c.paidCents(), c.billedCents()), null);
  }

  String render(Claim c) {
    return format.join(format.fields(c), -1);
  }

  private String withField(Claim c, StandardField field, String value) {
    String[] f = format.fields(c);
    f[format.column(field)] = value;
    return format.join(f, -1);
  }

  private String malformed(Claim c, SplittableRandom rng) {
    int variant = rng.nextInt(3);
    if (variant == 0) { // truncated line
      String[] f = format.fields(c);
      return format.join(Arrays.copyOf(f, f.length - 1 - rng.nextInt(4)), -1);
    }
    if (variant == 1) { // a stray trailing value
      String[] f = format.fields(c);
      String[] longer = Arrays.copyOf(f, f.length + 1);
      longer[f.length] = rng.nextBoolean() ? "N" : "0";
      return format.join(longer, -1);
    }
    Claim named = c.withProvider(commaProviders.get(rng.nextInt(commaProviders.size())));
    String[] f = format.fields(named);
    int name = format.column(StandardField.PROVIDER_NAME);
    String raw = switch (format.quoting()) {
      // An unterminated quote: an odd number of quotes on the line.
      case ALL -> "\"" + f[name];
      // Quoting forgotten (the comma splits the name) or an unterminated quote.
      case MINIMAL -> rng.nextBoolean() ? f[name] : "\"" + f[name];
      // The delimiter inside a value.
      case NONE -> f[name].replace(", ", "|");
    };
    f[name] = raw;
    return format.join(f, name);
  }

  private String invalidDate(Claim c, SplittableRandom rng) {
    switch (rng.nextInt(5)) {
      case 0 -> {
        return withField(c, StandardField.SERVICE_DATE, format.badDate(rng));
      }
      case 1 -> {
        return withField(c, StandardField.PATIENT_BIRTH_DATE, format.badDate(rng));
      }
      case 2 -> { // a placeholder birth date
        LocalDate old = rng.nextBoolean() ? LocalDate.of(1800, 1, 1) : LocalDate.of(1899, 1 + rng.nextInt(12), 1);
        return withField(c, StandardField.PATIENT_BIRTH_DATE, format.date((int) old.toEpochDay()));
      }
      default -> { // a typo puts the processed date centuries ahead (2025 -> 2205); it stays after submission
        Claim a = approved(c, rng);
        LocalDate typo = LocalDate.ofEpochDay(a.processedDay()).plusYears(180);
        int processed = typo.toEpochDay() > today ? (int) typo.toEpochDay() : today + 15 + rng.nextInt(180);
        return render(a.withDates(a.serviceDay(), a.submittedDay(), processed));
      }
    }
  }

  private String invalidDateOrder(Claim c, SplittableRandom rng) {
    if (rng.nextBoolean() || !c.processed()) { // submitted before the service
      return render(c.withDates(c.serviceDay(), c.serviceDay() - 1 - rng.nextInt(20), c.processedDay()));
    }
    // processed before submitted
    return render(c.withDates(c.serviceDay(), c.submittedDay(), c.submittedDay() - 1 - rng.nextInt(10)));
  }

  private static String badNpi(String npi, SplittableRandom rng) {
    if (rng.nextBoolean()) {
      return npi.substring(0, 9); // a digit lost
    }
    int last = npi.charAt(9) - '0';
    return npi.substring(0, 9) + (char) ('0' + (last + 1 + rng.nextInt(9)) % 10); // mistyped check digit
  }

  /** Mostly the primary diagnosis, sometimes the secondary. */
  private String invalidDiagnosis(Claim c, SplittableRandom rng) {
    String bad = PayerFormat.pickOf(BAD_DIAGNOSES, rng);
    if (rng.nextDouble() < 0.75 || c.dx2() == null) {
      return render(c.withDiagnoses(bad, c.dx2(), c.dx3()));
    }
    return render(c.withDiagnoses(c.dx1(), bad, c.dx3()));
  }

  private String invalidAmount(Claim c, SplittableRandom rng) {
    switch (rng.nextInt(3)) {
      case 0 -> {
        return withField(c, StandardField.BILLED_AMOUNT, format.badAmount(rng));
      }
      case 1 -> { // a negative payment (a reversal sent as a claim)
        Claim a = approved(c, rng);
        long paid = Math.max(100, a.allowedCents() * 8 / 10);
        return render(a.withOutcome(ClaimStatus.APPROVED, a.processedDay(), a.allowedCents(), -paid, null));
      }
      default -> { // paid more than was charged
        Claim a = approved(c, rng);
        long paid = a.billedCents() + Math.max(100, Math.round(a.billedCents() * (0.1 + 0.4 * rng.nextDouble())));
        return render(a.withOutcome(ClaimStatus.APPROVED, a.processedDay(), a.allowedCents(), paid, null));
      }
    }
  }

  private Claim approved(Claim c, SplittableRandom rng) {
    return c.status() == ClaimStatus.APPROVED ? c : factory.adjudicate(c, ClaimStatus.APPROVED, rng);
  }
}
