package com.medflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @Test
  void defaultsAreTheEmbeddedModeUnderHome(@TempDir Path home) {
    MedflowConfig c = MedflowConfig.forHome(home, Map.of());
    assertThat(c.home()).isEqualTo(home.toAbsolutePath().normalize());
    assertThat(c.catalog().uri()).isEqualTo("jdbc:sqlite:" + c.home() + "/catalog.db");
    assertThat(c.catalog().isEmbedded()).isTrue();
    assertThat(c.catalog().warehouse().toString()).isEqualTo("file://" + c.home() + "/warehouse");
    assertThat(c.appDb().url()).isEqualTo("jdbc:sqlite:" + c.home() + "/app.db");
    assertThat(c.pipeline().gateThreshold()).isEqualTo(0.10);
    assertThat(c.server().port()).isEqualTo(8000);
    assertThat(c.query().timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.cache().type()).isEqualTo(MedflowConfig.CacheType.MEMORY);
    assertThat(c.assistant().llmEnabled()).isFalse();
  }

  @Test
  void fileThenEnvironmentThenCommandLine(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("medflow.yaml");
    Files.writeString(yaml, """
        home: %s
        catalog:
          uri: jdbc:postgresql://127.0.0.1:5432/medflow
          user: medflow
        quality:
          gate-threshold: 0.2
        server: {port: 9000}
        """.formatted(dir));
    MedflowConfig c = ConfigLoader.load(Optional.of(yaml),
        Map.of("MEDFLOW_SERVER_PORT", "9100", "ANTHROPIC_API_KEY", "sk-test"),
        Map.of("quality.gate-threshold", "0.05"));
    assertThat(c.catalog().uri()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/medflow");
    assertThat(c.catalog().user()).contains("medflow");
    assertThat(c.catalog().isEmbedded()).isFalse();
    assertThat(c.server().port()).isEqualTo(9100);
    assertThat(c.pipeline().gateThreshold()).isEqualTo(0.05);
    assertThat(c.assistant().anthropicApiKey()).contains("sk-test");
  }

  @Test
  void badValuesFailFastNamingKeyAndOrigin(@TempDir Path home) {
    assertThatThrownBy(() -> MedflowConfig.forHome(home, Map.of("quality.gate-threshold", "1.5")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("quality.gate-threshold")
        .hasMessageContaining("command line")
        .hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> ConfigLoader.isolated(Map.of("MEDFLOW_SERVER_PORT", "eighty"), Map.of()))
        .hasMessageContaining("server.port")
        .hasMessageContaining("MEDFLOW_SERVER_PORT");
    assertThatThrownBy(() -> MedflowConfig.forHome(home, Map.of("catalog.uri", "jdbc:mysql://x/y")))
        .hasMessageContaining("catalog.uri");
    assertThatThrownBy(() -> MedflowConfig.forHome(home, Map.of("query.default-limit", "50000")))
        .hasMessageContaining("query.max-rows");
    assertThatThrownBy(() -> MedflowConfig.forHome(home, Map.of("catalog.warehouse", "s3://bucket/wh")))
        .hasMessageContaining("not supported by this build");
  }

  @Test
  void unknownKeysInTheFileAreErrors(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("medflow.yaml");
    Files.writeString(yaml, "quality:\n  gate-treshold: 0.2\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(yaml), Map.of(), Map.of()))
        .hasMessageContaining("quality.gate-treshold");
  }

  @Test
  void everySettingHasADistinctEnvironmentVariable() {
    assertThat(Settings.ALL.stream().map(Setting::envVar).distinct().count()).isEqualTo(Settings.ALL.size());
    assertThat(Settings.GATE_THRESHOLD.envVar()).isEqualTo("MEDFLOW_QUALITY_GATE_THRESHOLD");
  }
}
