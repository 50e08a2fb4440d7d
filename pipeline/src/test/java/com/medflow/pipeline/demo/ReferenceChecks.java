package com.medflow.pipeline.demo;

import com.medflow.model.ClaimStatus;
import com.medflow.model.QualityCheck;
import com.medflow.model.codes.Icd10Cm;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.StandardField;
import com.medflow.model.rules.Amounts;
import com.medflow.model.rules.Dates;
import com.medflow.model.rules.Npi;
import com.medflow.model.rules.ProcedureCodes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An independent reading of the rules of DATA.md section 4, applied to the lines of one payer file with nothing
 * but the payer mapping and the model's validators: what a correct pipeline would report for each line.
 */
final class ReferenceChecks {
  static final Icd10Cm ICD = Icd10Cm.load();

  private final PayerMapping m;
  private final DateTimeFormatter dates;
  private final LocalDate today;
  private final Set<String> seenClaimIds = new HashSet<>();

  ReferenceChecks(PayerMapping mapping, LocalDate today) {
    this.m = mapping;
    this.dates = Dates.formatter(mapping.datePattern());
    this.today = today;
  }

  /** Every check the line fails, warn-only ones included; call in file order (duplicates depend on it). */
  Set<QualityCheck> check(PayerFile.Line line) {
    Set<QualityCheck> out = EnumSet.noneOf(QualityCheck.class);
    if (line.fields() == null || line.fields().size() != m.header().size()) {
      out.add(QualityCheck.MALFORMED_ROW);
      return out;
    }
    String claimId = value(line, StandardField.CLAIM_ID);
    if (claimId.isBlank()) {
      out.add(QualityCheck.MISSING_CLAIM_ID);
    } else if (!seenClaimIds.add(claimId.trim())) {
      out.add(QualityCheck.DUPLICATE_CLAIM_ID);
    }
    if (value(line, StandardField.MEMBER_ID).isBlank()) {
      out.add(QualityCheck.MISSING_MEMBER_ID);
    }
    date(line, StandardField.PATIENT_BIRTH_DATE, true, out);
    Optional<LocalDate> service = date(line, StandardField.SERVICE_DATE, true, out);
    Optional<LocalDate> submitted = date(line, StandardField.SUBMITTED_DATE, true, out);
    Optional<LocalDate> processed = date(line, StandardField.PROCESSED_DATE, false, out);
    if (service.isPresent() && submitted.isPresent() && submitted.get().isBefore(service.get())
        || submitted.isPresent() && processed.isPresent() && processed.get().isBefore(submitted.get())) {
      out.add(QualityCheck.INVALID_DATE_ORDER);
    }
    if (!Npi.isValid(value(line, StandardField.PROVIDER_NPI).trim())) {
      out.add(QualityCheck.INVALID_NPI);
    }
    for (String dx : diagnoses(line)) {
      if (!ICD.isValid(dx)) {
        out.add(QualityCheck.INVALID_DIAGNOSIS);
      }
    }
    if (!ProcedureCodes.isValid(value(line, StandardField.PROCEDURE_CODE).trim())) {
      out.add(QualityCheck.INVALID_PROCEDURE);
    }
    Optional<BigDecimal> billed = amount(line, StandardField.BILLED_AMOUNT);
    Optional<BigDecimal> allowed = amount(line, StandardField.ALLOWED_AMOUNT);
    Optional<BigDecimal> paid = amount(line, StandardField.PAID_AMOUNT);
    if (billed.isEmpty() || allowed.isEmpty() || paid.isEmpty()
        || billed.get().signum() < 0 || allowed.get().signum() < 0 || paid.get().signum() < 0
        || paid.get().compareTo(billed.get()) > 0) {
      out.add(QualityCheck.INVALID_AMOUNT);
    }
    Optional<ClaimStatus> status = m.status(value(line, StandardField.CLAIM_STATUS));
    if (status.isEmpty()) {
      out.add(QualityCheck.INVALID_STATUS);
    }
    if (m.gender(value(line, StandardField.PATIENT_GENDER)).isEmpty()) {
      out.add(QualityCheck.INVALID_GENDER);
    }
    if (status.orElse(null) == ClaimStatus.DENIED && value(line, StandardField.DENIAL_REASON_CODE).isBlank()) {
      out.add(QualityCheck.DENIED_WITHOUT_REASON);
    }
    if (billed.isPresent() && allowed.isPresent() && allowed.get().compareTo(billed.get()) > 0) {
      out.add(QualityCheck.ALLOWED_EXCEEDS_BILLED);
    }
    return out;
  }

  String value(PayerFile.Line line, StandardField f) {
    return m.column(f).map(line::get).orElse("");
  }

  /** All diagnoses of the line, primary first, blanks left out (a blank primary is kept so that it fails). */
  List<String> diagnoses(PayerFile.Line line) {
    List<String> out = new ArrayList<>();
    if (m.diagnosisListColumn().isPresent()) {
      for (String dx : line.get(m.diagnosisListColumn().get()).split(java.util.regex.Pattern.quote(
          m.diagnosisSeparator()), -1)) {
        out.add(dx.trim());
      }
      return out;
    }
    out.add(value(line, StandardField.PRIMARY_DIAGNOSIS).trim());
    String second = value(line, StandardField.SECONDARY_DIAGNOSIS).trim();
    if (!second.isEmpty()) {
      out.add(second);
    }
    for (String c : m.extraDiagnosisColumns()) {
      if (!line.get(c).isBlank()) {
        out.add(line.get(c).trim());
      }
    }
    return out;
  }

  Optional<LocalDate> date(PayerFile.Line line, StandardField f, boolean required, Set<QualityCheck> out) {
    String text = value(line, f);
    if (text.isBlank()) {
      if (required) {
        out.add(QualityCheck.INVALID_DATE);
      }
      return Optional.empty();
    }
    Optional<LocalDate> d = Dates.parse(text, dates);
    if (d.isEmpty() || !Dates.plausible(d.get(), today)) {
      out.add(QualityCheck.INVALID_DATE);
      return Optional.empty();
    }
    return d;
  }

  Optional<LocalDate> date(PayerFile.Line line, StandardField f) {
    return Dates.parse(value(line, f), dates);
  }

  Optional<BigDecimal> amount(PayerFile.Line line, StandardField f) {
    return Amounts.parse(value(line, f), m.amountFormat());
  }
}
