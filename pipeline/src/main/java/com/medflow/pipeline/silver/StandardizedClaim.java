package com.medflow.pipeline.silver;

import com.medflow.model.QualityCheck;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * One source row in the standard schema, with every rule it broke. Fields that could not be
 * read are null; a row is clean when {@link #quarantineReasons()} is empty.
 */
public record StandardizedClaim(
    String claimId, String memberId, LocalDate patientBirthDate, Integer patientAge, String patientGender,
    String providerNpi, String providerName, String providerSpecialty, LocalDate serviceDate, LocalDate submittedDate,
    LocalDate processedDate, Integer processingDays, String primaryDiagnosis, String secondaryDiagnosis,
    String diagnosisCategory, String procedureCode, String placeOfService, BigDecimal billedAmount,
    BigDecimal allowedAmount, BigDecimal paidAmount, String claimStatus, String denialReasonCode, String denialReason,
    String memberState, Set<QualityCheck> failed, Set<QualityCheck> demoted) {

  public StandardizedClaim {
    failed = failed.isEmpty() ? EnumSet.noneOf(QualityCheck.class) : EnumSet.copyOf(failed);
    demoted = demoted.isEmpty() ? Set.of() : EnumSet.copyOf(demoted);
  }

  /** A claim whose payer keeps every rule at its contract severity. */
  public StandardizedClaim(
      String claimId, String memberId, LocalDate patientBirthDate, Integer patientAge, String patientGender,
      String providerNpi, String providerName, String providerSpecialty, LocalDate serviceDate, LocalDate submittedDate,
      LocalDate processedDate, Integer processingDays, String primaryDiagnosis, String secondaryDiagnosis,
      String diagnosisCategory, String procedureCode, String placeOfService, BigDecimal billedAmount,
      BigDecimal allowedAmount, BigDecimal paidAmount, String claimStatus, String denialReasonCode, String denialReason,
      String memberState, Set<QualityCheck> failed) {
    this(claimId, memberId, patientBirthDate, patientAge, patientGender, providerNpi, providerName, providerSpecialty,
        serviceDate, submittedDate, processedDate, processingDays, primaryDiagnosis, secondaryDiagnosis,
        diagnosisCategory, procedureCode, placeOfService, billedAmount, allowedAmount, paidAmount, claimStatus,
        denialReasonCode, denialReason, memberState, failed, Set.of());
  }

  /** Quarantine codes broken, in the order of {@link QualityCheck}; rules the payer demoted to warnings are left out. */
  public java.util.List<String> quarantineReasons() {
    return failed.stream().filter(c -> c.severity() == com.medflow.model.Severity.QUARANTINE && !demoted.contains(c))
        .map(Enum::name).toList();
  }

  /** Quarantine rules broken that this payer only warns about (its mapping's {@code rules}). */
  public java.util.List<String> demotedWarnings() {
    return failed.stream().filter(demoted::contains).map(Enum::name).toList();
  }

  public boolean warns(QualityCheck check) {
    return check.severity() == com.medflow.model.Severity.WARN && failed.contains(check);
  }
}
