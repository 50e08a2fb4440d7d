package com.medflow.pipeline.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * How each payer behaves: its share of the claims, status mix, processing time, pricing, denial reasons, claim and
 * member id formats and where its members live. Aetna is the fastest payer, UnitedHealth denies the most.
 */
enum PayerProfile {
  BLUECROSS("bluecross", 0.40, 0.045, 0.020, 0.110, 7, 11, 0.42, 0.72, 0.82,
      "16:18 18:7 29:6 50:15 96:12 97:13 197:13 27:3 45:3 204:4 242:3 11:3",
      Set.of("OH", "MI", "IL", "IN", "KY", "WI", "MN", "MO")),
  AETNA("aetna", 0.35, 0.035, 0.015, 0.085, 5, 7, 0.48, 0.78, 0.87,
      "16:22 18:8 29:5 50:13 96:10 97:14 197:12 27:3 45:3 204:4 242:2 11:4",
      Set.of("CT", "PA", "NJ", "NY", "MD", "VA", "FL", "TX")),
  UNITEDHEALTH("unitedhealth", 0.25, 0.050, 0.030, 0.170, 10, 14, 0.38, 0.68, 0.72,
      "16:14 18:6 29:6 50:20 96:12 97:10 197:20 27:3 45:2 204:5 242:4 11:2",
      Set.of("MN", "AZ", "NV", "CO", "GA", "NC", "TN", "CA"));

  /** Codes whose denials are mostly "included in another service" (CARC 97). */
  private static final Set<String> BUNDLED = Set.of("36415", "93000", "96127", "85025", "80053", "81003", "81001",
      "94640", "96372", "90471");
  private static final long EXPENSIVE_CENTS = 100_000;

  private final String folder;
  private final double share;
  private final double pending;
  private final double inReview;
  private final double denial;
  private final int processingMin;
  private final double processingMean;
  private final double allowedMin;
  private final double allowedMax;
  private final double approveOnResolve;
  /** Denial reasons by (late filing, expensive, bundled) as bits 0..2. */
  private final List<Weighted<String>> carcs;
  private final Set<String> homeStates;

  PayerProfile(String folder, double share, double pending, double inReview, double denial, int processingMin,
      double processingMean, double allowedMin, double allowedMax, double approveOnResolve, String carcWeights,
      Set<String> homeStates) {
    this.folder = folder;
    this.share = share;
    this.pending = pending;
    this.inReview = inReview;
    this.denial = denial;
    this.processingMin = processingMin;
    this.processingMean = processingMean;
    this.allowedMin = allowedMin;
    this.allowedMax = allowedMax;
    this.approveOnResolve = approveOnResolve;
    this.homeStates = homeStates;
    Weighted<String> base = Weighted.parse(carcWeights);
    List<Weighted<String>> variants = new ArrayList<>();
    for (int v = 0; v < 8; v++) {
      double[] w = new double[base.items().size()];
      for (int i = 0; i < w.length; i++) {
        String code = base.items().get(i);
        double f = 1;
        if ((v & 1) != 0 && code.equals("29")) {
          f = 6;
        }
        if ((v & 2) != 0 && (code.equals("197") || code.equals("50"))) {
          f = code.equals("197") ? 3 : 2;
        }
        if ((v & 4) != 0 && code.equals("97")) {
          f = 5;
        }
        w[i] = base.weight(i) * f;
      }
      variants.add(Weighted.of(base.items(), w));
    }
    this.carcs = List.copyOf(variants);
  }

  String folder() {
    return folder;
  }

  /** This payer's share of {@code total} claims; the last payer takes the remainder. */
  long claims(long total) {
    if (this == UNITEDHEALTH) {
      return total - BLUECROSS.claims(total) - AETNA.claims(total);
    }
    return Math.round(total * share);
  }

  double pending() {
    return pending;
  }

  double inReview() {
    return inReview;
  }

  double denial() {
    return denial;
  }

  double approveOnResolve() {
    return approveOnResolve;
  }

  /** Days from submission to adjudication: 5 to 45, with a long tail. */
  int processingDays(SplittableRandom rng) {
    double days = processingMin - processingMean * Math.log(1 - rng.nextDouble());
    return (int) Math.min(45, Math.max(5, days));
  }

  long allowedCents(long billedCents, SplittableRandom rng) {
    double ratio = allowedMin + (allowedMax - allowedMin) * rng.nextDouble();
    return Math.max(1, Math.round(billedCents * ratio));
  }

  /** What the plan pays of the allowed amount: coinsurance, and now and then a deductible that leaves nothing. */
  long paidCents(long billedCents, long allowedCents, SplittableRandom rng) {
    double u = rng.nextDouble();
    if (billedCents < 50_000 && u < 0.05) {
      return 0;
    }
    return Math.round(allowedCents * (0.7 + 0.3 * rng.nextDouble()));
  }

  String denialReason(String procedure, long billedCents, int submissionLagDays, SplittableRandom rng) {
    int v = (submissionLagDays >= 21 ? 1 : 0) | (billedCents >= EXPENSIVE_CENTS ? 2 : 0)
        | (BUNDLED.contains(procedure) || procedure.startsWith("J") ? 4 : 0);
    return carcs.get(v).pick(rng);
  }

  /** Relative share of this payer's members in a state compared with the population. */
  double stateTilt(String state) {
    return homeStates.contains(state) ? 2.5 : 1.0;
  }

  /**
   * First claim-id sequence number: a block of ten million numbers chosen by the seed (so base batches generated
   * with different seeds almost never share a claim id), then a random start within it.
   */
  long firstSequence(SplittableRandom rng) {
    return rng.nextLong(100, 1_000) * 10_000_000L + rng.nextLong(1_000, 9_000);
  }

  /** {@code BC-2025-3170004711}, {@code AET253170004711}, {@code UHC20253170004711}. */
  String claimId(int serviceYear, long sequence) {
    StringBuilder sb = new StringBuilder(16);
    switch (this) {
      case BLUECROSS -> sb.append("BC-").append(serviceYear).append('-').append(Text.pad(sequence, 7));
      case AETNA -> sb.append("AET").append(Text.pad(serviceYear % 100, 2)).append(Text.pad(sequence, 8));
      default -> sb.append("UHC").append(serviceYear).append(Text.pad(sequence, 8));
    }
    return sb.toString();
  }

  /** Modulus of the member number walk; a product of 2s, 3s and 5s. */
  long memberModulus() {
    return this == AETNA ? 1_000_000_000L : 900_000_000L;
  }

  /** {@code BCM100234871}, {@code W123456789}, {@code 12345678901} (9-digit subscriber number and suffix 01). */
  String memberId(long number) {
    return switch (this) {
      case BLUECROSS -> "BCM" + (100_000_000L + number);
      case AETNA -> "W" + Text.pad(number, 9);
      default -> (100_000_000L + number) + "01";
    };
  }
}
