package com.medflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.objectstore.testing.S3TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./medflow s3 start|status|stop}, {@code upload} and {@code --profile}, run as a user runs them. */
class ObjectStoreCommandsTest {
  record Result(int exitCode, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  /** The Aetna file of fixture batch b1 (from the pipeline's test jar). */
  private static byte[] fixture() throws Exception {
    try (var in = ObjectStoreCommandsTest.class.getResourceAsStream("/fixtures/b1/aetna/b1.csv")) {
      return in.readAllBytes();
    }
  }

  private static Path config(Path dir, String... lines) throws Exception {
    Path yaml = dir.resolve("medflow.yaml");
    Files.write(yaml, List.of(lines));
    return yaml;
  }

  @Test
  void theDevelopmentServerStartsWithTheConfiguredBucketsReportsItselfAndStops(@TempDir Path dir) throws Exception {
    URI endpoint = S3TestServer.freePort();
    Path yaml = config(dir, "home: " + dir.resolve("home"), "s3.endpoint: " + endpoint,
        "catalog.warehouse: s3://mf-wh/warehouse", "landing.dir: s3://mf-landing/");
    String y = yaml.toString();
    try {
      Result before = run("--config", y, "s3", "status");
      assertThat(before.exitCode()).isEqualTo(3);
      assertThat(before.out()).startsWith("S3 server not running (endpoint " + endpoint);

      Result start = run("--config", y, "s3", "start", "--bucket", "mf-extra");
      assertThat(start.exitCode()).as(start.err()).isZero();
      assertThat(start.out()).contains("running at " + endpoint).containsPattern("buckets\\s+mf-extra, mf-landing, mf-wh");
      Path credentials = dir.resolve("home/s3/credentials");
      assertThat(Files.getPosixFilePermissions(credentials)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

      Result status = run("--config", y, "s3", "status");
      assertThat(status.exitCode()).isZero();
      assertThat(status.out()).contains("credentials  " + credentials + " (owner-only)");

      Path file = dir.resolve("batch-9.csv");
      Files.write(file, fixture());
      Result upload = run("--config", y, "upload", "--payer", "Aetna", file.toString());
      assertThat(upload.exitCode()).as(upload.err()).isZero();
      assertThat(upload.out().strip()).isEqualTo("s3://mf-landing/aetna/batch-9.csv");
      Result wrongPayer = run("--config", y, "upload", "--payer", "bluecross", file.toString());
      assertThat(wrongPayer.exitCode()).isEqualTo(1);
      assertThat(wrongPayer.err().strip()).startsWith("medflow: bluecross/batch-9.csv: header (line 1) does not match"
          + " the BlueCross format").doesNotContain("\n");

      Result stop = run("--config", y, "s3", "stop");
      assertThat(stop.out().strip()).isEqualTo("stopped S3 server at " + endpoint);
      Result down = run("--config", y, "upload", "--payer", "Aetna", file.toString());
      assertThat(down.exitCode()).isEqualTo(1);
      assertThat(down.err().strip()).startsWith("medflow: Cannot reach the S3 store at " + endpoint + " (s3.endpoint) for"
          + " bucket mf-landing (landing.dir)").doesNotContain("\n");
    } finally {
      run("--config", y, "s3", "stop");
    }
  }

  @Test
  void uploadCopiesIntoALandingFolderAndNeverOverwritesOtherContent(@TempDir Path dir) throws Exception {
    Path yaml = config(dir, "home: " + dir.resolve("home"));
    Path file = dir.resolve("b1.csv");
    Files.write(file, fixture());
    Result first = run("--config", yaml.toString(), "upload", "--payer", "aetna", file.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    Path landed = dir.resolve("home/landing/aetna/b1.csv");
    assertThat(landed).hasSameBinaryContentAs(file);
    Result same = run("--config", yaml.toString(), "upload", "--payer", "aetna", file.toString());
    assertThat(same.exitCode()).as("the same content again is left alone").isZero();
    assertThat(same.out().strip()).isEqualTo(landed.toUri().toString());
    Files.writeString(file, Files.readString(file).replace("AET-000001", "AET-999999"));
    Result clash = run("--config", yaml.toString(), "upload", "--payer", "aetna", file.toString());
    assertThat(clash.exitCode()).isEqualTo(1);
    assertThat(clash.err()).contains("already exists with other content");
    assertThat(run("--config", yaml.toString(), "upload", "--payer", "aetna", "--replace", file.toString()).exitCode()).isZero();
    assertThat(landed).hasSameBinaryContentAs(file);
  }

  @Test
  void profileOnTheCommandLineSwitchesTheDefaultsAndConfigShowsTheirOrigin(@TempDir Path dir) throws Exception {
    Path yaml = config(dir, "home: " + dir.resolve("home"));
    Result r = run("--config", yaml.toString(), "config", "--profile", "production");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("(?m)^profile\\s+production\\s+command line$")
        .containsPattern("(?m)^catalog\\.warehouse\\s+s3://medflow-warehouse/\\s+profile production$")
        .containsPattern("(?m)^cache\\.type\\s+redis\\s+profile production$")
        .containsPattern("(?m)^s3\\.secret-key\\s+-\\s+default$");
    Result bad = run("--config", yaml.toString(), "config", "--profile", "staging");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err().strip()).isEqualTo("medflow: Invalid value for profile (from command line): 'staging'; expected"
        + " embedded or production");
  }
}
