package com.medflow.pipeline.silver;

import static java.util.Objects.requireNonNull;

import com.medflow.model.ClaimStatus;
import com.medflow.model.QualityCheck;
import com.medflow.model.codes.CarcCodes;
import com.medflow.model.codes.Icd10Cm;
import com.medflow.model.mapping.MappingOptions;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.StandardField;
import com.medflow.model.rules.Amounts;
import com.medflow.model.rules.DatePattern;
import com.medflow.model.rules.Dates;
import com.medflow.model.rules.DiagnosisCategory;
import com.medflow.model.rules.Npi;
import com.medflow.model.rules.ProcedureCodes;
import com.medflow.model.rules.TextCase;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps one source record to the standard claim with the payer's mapping and applies every
 * row-level rule of DATA.md section 4 (all but DUPLICATE_CLAIM_ID, which needs the whole batch).
 * An empty record is a line that could not be split: MALFORMED_ROW.
 */
public final class ClaimStandardizer implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PayerMapping mapping;
  private final Icd10Cm icd10;
  private final LocalDate today;
  private transient DatePattern dates;
  private transient Pattern denialCode;
  private transient Pattern diagnosisSeparator;

  public ClaimStandardizer(PayerMapping mapping, Icd10Cm icd10, LocalDate today) {
    this.mapping = requireNonNull(mapping, "mapping is null");
    this.icd10 = requireNonNull(icd10, "icd10 is null");
    this.today = requireNonNull(today, "today is null");
  }

  public PayerMapping mapping() {
    return mapping;
  }

  public StandardizedClaim standardize(Map<String, String> record) {
    return standardize(record, Map.of());
  }

  /**
   * Like {@link #standardize(Map)}, with amount fields already worked out (a roll-up's sums): a
   * field present in {@code amounts} is taken from there, and a null value there is INVALID_AMOUNT.
   */
  public StandardizedClaim standardize(Map<String, String> record, Map<StandardField, BigDecimal> amounts) {
    EnumSet<QualityCheck> failed = EnumSet.noneOf(QualityCheck.class);
    if (record.isEmpty()) {
      failed.add(QualityCheck.MALFORMED_ROW);
      return new StandardizedClaim(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null, null, null, failed, mapping.options().demoted());
    }
    String claimId = text(record, StandardField.CLAIM_ID);
    if (claimId == null) {
      failed.add(QualityCheck.MISSING_CLAIM_ID);
    }
    String memberId = text(record, StandardField.MEMBER_ID);
    if (memberId == null) {
      failed.add(QualityCheck.MISSING_MEMBER_ID);
    }

    LocalDate birth = date(record, StandardField.PATIENT_BIRTH_DATE, required(StandardField.PATIENT_BIRTH_DATE), failed);
    LocalDate service = date(record, StandardField.SERVICE_DATE, true, failed);
    LocalDate submitted = date(record, StandardField.SUBMITTED_DATE, required(StandardField.SUBMITTED_DATE), failed);
    LocalDate processed = date(record, StandardField.PROCESSED_DATE, false, failed);

    String genderCode = text(record, StandardField.PATIENT_GENDER);
    String gender = genderCode == null ? null : mapping.gender(genderCode).orElse(null);
    if (gender == null && (genderCode != null || required(StandardField.PATIENT_GENDER))) {
      failed.add(QualityCheck.INVALID_GENDER);
    }

    String npi = text(record, StandardField.PROVIDER_NPI);
    if (!Npi.isValid(npi)) {
      failed.add(QualityCheck.INVALID_NPI);
    }

    List<String> diagnoses = diagnoses(record);
    String primary = diagnoses.isEmpty() ? null : diagnoses.get(0);
    String secondary = diagnoses.size() > 1 ? diagnoses.get(1) : null;
    if (primary == null) {
      failed.add(QualityCheck.INVALID_DIAGNOSIS);
    }
    for (String dx : diagnoses) {
      if (dx != null && !icd10.isValid(dx)) {
        failed.add(QualityCheck.INVALID_DIAGNOSIS);
      }
    }
    primary = primary == null ? null : Icd10Cm.format(Icd10Cm.normalize(primary));
    secondary = secondary == null ? null : Icd10Cm.format(Icd10Cm.normalize(secondary));

    String procedure = text(record, StandardField.PROCEDURE_CODE);
    procedure = procedure == null ? null : procedure.toUpperCase(Locale.ROOT);
    if (!ProcedureCodes.isValid(procedure) && (procedure != null || required(StandardField.PROCEDURE_CODE))) {
      failed.add(QualityCheck.INVALID_PROCEDURE);
    }

    String statusCode = text(record, StandardField.CLAIM_STATUS);
    ClaimStatus status = statusCode == null ? null : mapping.status(statusCode).orElse(null);
    if (status == null) {
      failed.add(QualityCheck.INVALID_STATUS);
    }

    BigDecimal billed = amount(record, amounts, StandardField.BILLED_AMOUNT, true, failed);
    boolean amountsMayBeEmpty = status != null && status != ClaimStatus.APPROVED;
    BigDecimal allowed = amount(record, amounts, StandardField.ALLOWED_AMOUNT, !amountsMayBeEmpty, failed);
    BigDecimal paid = amount(record, amounts, StandardField.PAID_AMOUNT, !amountsMayBeEmpty, failed);
    if (billed != null && paid != null && paid.compareTo(billed) > 0) {
      failed.add(QualityCheck.INVALID_AMOUNT);
    }
    if (billed != null && allowed != null && allowed.compareTo(billed) > 0) {
      failed.add(QualityCheck.ALLOWED_EXCEEDS_BILLED);
    }

    if (status != null && !status.adjudicated()) {
      processed = null; // pending or in review: not (or no longer) processed
    } else if (status != null && processed == null && !failed.contains(QualityCheck.INVALID_DATE)) {
      failed.add(QualityCheck.INVALID_DATE); // adjudicated without a processed date
    }
    if (service != null && submitted != null && submitted.isBefore(service)) {
      failed.add(QualityCheck.INVALID_DATE_ORDER);
    }
    if (submitted != null && processed != null && processed.isBefore(submitted)) {
      failed.add(QualityCheck.INVALID_DATE_ORDER);
    }
    if (birth != null && service != null && birth.isAfter(service)) {
      failed.add(QualityCheck.INVALID_DATE_ORDER);
    }

    String denialCode = null;
    String denialReason = null;
    if (status == ClaimStatus.DENIED) {
      denialCode = denialCode(text(record, StandardField.DENIAL_REASON_CODE));
      if (denialCode == null) {
        failed.add(QualityCheck.DENIED_WITHOUT_REASON);
      } else {
        denialReason = CarcCodes.description(denialCode).orElse("Claim adjustment reason code " + denialCode);
      }
    }

    Integer age = birth != null && service != null && !birth.isAfter(service) ? Period.between(birth, service).getYears() : null;
    Integer processingDays = processed != null && submitted != null
        ? (int) ChronoUnit.DAYS.between(submitted, processed) : null;
    String pos = text(record, StandardField.PLACE_OF_SERVICE);
    if (pos != null && pos.length() == 1 && Character.isDigit(pos.charAt(0))) {
      pos = "0" + pos;
    }
    String state = text(record, StandardField.MEMBER_STATE);
    return new StandardizedClaim(claimId, memberId, birth, age, gender, npi,
        cased(record, StandardField.PROVIDER_NAME), cased(record, StandardField.PROVIDER_SPECIALTY), service, submitted,
        processed, processingDays, primary, secondary, primary == null ? null : DiagnosisCategory.of(primary), procedure,
        pos, billed, allowed, paid, status == null ? null : status.name(), denialCode, denialReason,
        state == null ? null : state.toUpperCase(Locale.ROOT), failed, mapping.options().demoted());
  }

  private boolean required(StandardField field) {
    return !mapping.options().optional().contains(field);
  }

  /** The field's trimmed value: its column, else its alternate columns, else the mapping's default; then its value map. */
  String text(Map<String, String> record, StandardField field) {
    String v = value(record, mapping.column(field).orElse(null));
    MappingOptions options = mapping.options();
    if (options == MappingOptions.NONE) {
      return v;
    }
    if (v == null) {
      for (String alternate : options.alternates().getOrDefault(field, List.of())) {
        v = value(record, alternate);
        if (v != null) {
          break;
        }
      }
    }
    if (v == null) {
      v = options.defaults().get(field);
    }
    Map<String, String> values = options.valueMaps().get(field);
    if (v != null && values != null) {
      v = values.getOrDefault(v.toUpperCase(Locale.ROOT), v);
    }
    return v;
  }

  private static String value(Map<String, String> record, String column) {
    if (column == null) {
      return null;
    }
    String v = record.get(column);
    if (v == null) {
      return null;
    }
    v = v.trim();
    return v.isEmpty() ? null : v;
  }

  private String cased(Map<String, String> record, StandardField field) {
    String v = text(record, field);
    return v == null ? null : TextCase.apply(v, mapping.textCase(field));
  }

  private LocalDate date(Map<String, String> record, StandardField field, boolean required, EnumSet<QualityCheck> failed) {
    String v = text(record, field);
    if (v == null) {
      if (required) {
        failed.add(QualityCheck.INVALID_DATE);
      }
      return null;
    }
    if (dates == null) {
      dates = new DatePattern(mapping.datePattern());
    }
    Optional<LocalDate> d = dates.parse(v);
    if (d.isEmpty() || !Dates.plausible(d.get(), today)) {
      failed.add(QualityCheck.INVALID_DATE);
      return null;
    }
    return d.get();
  }

  private BigDecimal amount(Map<String, String> record, Map<StandardField, BigDecimal> amounts, StandardField field,
                            boolean required, EnumSet<QualityCheck> failed) {
    if (amounts.containsKey(field)) {
      BigDecimal given = amounts.get(field);
      if (given == null) {
        failed.add(QualityCheck.INVALID_AMOUNT);
      }
      return given;
    }
    String v = text(record, field);
    if (v == null) {
      if (required) {
        failed.add(QualityCheck.INVALID_AMOUNT);
        return null;
      }
      return BigDecimal.ZERO.setScale(2);
    }
    Optional<BigDecimal> a = Amounts.parse(v, mapping.amountFormat());
    if (a.isEmpty() || a.get().signum() < 0) {
      failed.add(QualityCheck.INVALID_AMOUNT);
      return null;
    }
    return a.get();
  }

  private List<String> diagnoses(Map<String, String> record) {
    List<String> out = new ArrayList<>(3);
    Optional<String> list = mapping.diagnosisListColumn();
    if (list.isPresent()) {
      String v = record.get(list.get());
      if (v != null && !v.isBlank()) {
        if (diagnosisSeparator == null) {
          diagnosisSeparator = Pattern.compile(Pattern.quote(mapping.diagnosisSeparator()));
        }
        for (String part : diagnosisSeparator.split(v, -1)) {
          String t = part.trim();
          out.add(t.isEmpty() ? null : t);
        }
      }
    } else {
      out.add(text(record, StandardField.PRIMARY_DIAGNOSIS));
      String sec = text(record, StandardField.SECONDARY_DIAGNOSIS);
      if (sec != null) {
        out.add(sec);
      }
    }
    for (String extra : mapping.extraDiagnosisColumns()) {
      String v = record.get(extra);
      if (v != null && !v.isBlank()) {
        while (out.size() < 2) {
          out.add(null);
        }
        out.add(v.trim());
      }
    }
    if (out.size() == 1 && out.get(0) == null) {
      return List.of();
    }
    return out;
  }

  private String denialCode(String raw) {
    if (raw == null) {
      return null;
    }
    if (denialCode == null) {
      denialCode = Pattern.compile(mapping.denialCodePattern());
    }
    Matcher m = denialCode.matcher(raw);
    return m.matches() ? m.group(1) : null;
  }
}
