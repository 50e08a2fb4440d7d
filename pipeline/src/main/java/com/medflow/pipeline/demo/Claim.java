package com.medflow.pipeline.demo;

import static java.util.Objects.requireNonNull;

import com.medflow.model.ClaimStatus;

/**
 * One claim in standard form, before a payer format writes it.
 *
 * @param claimId the payer's claim id
 * @param member the patient
 * @param provider the rendering provider
 * @param serviceDay service date (epoch day)
 * @param submittedDay submission date (epoch day)
 * @param processedDay adjudication date (epoch day), or {@link #NONE} while pending or in review
 * @param dx1 primary diagnosis, undotted ICD-10-CM
 * @param dx2 secondary diagnosis or {@code null}
 * @param dx3 third diagnosis or {@code null} (formats with two diagnosis columns drop it)
 * @param procedure CPT or HCPCS code
 * @param placeOfService two-digit place-of-service code
 * @param billedCents charge
 * @param allowedCents allowed amount (0 unless approved)
 * @param paidCents paid amount (0 unless approved)
 * @param status claim status
 * @param denialReason bare CARC, or {@code null} unless denied
 */
record Claim(String claimId, Member member, Provider provider, int serviceDay, int submittedDay, int processedDay,
    String dx1, String dx2, String dx3, String procedure, String placeOfService, long billedCents,
    long allowedCents, long paidCents, ClaimStatus status, String denialReason) {
  static final int NONE = Integer.MIN_VALUE;

  Claim {
    requireNonNull(claimId, "claimId is null");
    requireNonNull(member, "member is null");
    requireNonNull(provider, "provider is null");
    requireNonNull(dx1, "dx1 is null");
    requireNonNull(procedure, "procedure is null");
    requireNonNull(placeOfService, "placeOfService is null");
    requireNonNull(status, "status is null");
  }

  boolean processed() {
    return processedDay != NONE;
  }

  Claim withClaimId(String id) {
    return new Claim(id, member, provider, serviceDay, submittedDay, processedDay, dx1, dx2, dx3, procedure,
        placeOfService, billedCents, allowedCents, paidCents, status, denialReason);
  }

  Claim withProvider(Provider p) {
    return new Claim(claimId, member, p, serviceDay, submittedDay, processedDay, dx1, dx2, dx3, procedure,
        placeOfService, billedCents, allowedCents, paidCents, status, denialReason);
  }

  Claim withDates(int service, int submitted, int processed) {
    return new Claim(claimId, member, provider, service, submitted, processed, dx1, dx2, dx3, procedure,
        placeOfService, billedCents, allowedCents, paidCents, status, denialReason);
  }

  Claim withDiagnoses(String primary, String secondary, String third) {
    return new Claim(claimId, member, provider, serviceDay, submittedDay, processedDay, primary, secondary, third,
        procedure, placeOfService, billedCents, allowedCents, paidCents, status, denialReason);
  }

  /** The claim after adjudication, appeal or a pending decision. */
  Claim withOutcome(ClaimStatus newStatus, int processed, long allowed, long paid, String reason) {
    return new Claim(claimId, member, provider, serviceDay, submittedDay, processed, dx1, dx2, dx3, procedure,
        placeOfService, billedCents, allowed, paid, newStatus, reason);
  }
}
