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
    assertThatThrownBy(() -> MedflowConfig.forHome(home, Map.of("catalog.warehouse", "s3a://bucket/wh")))
        .hasMessageContaining("catalog.warehouse").hasMessageContaining("s3://bucket/prefix");
    assertThatThrownBy(() -> MedflowConfig.forHome(home, Map.of("landing.dir", "s3://Bad_Bucket/x")))
        .hasMessageContaining("landing.dir").hasMessageContaining("valid bucket name");
    assertThatThrownBy(() -> MedflowConfig.forHome(home, Map.of("s3.endpoint", "ftp://host")))
        .hasMessageContaining("s3.endpoint");
    assertThatThrownBy(() -> MedflowConfig.forHome(home, Map.of("s3.access-key", "AKIA")))
        .hasMessage("s3.access-key is set (from command line) but s3.secret-key is missing (set it in medflow.yaml or"
            + " MEDFLOW_S3_SECRET_KEY)");
    assertThatThrownBy(() -> MedflowConfig.forHome(home, Map.of("profile", "staging")))
        .hasMessage("Invalid value for profile (from command line): 'staging'; expected embedded or production");
  }

  @Test
  void objectStoreLocationsAndSettingsAreAccepted(@TempDir Path home) {
    MedflowConfig c = MedflowConfig.forHome(home, Map.of("catalog.warehouse", "s3://lake-bucket/warehouse",
        "landing.dir", "s3://landing-bucket/incoming/", "s3.endpoint", "https://s3.eu-west-1.amazonaws.com",
        "s3.region", "eu-west-1", "s3.path-style", "false", "s3.access-key", "AKIAEXAMPLE", "s3.secret-key", "shh"));
    assertThat(c.catalog().onObjectStore()).isTrue();
    assertThat(c.pipeline().landing()).isEqualTo("s3://landing-bucket/incoming/");
    assertThat(c.s3().endpoint()).contains(java.net.URI.create("https://s3.eu-west-1.amazonaws.com"));
    assertThat(c.s3().localEndpoint()).isFalse();
    assertThat(c.s3().pathStyle()).isFalse();
    assertThat(c.s3().keys()).get().extracting(MedflowConfig.S3Keys::accessKey, MedflowConfig.S3Keys::origin)
        .containsExactly("AKIAEXAMPLE", "s3.access-key (from command line)");
    assertThat(c.s3().keys().get().toString()).doesNotContain("shh");
    assertThat(MedflowConfig.forHome(home, Map.of("s3.endpoint", "aws")).s3().endpoint()).isEmpty();
    MedflowConfig defaults = MedflowConfig.forHome(home, Map.of());
    assertThat(defaults.s3().localEndpoint()).isTrue();
    assertThat(defaults.s3().serverDir()).isEqualTo(defaults.home().resolve("s3"));
    assertThat(defaults.catalog().onObjectStore()).isFalse();
  }

  @Test
  void theProductionProfileChangesDefaultsButNotExplicitValues(@TempDir Path dir) throws Exception {
    MedflowConfig p = ConfigLoader.isolated(Map.of("MEDFLOW_HOME", dir.toString(), "MEDFLOW_PROFILE", "production"), Map.of());
    assertThat(p.profile()).isEqualTo(Profile.PRODUCTION);
    assertThat(p.catalog().uri()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/medflow");
    assertThat(p.appDb().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/medflow");
    assertThat(p.catalog().warehouse().toString()).isEqualTo("s3://medflow-warehouse/");
    assertThat(p.pipeline().landing()).isEqualTo("s3://medflow-landing/");
    assertThat(p.cache().type()).isEqualTo(MedflowConfig.CacheType.REDIS);

    Path yaml = dir.resolve("medflow.yaml");
    Files.writeString(yaml, "profile: production\ncache: {type: memory}\n");
    var entries = ConfigLoader.explain(Optional.of(yaml), Map.of("MEDFLOW_HOME", dir.toString()), Map.of());
    assertThat(entries).contains(
        new ConfigLoader.EffectiveSetting("profile", "production", yaml.toString()),
        new ConfigLoader.EffectiveSetting("cache.type", "memory", yaml.toString()),
        new ConfigLoader.EffectiveSetting("catalog.warehouse", "s3://medflow-warehouse/", "profile production"),
        new ConfigLoader.EffectiveSetting("server.port", "8000", "default"));
    assertThat(ConfigLoader.load(Optional.of(yaml), Map.of("MEDFLOW_HOME", dir.toString()), Map.of("profile", "embedded"))
        .catalog().isEmbedded()).as("the command line picks the profile over the file").isTrue();
    for (Profile profile : Profile.values()) {
      assertThat(profile.changedKeys()).allSatisfy(k -> assertThat(Settings.BY_KEY).containsKey(k));
    }
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
        new ConfigLoader.EffectiveSetting("auth.jwt-secret", "", "default"),
        new ConfigLoader.EffectiveSetting("s3.secret-key", "", "default"));
  }

  @Test
  void explainValidatesLikeLoad(@TempDir Path dir) {
    assertThatThrownBy(() -> ConfigLoader.explain(Optional.empty(), Map.of("MEDFLOW_HOME", dir.toString()),
        Map.of("server.port", "-1"))).hasMessageContaining("server.port");
  }

  @Test
  void businessAnswersAreCappedInRowsAndBytesByDefaultAndAnalystsGetTheQueryLimits(@TempDir Path home) {
    MedflowConfig.Query q = MedflowConfig.forHome(home, Map.of()).query();
    assertThat(q.cap(com.medflow.model.Role.BUSINESS)).isEqualTo(new ResponseCap(1_000, 1_048_576));
    assertThat(q.cap(com.medflow.model.Role.ANALYST)).isEqualTo(new ResponseCap(10_000, 16_777_216));
    assertThat(q.cap(com.medflow.model.Role.ADMIN)).isEqualTo(new ResponseCap(10_000, 16_777_216));
  }

  @Test
  void businessCapsAreSetByKeyAndNeverAboveTheQueryLimits(@TempDir Path home) {
    MedflowConfig.Query set = MedflowConfig.forHome(home, Map.of("query.business.max-rows", "50",
        "query.business.max-result-bytes", "4096")).query();
    assertThat(set.cap(com.medflow.model.Role.BUSINESS)).isEqualTo(new ResponseCap(50, 4_096));
    MedflowConfig.Query lowered = MedflowConfig.forHome(home, Map.of("query.max-rows", "20",
        "query.default-limit", "20", "query.max-result-bytes", "2048")).query();
    assertThat(lowered.cap(com.medflow.model.Role.BUSINESS)).isEqualTo(new ResponseCap(20, 2_048));
    assertThatThrownBy(() -> MedflowConfig.forHome(home, Map.of("query.business.max-result-bytes", "10")))
        .hasMessageContaining("query.business.max-result-bytes");
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
