package com.medflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./medflow} commands end to end in this JVM: exit codes, standard output, one-line errors. */
class MedflowCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Result(int exitCode, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  private static Path configFor(Path dir, String... extraLines) throws Exception {
    Path yaml = dir.resolve("medflow.yaml");
    List<String> lines = new ArrayList<>(List.of("home: " + dir.resolve("home"), "spark:", "  shuffle-partitions: 2",
        "cache:", "  type: none"));
    lines.addAll(List.of(extraLines));
    Files.write(yaml, lines);
    return yaml;
  }

  @Test
  void everyCommandPrintsHelpAndExitsZero() {
    for (String[] args : List.of(new String[] {"--help"}, new String[] {"demo", "--help"}, new String[] {"generate", "--help"},
        new String[] {"pipeline", "run", "--help"}, new String[] {"sql", "--help"}, new String[] {"tables", "--help"},
        new String[] {"serve", "--help"}, new String[] {"ask", "--help"}, new String[] {"eval", "--help"},
        new String[] {"users", "add", "--help"}, new String[] {"bench", "pipeline", "--help"}, new String[] {"config", "--help"})) {
      Result r = run(args);
      assertThat(r.exitCode()).as(String.join(" ", args)).isZero();
      assertThat(r.out()).as(String.join(" ", args)).startsWith("Usage: medflow");
    }
  }

  @Test
  void generateWritesOneFilePerPayerAndListsThemOnStandardOutput(@TempDir Path dir) throws Exception {
    Path landing = dir.resolve("landing");
    Result r = run("generate", "--out", landing.toString(), "--claims", "60", "--seed", "7");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines().toList()).containsExactlyInAnyOrder(
        landing.resolve("bluecross/batch-0001.csv").toString(),
        landing.resolve("aetna/batch-0001.csv").toString(),
        landing.resolve("unitedhealth/batch-0001.csv").toString());
    byte[] first = Files.readAllBytes(landing.resolve("aetna/batch-0001.csv"));
    Path again = dir.resolve("again");
    assertThat(run("generate", "--out", again.toString(), "--claims", "60", "--seed", "7").exitCode()).isZero();
    assertThat(Files.readAllBytes(again.resolve("aetna/batch-0001.csv"))).isEqualTo(first);
  }

  @Test
  void generateFormat837pWritesOneValidX12FileWithTheSameBytesForTheSameSeed(@TempDir Path dir) throws Exception {
    Path landing = dir.resolve("landing");
    Result r = run("generate", "--format", "837p", "--out", landing.toString(), "--claims", "40", "--seed", "7",
        "--batch", "837p-0001");
    assertThat(r.exitCode()).isZero();
    Path file = landing.resolve("humana-837p/837p-0001.837");
    assertThat(r.out().strip()).isEqualTo(file.toString());
    String text = Files.readString(file);
    assertThat(text).startsWith("ISA*00*").contains("\nGS*HC*").contains("*005010X222A1~").endsWith("IEA*1*000000001~\n");
    assertThat(text.split("\nCLM\\*", -1)).hasSize(41);
    Path again = dir.resolve("again");
    run("generate", "--format", "837p", "--out", again.toString(), "--claims", "40", "--seed", "7", "--batch", "837p-0001");
    assertThat(Files.readAllBytes(again.resolve("humana-837p/837p-0001.837"))).isEqualTo(Files.readAllBytes(file));
    assertThat(run("generate", "--format", "xml", "--out", landing.toString()).exitCode()).isEqualTo(2);
  }

  @Test
  void anInvalidConfigurationValueExitsWithTwoAndOneLineNamingTheKey(@TempDir Path dir) throws Exception {
    Path yaml = configFor(dir, "quality:", "  gate-threshold: 1.5");
    Result r = run("--config", yaml.toString(), "tables");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("medflow: Invalid value for quality.gate-threshold").doesNotContain("\n")
        .doesNotContain("Exception");
  }

  @Test
  void configPrintsEffectiveValuesWithOriginsAndHidesSecrets(@TempDir Path dir) throws Exception {
    Path yaml = configFor(dir, "app-db:", "  password: hunter2");
    Result r = run("--config", yaml.toString(), "config");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).containsPattern("(?m)^cache\\.type\\s+none\\s+" + java.util.regex.Pattern.quote(yaml.toString()) + "$")
        .containsPattern("(?m)^server\\.port\\s+8000\\s+default$")
        .containsPattern("(?m)^app-db\\.password\\s+\\(hidden\\)")
        .doesNotContain("hunter2");
  }

  @Test
  void pipelineThenSqlAndTablesAccountForEveryGeneratedClaim(@TempDir Path dir) throws Exception {
    Path yaml = configFor(dir);
    Path landing = dir.resolve("landing");
    assertThat(run("generate", "--out", landing.toString(), "--claims", "300").exitCode()).isZero();

    Result pipeline = run("--config", yaml.toString(), "pipeline", "run", "--landing", landing.toString());
    assertThat(pipeline.exitCode()).as(pipeline.err()).isZero();

    Result counts = run("--config", yaml.toString(), "sql", "--format", "json",
        "SELECT (SELECT COUNT(*) FROM healthcare.claims_raw) AS bronze,"
            + " (SELECT COUNT(*) FROM healthcare.claims_clean) AS clean,"
            + " (SELECT COUNT(*) FROM healthcare.claims_quarantined) AS quarantined");
    assertThat(counts.exitCode()).as(counts.err()).isZero();
    JsonNode json = JSON.readTree(counts.out());
    assertThat(json.get("columns").findValuesAsText("name")).containsExactly("bronze", "clean", "quarantined");
    JsonNode row = json.get("rows").get(0);
    long dataLines = 0;
    for (String payer : List.of("bluecross", "aetna", "unitedhealth")) {
      dataLines += Files.readAllLines(landing.resolve(payer + "/batch-0001.csv")).stream().skip(1)
          .filter(l -> !l.isBlank()).count();
    }
    assertThat(row.get(0).asLong()).isEqualTo(dataLines);
    assertThat(row.get(1).asLong() + row.get(2).asLong()).isEqualTo(dataLines);
    assertThat(row.get(2).asLong()).isPositive();

    Result tables = run("--config", yaml.toString(), "tables");
    assertThat(tables.exitCode()).isZero();
    assertThat(tables.out()).containsPattern("healthcare\\.claims_clean\\s+silver\\s+" + row.get(1).asLong() + "\\s+\\d+");

    Result again = run("--config", yaml.toString(), "pipeline", "run", "--landing", landing.toString());
    assertThat(again.exitCode()).isZero();
    Result same = run("--config", yaml.toString(), "sql", "--format", "csv",
        "SELECT COUNT(*) AS n FROM healthcare.claims_raw");
    assertThat(same.out().lines().toList()).containsExactly("n", Long.toString(dataLines));
  }

  @Test
  void aFailedQualityGateExitsWithThree(@TempDir Path dir) throws Exception {
    Path yaml = configFor(dir);
    Path landing = dir.resolve("landing");
    assertThat(run("generate", "--out", landing.toString(), "--claims", "300").exitCode()).isZero();
    Result r = run("--config", yaml.toString(), "pipeline", "run", "--landing", landing.toString(), "--threshold", "0.001");
    assertThat(r.exitCode()).isEqualTo(3);
    Result clean = run("--config", yaml.toString(), "sql", "--format", "csv", "SELECT COUNT(*) AS n FROM healthcare.claims_clean");
    assertThat(clean.out().lines().toList()).containsExactly("n", "0");
  }

  @Test
  void aMissingLandingZoneIsAOneLineErrorNamingTheFolder(@TempDir Path dir) throws Exception {
    Path yaml = configFor(dir);
    Path missing = dir.resolve("no-such-landing");
    Result r = run("--config", yaml.toString(), "pipeline", "run", "--landing", missing.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip()).startsWith("medflow: ").contains(missing.toString()).contains("does not exist")
        .doesNotContain("\n");
  }

  @Test
  void sqlThatWritesIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
    Path yaml = configFor(dir);
    Result r = run("--config", yaml.toString(), "sql", "DELETE FROM healthcare.claims_clean");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).startsWith("medflow: ").contains("Only a single SELECT query may run").doesNotContain("\n");
  }

  @Test
  void usersAreAddedListedAndRemoved(@TempDir Path dir) throws Exception {
    Path yaml = configFor(dir);
    assertThat(run("--config", yaml.toString(), "users", "add", "dana", "--role", "analyst", "--password", "s3cret-pass")
        .exitCode()).isZero();
    assertThat(run("--config", yaml.toString(), "users", "list").out()).containsPattern("(?m)^dana\\s+analyst\\s");
    Result bad = run("--config", yaml.toString(), "users", "add", "eve", "--role", "root", "--password", "x");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--role must be admin, analyst or business");
    assertThat(run("--config", yaml.toString(), "users", "remove", "dana").exitCode()).isZero();
    assertThat(run("--config", yaml.toString(), "users", "list").out()).doesNotContain("dana");
  }
}
