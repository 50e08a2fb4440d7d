package com.medflow.pipeline.demo;

import com.medflow.model.QualityCheck;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.PayerMappings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** A generated batch read back and checked line by line; cached per spec so test classes share the work. */
final class Generated {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
  static final PayerMappings MAPPINGS = PayerMappings.load(Optional.empty());
  static final List<String> FOLDERS = List.of("bluecross", "aetna", "unitedhealth");
  private static final Map<DemoSpec, Generated> CACHE = new HashMap<>();

  /** A line with the checks it fails. */
  record Checked(PayerFile.Line line, Set<QualityCheck> checks) {
    boolean clean() {
      return checks.isEmpty();
    }

    /** Clean, or only warn-only problems: the line becomes a clean claim. */
    boolean kept() {
      return checks.stream().allMatch(c -> c.severity() == com.medflow.model.Severity.WARN);
    }
  }

  final DemoSpec spec;
  final Path dir;
  final GenerationReport report;
  final Map<String, PayerFile> files = new LinkedHashMap<>();
  final Map<String, List<Checked>> checked = new LinkedHashMap<>();

  private Generated(DemoSpec spec, Path dir) throws IOException {
    this.spec = spec;
    this.dir = dir;
    this.report = new DemoDataGenerator(spec).write(dir, ProgressListener.NONE);
    for (String folder : FOLDERS) {
      PayerMapping mapping = mapping(folder);
      PayerFile file = PayerFile.read(mapping, dir.resolve(folder).resolve(spec.batch() + ".csv"));
      files.put(folder, file);
      ReferenceChecks checks = new ReferenceChecks(mapping, spec.today());
      List<Checked> out = new ArrayList<>();
      for (PayerFile.Line line : file.lines) {
        out.add(new Checked(line, checks.check(line)));
      }
      checked.put(folder, out);
    }
  }

  static synchronized Generated of(long claims, long seed, String batch, boolean followUp, LocalDate today) {
    DemoSpec spec = new DemoSpec(claims, seed, batch, followUp, today);
    return CACHE.computeIfAbsent(spec, s -> {
      try {
        Path dir = Files.createTempDirectory("medflow-demo-");
        deleteOnExit(dir);
        return new Generated(s, dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The standard 20,000-claim base batch most tests read. */
  static Generated base() {
    return of(20_000, 7, "b1", false, TODAY);
  }

  static PayerMapping mapping(String folder) {
    return MAPPINGS.byFolder(folder).orElseThrow();
  }

  ReferenceChecks checks(String folder) {
    return new ReferenceChecks(mapping(folder), spec.today());
  }

  List<Checked> clean(String folder) {
    return checked.get(folder).stream().filter(Checked::clean).toList();
  }

  List<Checked> kept(String folder) {
    return checked.get(folder).stream().filter(Checked::kept).toList();
  }

  private static void deleteOnExit(Path dir) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // best effort
      }
    }));
  }
}
