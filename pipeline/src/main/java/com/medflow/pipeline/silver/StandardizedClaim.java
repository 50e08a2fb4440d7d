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
    String memberState, Set<QualityCheck> failed) {

  public StandardizedClaim {
    failed = failed.isEmpty() ? EnumSet.noneOf(QualityCheck.class) : EnumSet.copyOf(failed);
  }

  /** Quarantine codes broken, in the order of {@link QualityCheck}. */
  public java.util.List<String> quarantineReasons() {
    return failed.stream().filter(c -> c.severity() == com.medflow.model.Severity.QUARANTINE).map(Enum::name).toList();
  }

  public boolean warns(QualityCheck check) {
    return check.severity() == com.medflow.model.Severity.WARN && failed.contains(check);
  }
}
