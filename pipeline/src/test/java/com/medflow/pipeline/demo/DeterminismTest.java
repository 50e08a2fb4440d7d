package com.medflow.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

  @TempDir
  Path tmp;

  @Test
  void sameSpecGivesByteIdenticalFiles() throws IOException {
    DemoSpec spec = new DemoSpec(5_000, 11, "b1", false, TODAY);
    assertThat(hashes(spec, "one")).isEqualTo(hashes(spec, "two"));
  }

  @Test
  void sameSpecGivesByteIdenticalFollowUpFiles() throws IOException {
    DemoSpec spec = new DemoSpec(5_000, 11, "b2", true, TODAY);
    assertThat(hashes(spec, "one")).isEqualTo(hashes(spec, "two"));
  }

  @Test
  void differentSeedGivesDifferentFiles() throws IOException {
    Map<String, String> a = hashes(new DemoSpec(5_000, 11, "b1", false, TODAY), "a");
    Map<String, String> b = hashes(new DemoSpec(5_000, 12, "b1", false, TODAY), "b");
    for (String folder : Generated.FOLDERS) {
      assertThat(a.get(folder)).as(folder).isNotEqualTo(b.get(folder));
    }
  }

  @Test
  void filesDoNotDependOnTodayOnceTheServiceWindowIsFullyProcessed() throws IOException {
    Map<String, String> a = hashes(new DemoSpec(5_000, 11, "b1", false, LocalDate.of(2026, 3, 16)), "a");
    Map<String, String> b = hashes(new DemoSpec(5_000, 11, "b1", false, LocalDate.of(2031, 7, 1)), "b");
    assertThat(a).isEqualTo(b);
    Map<String, String> c = hashes(new DemoSpec(5_000, 11, "b2", true, LocalDate.of(2026, 3, 16)), "c");
    Map<String, String> d = hashes(new DemoSpec(5_000, 11, "b2", true, LocalDate.of(2031, 7, 1)), "d");
    assertThat(c).isEqualTo(d);
  }

  @Test
  void baseBatchesWithDifferentSeedsShareNoClaimId() {
    Generated a = Generated.of(3_000, 21, "a", false, TODAY);
    Generated b = Generated.of(3_000, 22, "b", false, TODAY);
    for (String folder : Generated.FOLDERS) {
      ReferenceChecks r = a.checks(folder);
      java.util.Set<String> ids = new java.util.HashSet<>();
      a.kept(folder).forEach(c -> ids.add(r.value(c.line(), com.medflow.model.mapping.StandardField.CLAIM_ID)));
      assertThat(b.kept(folder)).as(folder).noneMatch(c -> ids.contains(
          r.value(c.line(), com.medflow.model.mapping.StandardField.CLAIM_ID)));
    }
  }

  @Test
  void batchNameChangesOnlyTheFileName() throws IOException {
    Map<String, String> a = hashes(new DemoSpec(2_000, 11, "b1", false, TODAY), "a");
    Map<String, String> b = hashes(new DemoSpec(2_000, 11, "2025-06_x", false, TODAY), "b");
    assertThat(a).isEqualTo(b);
  }

  @Test
  void rewritingReplacesTheFilesAndLeavesNoTemporaryFiles() throws IOException {
    DemoSpec spec = new DemoSpec(2_000, 11, "b1", false, TODAY);
    Map<String, String> first = hashes(spec, "same");
    Map<String, String> second = hashes(spec, "same");
    assertThat(second).isEqualTo(first);
    try (var files = Files.walk(tmp.resolve("same"))) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .containsOnly("b1.csv").hasSize(3);
    }
  }

  private Map<String, String> hashes(DemoSpec spec, String name) throws IOException {
    Path dir = tmp.resolve(name);
    GenerationReport report = new DemoDataGenerator(spec).write(dir, ProgressListener.NONE);
    Map<String, String> out = new LinkedHashMap<>();
    for (FileReport f : report.files()) {
      out.put(f.file().getParent().getFileName().toString(), sha256(f.file()));
    }
    return out;
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
