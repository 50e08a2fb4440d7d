package com.medflow.pipeline.demo;

import com.medflow.model.ClaimStatus;
import java.util.SplittableRandom;

/**
 * The status changes of a follow-up batch: about 45% of pending claims are adjudicated (approved or denied by the
 * payer's approval rate, with processed date, amounts and denial reason), about 20% of denied claims are appealed
 * (in review: processed date empty, nothing paid, no denial reason). Nothing else changes.
 */
final class FollowUpPlanner {
  static final double RESOLVE_PENDING = 0.45;
  static final double APPEAL_DENIED = 0.20;

  private final ClaimFactory factory;

  FollowUpPlanner(ClaimFactory factory) {
    this.factory = factory;
  }

  /** The claim's new version, or {@code null} when it does not change. */
  Claim update(Claim c, SplittableRandom rng) {
    if (c.status() == ClaimStatus.PENDING) {
      if (rng.nextDouble() >= RESOLVE_PENDING) {
        return null;
      }
      boolean approve = rng.nextDouble() < factory.payer().approveOnResolve();
      return factory.adjudicate(c, approve ? ClaimStatus.APPROVED : ClaimStatus.DENIED, rng);
    }
    if (c.status() == ClaimStatus.DENIED && rng.nextDouble() < APPEAL_DENIED) {
      return c.withOutcome(ClaimStatus.IN_REVIEW, Claim.NONE, 0, 0, null);
    }
    return null;
  }
}
