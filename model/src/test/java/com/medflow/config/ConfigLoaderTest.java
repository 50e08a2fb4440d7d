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

  @Test
  void explainShowsEachValueWithItsOriginAndHidesSecrets(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("medflow.yaml");
    Files.writeString(yaml, "home: %s\ncatalog:\n  password: hunter2\n".formatted(dir));
    var entries = ConfigLoader.explain(Optional.of(yaml), Map.of("MEDFLOW_SERVER_PORT", "9100"),
        Map.of("quality.gate-threshold", "0.05"));
    assertThat(entries).extracting(ConfigLoader.EffectiveSetting::key)
        .containsExactlyElementsOf(Settings.ALL.stream().map(Setting::key).toList());
    assertThat(entries).contains(
        new ConfigLoader.EffectiveSetting("server.port", "9100", "env MEDFLOW_SERVER_PORT"),
        new ConfigLoader.EffectiveSetting("quality.gate-threshold", "0.05", "command line"),
        new ConfigLoader.EffectiveSetting("catalog.password", "(hidden)", yaml.toString()),
        new ConfigLoader.EffectiveSetting("app-db.url", "jdbc:sqlite:" + dir + "/app.db", "default"),
        new ConfigLoader.EffectiveSetting("auth.jwt-secret", "", "default"));
  }

  @Test
  void explainValidatesLikeLoad(@TempDir Path dir) {
    assertThatThrownBy(() -> ConfigLoader.explain(Optional.empty(), Map.of("MEDFLOW_HOME", dir.toString()),
        Map.of("server.port", "-1"))).hasMessageContaining("server.port");
  }

  @Test
  void operationsGuideDocumentsEverySetting() throws Exception {
    Path doc = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/OPERATIONS.md");
    String text = Files.readString(doc);
    for (Setting s : Settings.ALL) {
      assertThat(text).as("docs/OPERATIONS.md documents %s", s.key()).contains("`" + s.key() + "`");
    }
  }
}
