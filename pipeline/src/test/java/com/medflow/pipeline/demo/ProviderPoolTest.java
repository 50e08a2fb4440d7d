package com.medflow.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.model.rules.Npi;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProviderPoolTest {
  private final ProviderPool pool = ProviderPool.create(new SplittableRandom(1));

  @Test
  void aFewHundredProvidersWithUniqueLuhnValidNpis() {
    assertThat(pool.all()).hasSizeBetween(300, 400);
    assertThat(pool.all()).allMatch(p -> Npi.isValid(p.npi()));
    assertThat(pool.all().stream().map(Provider::npi)).doesNotHaveDuplicates();
    assertThat(pool.all().stream().map(Provider::name)).doesNotHaveDuplicates();
  }

  @Test
  void namesIncludeCommasQuotesAndNonAsciiLettersButNeverAPipe() {
    assertThat(pool.all().stream().map(Provider::name))
        .contains("Lakeside Family Medicine, PC", "Clínica São José")
        .anyMatch(n -> n.contains("\""))
        .noneMatch(n -> n.contains("|"));
    assertThat(pool.withCommaInName()).isNotEmpty().allMatch(p -> !p.name().contains("\""));
    assertThat(pool.all()).allMatch(p -> p.upperName().equals(p.name().toUpperCase(java.util.Locale.ROOT)));
  }

  @Test
  void everySpecialtyHasProviders() {
    for (Specialty s : Specialty.values()) {
      assertThat(pool.all()).as(s.label()).anyMatch(p -> p.specialty() == s);
    }
  }
}
