package com.medflow.pipeline.demo;

import static com.medflow.model.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * One kind of billed service for a diagnosis category: the procedure code, the diagnoses it is billed with,
 * who performs it where, its usual charge, and whom it fits.
 *
 * @param procedure CPT or HCPCS Level II code
 * @param diagnoses undotted ICD-10-CM codes for the primary diagnosis
 * @param specialties performing specialties, the first the most likely
 * @param places place-of-service codes
 * @param minCents lowest billed charge
 * @param maxCents highest billed charge
 * @param minAge youngest patient (years)
 * @param maxAge oldest patient (years)
 * @param sex {@code 'F'} or {@code 'M'} when only one sex fits, else {@code '*'}
 * @param season seasonality, or {@code null} for the category's
 * @param delivery a delivery (pregnancy claims only): dated at the end of the pregnancy
 */
record Encounter(String procedure, Weighted<String> diagnoses, Weighted<Specialty> specialties,
    Weighted<String> places, long minCents, long maxCents, int minAge, int maxAge, char sex, Season season,
    boolean delivery) {

  Encounter {
    requireNonNull(procedure, "procedure is null");
    requireNonNull(diagnoses, "diagnoses is null");
    requireNonNull(specialties, "specialties is null");
    requireNonNull(places, "places is null");
    checkArgument(minCents > 0 && maxCents >= minCents, "Invalid charge range for %s", procedure);
  }

  boolean fits(int age, char memberSex) {
    return age >= minAge && age <= maxAge && (sex == '*' || sex == memberSex);
  }

  /** Fluent builder used by {@link ClinicalProfiles}. */
  static final class Builder {
    final double weight;
    private final String procedure;
    private String diagnoses;
    private List<Specialty> by = List.of();
    private String places = "11";
    private long minCents = 10_000;
    private long maxCents = 20_000;
    private int minAge = 0;
    private int maxAge = 200;
    private char sex = '*';
    private Season season;
    private boolean delivery;

    Builder(double weight, String procedure) {
      this.weight = weight;
      this.procedure = procedure;
    }

    Builder by(Specialty... specialties) {
      this.by = Arrays.asList(specialties);
      return this;
    }

    Builder pos(String places) {
      this.places = places;
      return this;
    }

    Builder usd(int min, int max) {
      this.minCents = min * 100L;
      this.maxCents = max * 100L;
      return this;
    }

    Builder dx(String diagnoses) {
      this.diagnoses = diagnoses;
      return this;
    }

    Builder ages(int min, int max) {
      this.minAge = min;
      this.maxAge = max;
      return this;
    }

    Builder female() {
      this.sex = 'F';
      return this;
    }

    Builder male() {
      this.sex = 'M';
      return this;
    }

    Builder season(Season season) {
      this.season = season;
      return this;
    }

    Builder delivery() {
      this.delivery = true;
      return this;
    }

    Encounter build(String defaultDiagnoses) {
      String dx = diagnoses != null ? diagnoses : defaultDiagnoses;
      checkArgument(dx != null, "No diagnoses for %s", procedure);
      checkArgument(!by.isEmpty(), "No specialty for %s", procedure);
      double[] w = new double[by.size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = i == 0 ? 4 : i == 1 ? 2 : 1;
      }
      return new Encounter(procedure, Weighted.parse(dx), Weighted.of(by, w), Weighted.parse(places), minCents,
          maxCents, minAge, maxAge, sex, season, delivery);
    }
  }
}
