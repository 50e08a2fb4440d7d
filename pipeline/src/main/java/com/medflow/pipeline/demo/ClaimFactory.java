package com.medflow.pipeline.demo;

import com.medflow.model.ClaimStatus;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes clean claims for one payer: a member (weighted by how much care they use), a diagnosis category from the
 * member's conditions or an acute need, a fitting service, provider, place, seasonal service date, then
 * submission, adjudication and amounts by the payer's profile. No claim date lies after {@code today}.
 */
final class ClaimFactory {
  private static final Weighted<Category> CHILD_ACUTE = Weighted.of(
      List.of(Category.UPPER_RESPIRATORY_INFECTION, Category.INJURY, Category.PREVENTIVE_CARE, Category.OTHER),
      new double[] {40, 15, 30, 15});
  private static final Weighted<Category> ADULT_ACUTE = Weighted.of(
      List.of(Category.UPPER_RESPIRATORY_INFECTION, Category.INJURY, Category.PREVENTIVE_CARE, Category.OTHER),
      new double[] {22, 14, 22, 42});
  private static final String[] GENERAL_COMORBIDITIES = {"E785", "E669", "K219", "E039", "Z7901"};
  private static final Category[] CATEGORIES = Category.values();
  private static final String EMERGENCY_ROOM = "23";

  private final PayerProfile payer;
  private final MemberPool members;
  private final ProviderPool providers;
  private final ServiceCalendar calendar;
  private final int today;

  ClaimFactory(PayerProfile payer, MemberPool members, ProviderPool providers, ServiceCalendar calendar,
      int today) {
    this.payer = payer;
    this.members = members;
    this.providers = providers;
    this.calendar = calendar;
    this.today = today;
  }

  PayerProfile payer() {
    return payer;
  }

  int today() {
    return today;
  }

  Claim next(SplittableRandom rng, ClaimIds ids) {
    Member m;
    Category category;
    Encounter e;
    Specialty specialty;
    String pos;
    int day;
    int attempt = 0;
    while (true) {
      attempt++;
      m = members.pick(rng);
      category = attempt <= 8 ? category(m, rng) : Category.OTHER;
      e = ClinicalProfiles.pick(category, m.age(), m.sex(), rng);
      if (e == null) {
        continue;
      }
      specialty = e.specialties().pick(rng);
      pos = place(e, specialty, rng);
      if (category == Category.PREGNANCY) {
        day = m.pregnancyStart() + (e.delivery() ? 266 + rng.nextInt(20) : 35 + rng.nextInt(230));
        if (day < calendar.firstDay() || day > calendar.lastDay()) {
          continue;
        }
      } else {
        Season season = e.season() != null ? e.season() : category.season();
        day = calendar.sample(season, Setting.of(pos), rng);
      }
      if (day >= m.birthDay() || attempt > 20) {
        day = Math.max(day, Math.min(m.birthDay(), calendar.lastDay()));
        break;
      }
    }
    Provider provider = providers.pick(specialty, rng);
    String dx1 = diagnosis(e, m.sex(), rng);
    String dx2 = comorbidity(m, category, dx1, null, rng);
    String dx3 = dx2 != null && rng.nextDouble() < 0.4 ? comorbidity(m, category, dx1, dx2, rng) : null;

    long billed = e.minCents() + rng.nextLong(e.maxCents() - e.minCents() + 1);
    if (rng.nextDouble() < 0.85) {
      billed = Math.max(100, billed / 100 * 100);
    }
    Setting setting = Setting.of(pos);
    int lag = submissionLag(setting, rng);
    int submitted = Math.min(day + lag, today);
    int processed = submitted + payer.processingDays(rng);

    double u = rng.nextDouble();
    double pending = payer.pending();
    double review = pending + payer.inReview();
    double denied = review + payer.denial() * category.denialFactor() * (billed >= 100_000 ? 1.4 : 1.0);
    ClaimStatus status = u < pending ? ClaimStatus.PENDING
        : u < review ? ClaimStatus.IN_REVIEW
        : u < denied ? ClaimStatus.DENIED : ClaimStatus.APPROVED;
    if (status.adjudicated() && processed > today) {
      status = ClaimStatus.PENDING;
    }
    long allowed = 0;
    long paid = 0;
    String reason = null;
    if (status == ClaimStatus.APPROVED) {
      allowed = payer.allowedCents(billed, rng);
      paid = payer.paidCents(billed, allowed, rng);
    } else if (status == ClaimStatus.DENIED) {
      reason = payer.denialReason(e.procedure(), billed, submitted - day, rng);
    }
    if (!status.adjudicated()) {
      processed = Claim.NONE;
    }
    return new Claim(ids.next(day), m, provider, day, submitted, processed, dx1, dx2, dx3, e.procedure(), pos,
        billed, allowed, paid, status, reason);
  }

  /** A fresh adjudication for a claim that had none: processed date no later than today. */
  Claim adjudicate(Claim c, ClaimStatus status, SplittableRandom rng) {
    int processed = Math.min(c.submittedDay() + payer.processingDays(rng), today);
    if (status == ClaimStatus.APPROVED) {
      long allowed = payer.allowedCents(c.billedCents(), rng);
      return c.withOutcome(status, processed, allowed, payer.paidCents(c.billedCents(), allowed, rng), null);
    }
    String reason = payer.denialReason(c.procedure(), c.billedCents(), c.submittedDay() - c.serviceDay(), rng);
    return c.withOutcome(status, processed, 0, 0, reason);
  }

  private static Category category(Member m, SplittableRandom rng) {
    if (m.pregnant() && rng.nextDouble() < 0.45) {
      return Category.PREGNANCY;
    }
    if (m.conditions() != 0 && rng.nextDouble() < 0.55) {
      int bits = m.conditions();
      for (int k = rng.nextInt(Integer.bitCount(bits)); k > 0; k--) {
        bits &= bits - 1;
      }
      return CATEGORIES[Integer.numberOfTrailingZeros(bits)];
    }
    return (m.age() < 18 ? CHILD_ACUTE : ADULT_ACUTE).pick(rng);
  }

  /** Emergency physicians bill from the emergency room when the service can be done there; others do not. */
  private static String place(Encounter e, Specialty specialty, SplittableRandom rng) {
    boolean emergency = specialty == Specialty.EMERGENCY_MEDICINE;
    if (emergency && e.places().items().contains(EMERGENCY_ROOM)) {
      return EMERGENCY_ROOM;
    }
    String pos = e.places().pick(rng);
    for (int i = 0; i < 8 && !emergency && pos.equals(EMERGENCY_ROOM); i++) {
      pos = e.places().pick(rng);
    }
    return pos;
  }

  private static String diagnosis(Encounter e, char sex, SplittableRandom rng) {
    String dx = e.diagnoses().pick(rng);
    for (int i = 0; i < 8 && !fitsSex(dx, sex); i++) {
      dx = e.diagnoses().pick(rng);
    }
    return fitsSex(dx, sex) ? dx : "C189";
  }

  /** Prostate codes only for men; breast cancer, gynecological exams and pregnancy only for women. */
  private static boolean fitsSex(String dx, char sex) {
    if (dx.startsWith("C61")) {
      return sex == 'M';
    }
    if (dx.startsWith("C50") || dx.startsWith("D05") || dx.startsWith("O") || dx.startsWith("Z01419")) {
      return sex == 'F';
    }
    return true;
  }

  private static String comorbidity(Member m, Category primary, String dx1, String other, SplittableRandom rng) {
    int bits = m.conditions() & ~primary.bit() & ~Category.NEOPLASM.bit();
    String code = null;
    if (bits != 0 && rng.nextDouble() < 0.7) {
      for (int k = rng.nextInt(Integer.bitCount(bits)); k > 0; k--) {
        bits &= bits - 1;
      }
      code = CATEGORIES[Integer.numberOfTrailingZeros(bits)].comorbidityCode();
    } else if (m.age() >= 18 && rng.nextDouble() < 0.2) {
      code = GENERAL_COMORBIDITIES[rng.nextInt(GENERAL_COMORBIDITIES.length)];
    }
    return code == null || code.equals(dx1) || code.equals(other) ? null : code;
  }

  private static int submissionLag(Setting setting, SplittableRandom rng) {
    double u = rng.nextDouble();
    int lag = u < 0.62 ? rng.nextInt(5) : u < 0.92 ? 5 + rng.nextInt(10) : 15 + rng.nextInt(16);
    if (setting != Setting.OFFICE) {
      lag = Math.min(30, lag + 1 + rng.nextInt(3));
    }
    return lag;
  }
}
