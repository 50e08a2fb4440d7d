package com.medflow.assistant.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.assistant.nlq.LakeFacts;
import com.medflow.assistant.testing.AssistantHarness;
import com.medflow.lake.TableVersions;
import com.medflow.model.Role;
import com.medflow.pipeline.testing.PipelineHarness;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelValidatorTest {
  @TempDir
  Path home;

  @Test
  void everyMetricDimensionAndExampleOfTheBuiltInModelCompilesAndRunsAndABrokenVerifiedSqlIsReported() {
    try (AssistantHarness h = new AssistantHarness(home); TableVersions versions = new TableVersions(h.lake.config.catalog())) {
      ModelValidator v = new ModelValidator(AssistantHarness.engine(),
          sql -> h.queries.run(sql, Role.ADMIN, OptionalInt.of(10)).result().rowCount());
      List<ModelValidator.Check> seen = new ArrayList<>();
      List<ModelValidator.Check> checks = v.validate(new LakeFacts(h.lake.lake, versions::current,
          Clock.fixed(PipelineHarness.NOW, ZoneOffset.UTC)).get(), List.of(
          new ModelValidator.NamedSql("broken", "SELECT no_such_column FROM healthcare.claims_clean")), seen::add);
      assertThat(seen).isEqualTo(checks);
      assertThat(checks).extracting(ModelValidator.Check::kind).contains("metric", "dimension", "example sql",
          "example question", "verified answer");
      assertThat(checks.stream().filter(c -> c.kind().equals("metric"))).hasSize(AssistantHarness.engine().model()
          .metrics().size());
      // metrics and dimensions hold on any data; examples name values (providers, specialties) the small fixture lacks
      assertThat(checks.stream().filter(c -> !c.ok() && (c.kind().equals("metric") || c.kind().equals("dimension"))))
          .isEmpty();
      assertThat(checks.stream().filter(c -> !c.ok())).allSatisfy(c -> assertThat(c.detail()).isNotBlank());
      assertThat(checks.stream().filter(c -> c.kind().equals("verified answer"))).singleElement().satisfies(c -> {
        assertThat(c.ok()).isFalse();
        assertThat(c.detail()).startsWith("does not run: ").contains("no_such_column");
      });
    }
  }
}
