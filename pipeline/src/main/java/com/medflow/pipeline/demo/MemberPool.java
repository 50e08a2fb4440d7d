package com.medflow.pipeline.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One payer's members: a realistic population (ages 0 to 94 on 2025-01-01, older members claiming more, chronic
 * conditions by age, pregnancies for some women of childbearing age) spread over every state by population.
 * About eight claims per member on average (more beyond a million members), many more for the chronically ill.
 */
final class MemberPool {
  static final int REFERENCE_DAY = (int) LocalDate.of(2025, 1, 1).toEpochDay();
  private static final int CLAIMS_PER_MEMBER = 8;
  /** Bounds memory for very large batches (members then simply have more claims each). */
  private static final int MAX_MEMBERS = 1_000_000;

  /** Age bands: lowest age, highest age, share of members, relative utilization. */
  private static final int[][] BANDS = {{0, 4}, {5, 17}, {18, 29}, {30, 44}, {45, 64}, {65, 79}, {80, 94}};
  private static final double[] BAND_SHARE = {6, 13, 14, 19, 26, 17, 5};
  private static final double[] BAND_USE = {0.6, 0.35, 0.3, 0.4, 0.6, 0.85, 1.0};

  /** Chronic prevalence by age group: under 18, 18-44, 45-64, 65 and over. */
  private static final Object[][] PREVALENCE = {
      {Category.DIABETES, new double[] {0.003, 0.04, 0.14, 0.26}},
      {Category.HYPERTENSION, new double[] {0.005, 0.10, 0.35, 0.60}},
      {Category.ISCHEMIC_HEART_DISEASE, new double[] {0, 0.006, 0.05, 0.15}},
      {Category.HEART_FAILURE, new double[] {0, 0.002, 0.02, 0.08}},
      {Category.COPD, new double[] {0, 0.008, 0.05, 0.11}},
      {Category.ASTHMA, new double[] {0.09, 0.08, 0.08, 0.07}},
      {Category.DEPRESSION, new double[] {0.04, 0.10, 0.09, 0.07}},
      {Category.ANXIETY, new double[] {0.05, 0.12, 0.09, 0.06}},
      {Category.BACK_PAIN, new double[] {0.01, 0.08, 0.12, 0.14}},
      {Category.OSTEOARTHRITIS_OF_KNEE, new double[] {0, 0.01, 0.08, 0.20}},
      {Category.CHRONIC_KIDNEY_DISEASE, new double[] {0.001, 0.01, 0.05, 0.15}},
      {Category.NEOPLASM, new double[] {0.002, 0.01, 0.04, 0.09}}};

  /** Population in hundred thousands (2020 census, rounded). */
  private static final String STATES = "CA:395 TX:291 FL:215 NY:202 PA:130 IL:128 OH:118 GA:107 NC:104 MI:101 NJ:93 "
      + "VA:86 WA:77 AZ:72 MA:70 TN:69 IN:68 MD:62 MO:62 WI:59 CO:58 MN:57 SC:51 AL:50 LA:47 KY:45 OR:42 OK:40 "
      + "CT:36 UT:33 IA:32 NV:31 AR:30 MS:30 KS:29 NM:21 NE:20 ID:18 WV:18 HI:15 NH:14 ME:14 RI:11 MT:11 DE:10 "
      + "SD:9 ND:8 AK:7 DC:7 VT:6 WY:6";

  private final Member[] members;

  private MemberPool(Member[] members) {
    this.members = members;
  }

  /** A pool sized for {@code claims} claims; pregnancies overlap the service window {@code [firstDay, lastDay]}. */
  static MemberPool create(PayerProfile payer, long claims, int firstDay, int lastDay, SplittableRandom rng) {
    int size = (int) Math.max(25, Math.min(MAX_MEMBERS, claims / CLAIMS_PER_MEMBER));
    Weighted<String> states = states(payer);
    Weighted<Integer> bands = Weighted.of(List.of(0, 1, 2, 3, 4, 5, 6), BAND_SHARE);
    long modulus = payer.memberModulus();
    long step = Seeds.coprimeStep(rng, modulus);
    long offset = rng.nextLong(modulus);
    Member[] members = new Member[size];
    for (int i = 0; i < size; i++) {
      int band = bands.pick(rng);
      int age = BANDS[band][0] + rng.nextInt(BANDS[band][1] - BANDS[band][0] + 1);
      // Nobody is born after the last service day, so every member can have a claim.
      int birthDay = Math.min(lastDay, REFERENCE_DAY - (int) Math.floor(age * 365.2425) - rng.nextInt(365));
      double s = rng.nextDouble();
      char sex = s < 0.51 ? 'F' : s < 0.995 ? 'M' : 'U';
      int group = age < 18 ? 0 : age < 45 ? 1 : age < 65 ? 2 : 3;
      int conditions = 0;
      int count = 0;
      for (Object[] p : PREVALENCE) {
        if (rng.nextDouble() < ((double[]) p[1])[group]) {
          conditions |= ((Category) p[0]).bit();
          count++;
        }
      }
      int pregnancyStart = Member.NONE;
      if (sex == 'F' && age >= 18 && age <= 40 && rng.nextDouble() < 0.12) {
        pregnancyStart = firstDay - 240 + rng.nextInt(Math.max(1, lastDay - 30 - (firstDay - 240)));
      }
      double use = BAND_USE[band] * (0.3 + 0.7 * rng.nextDouble()) * (1 + 0.35 * count) / 2.2;
      String id = payer.memberId((offset + i * step) % modulus);
      members[i] = new Member(id, birthDay, age, sex, states.pick(rng), conditions, pregnancyStart,
          (float) Math.min(1.0, Math.max(0.02, use)));
    }
    return new MemberPool(members);
  }

  /** A member, more likely the more care they use. */
  Member pick(SplittableRandom rng) {
    while (true) {
      Member m = members[rng.nextInt(members.length)];
      if (rng.nextFloat() < m.utilization()) {
        return m;
      }
    }
  }

  private static Weighted<String> states(PayerProfile payer) {
    Weighted<String> population = Weighted.parse(STATES);
    List<String> codes = new ArrayList<>(population.items());
    double[] w = new double[codes.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = population.weight(i) * payer.stateTilt(codes.get(i));
    }
    return Weighted.of(codes, w);
  }
}
