package com.medflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.medflow.config.ConfigLoader;
import com.medflow.config.MedflowConfig;
import com.medflow.config.Setting;
import com.medflow.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/docker-compose.yml} cannot be started here (no Docker engine), so its syntax and its
 * names are checked: every service, dependency, volume and build file exists, and the MedFlow
 * service's environment is a valid production configuration.
 */
class DeployComposeFileTest {
  private static final Path DEPLOY = Path.of(System.getProperty("user.dir")).getParent().resolve("deploy");

  private static JsonNode compose() throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(DEPLOY.resolve("docker-compose.yml").toFile());
  }

  @Test
  void everyServiceOfTheProductionProfileIsThereAndTrinoIsOptIn() throws Exception {
    JsonNode services = compose().get("services");
    assertThat(names(services)).containsExactlyInAnyOrder("postgres", "s3", "s3-buckets", "redis", "trino", "medflow");
    assertThat(services.get("trino").get("profiles").get(0).asText()).isEqualTo("trino");
    for (String name : names(services)) {
      JsonNode s = services.get(name);
      assertThat(s.has("image") || s.has("build")).as("%s has an image or a build", name).isTrue();
      for (String dep : names(s.path("depends_on"))) {
        assertThat(services.has(dep)).as("%s depends on %s", name, dep).isTrue();
      }
      for (JsonNode port : s.path("ports")) {
        assertThat(port.asText()).as("port of %s", name).matches("\\d{2,5}:\\d{2,5}");
      }
      for (JsonNode volume : s.path("volumes")) {
        String named = volume.asText().split(":")[0];
        assertThat(compose().get("volumes").has(named)).as("volume %s of %s is declared", named, name).isTrue();
      }
    }
    JsonNode build = services.get("medflow").get("build");
    assertThat(DEPLOY.resolve(build.get("context").asText()).resolve(build.get("dockerfile").asText())).isRegularFile();
    assertThat(Files.readString(DEPLOY.resolve("Dockerfile"))).contains("mvn -B -q -DskipTests package")
        .contains("ENTRYPOINT [\"/opt/medflow/medflow\"]");
  }

  @Test
  void theMedflowServiceIsAValidProductionConfigurationPointingAtItsNeighbours() throws Exception {
    JsonNode env = compose().get("services").get("medflow").get("environment");
    Set<String> known = Settings.ALL.stream().map(Setting::envVar).collect(Collectors.toSet());
    Map<String, String> resolved = new HashMap<>();
    for (String name : names(env)) {
      assertThat(known).as("%s is a MedFlow setting", name).contains(name);
      resolved.put(name, defaults(env.get(name).asText()));
    }
    MedflowConfig c = ConfigLoader.isolated(resolved, Map.of());
    assertThat(c.catalog().uri()).isEqualTo("jdbc:postgresql://postgres:5432/medflow");
    assertThat(c.appDb().url()).isEqualTo(c.catalog().uri());
    assertThat(c.catalog().onObjectStore()).isTrue();
    assertThat(c.pipeline().landing()).startsWith("s3://");
    assertThat(c.s3().endpoint().orElseThrow().getHost()).isEqualTo("s3");
    assertThat(c.s3().keys()).isPresent();
    assertThat(c.cache().type()).isEqualTo(MedflowConfig.CacheType.REDIS);
    assertThat(c.cache().redisUrl().getHost()).isEqualTo("redis");

    String buckets = compose().get("services").get("s3-buckets").get("command").get(0).asText();
    assertThat(buckets).contains("medflow-landing").contains("medflow-warehouse");
    assertThat(compose().get("services").get("s3").get("environment").get("S3PROXY_IDENTITY").asText())
        .isEqualTo(env.get("MEDFLOW_S3_ACCESS_KEY").asText());
  }

  /** {@code ${VAR:-default}} as Compose resolves it with VAR unset. */
  private static String defaults(String value) {
    Matcher m = Pattern.compile("\\$\\{[A-Z0-9_]+:-([^}]*)}").matcher(value);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static List<String> names(JsonNode node) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }
}
