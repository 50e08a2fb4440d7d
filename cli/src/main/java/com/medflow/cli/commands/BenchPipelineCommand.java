package com.medflow.cli.commands;

import com.medflow.cli.MedflowCommand;
import com.medflow.cli.Services;
import com.medflow.cli.term.PipelineReporter;
import com.medflow.cli.term.Terminal;
import com.medflow.config.MedflowConfig;
import com.medflow.pipeline.demo.DemoSpec;
import com.medflow.pipeline.run.PipelineListener;
import com.medflow.pipeline.run.RunOutcome;
import com.medflow.pipeline.run.SparkProgress;
import com.medflow.store.runs.TaskRecord;
import com.medflow.pipeline.demo.FileReport;
import com.medflow.pipeline.demo.GenerationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medflow bench pipeline --claims N}: generates N claims into a fresh home, runs the whole
 * pipeline, then a follow-up batch (MERGE of status changes), and prints time per stage and claims/s.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = {"Time the pipeline on N generated claims in a fresh, temporary home; print time per stage and claims/s.",
        "With --profile production: a fresh PostgreSQL database and fresh S3 prefixes on the configured services."})
public final class BenchPipelineCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--claims", defaultValue = "100000", paramLabel = "N", description = "Claims (default: ${DEFAULT-VALUE}).")
  long claims;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--keep", description = "Keep the benchmark home instead of deleting it.")
  boolean keep;

  @Option(names = "--warm-up", defaultValue = "0", paramLabel = "N",
      description = "First run the whole pipeline on N claims in a separate home, in this JVM, so the measured run"
          + " sees a warm JVM (loaded classes, JIT, compiled Spark code) like a long-running server (default: 0, cold).")
  long warmUp;

  @Override
  public Integer call() throws IOException {
    MedflowCommand root = (MedflowCommand) spec.root().userObject();
    MedflowConfig base = root.config(Map.of());
    long stamp = System.currentTimeMillis();
    Path home = base.home().resolve("bench").resolve("pipeline-" + stamp);
    Terminal term = Terminal.stderr();
    BenchStorage storage = BenchStorage.create(base, home, stamp, term, keep);
    MedflowConfig config = storage.config();
    Path generated = home.resolve("landing");
    term.line(term.bold("Benchmark: pipeline on " + Terminal.count(claims) + " claims") + term.dim("  home " + home
        + "  profile " + base.profile().wireName()));
    storage.land(GenerateCommand.generate(term, generated, new DemoSpec(claims, seed, "batch-0001", false,
        LocalDate.now(ZoneOffset.UTC))));
    String landing = config.pipeline().landing();
    if (warmUp > 0) {
      warmUp(term, home.resolve("warm-up"), base);
    }
    try (storage; Services services = new Services(config, Clock.systemUTC())) {
      long t0 = System.currentTimeMillis();
      services.spark();
      long sparkMs = System.currentTimeMillis() - t0;
      term.line("  spark session ready in " + Terminal.seconds(sparkMs));
      SparkProgress progress = SparkProgress.attach(services.spark().sparkContext());
      RunOutcome first;
      RunOutcome small;
      RunOutcome second;
      List<String> files = new ArrayList<>();
      try (PipelineReporter reporter = new PipelineReporter(term, progress)) {
        first = services.pipelineRunner(config.pipeline().gateThreshold(), reporter).runNow(landing, "bench");
        files.add(mergeFiles(services));
        GenerationReport followUp = GenerateCommand.generate(term, home.resolve("follow-up"), new DemoSpec(claims, seed,
            "batch-0003", true, LocalDate.now(ZoneOffset.UTC)));
        storage.land(subset(followUp, generated, "batch-0002", 4));
        small = services.pipelineRunner(config.pipeline().gateThreshold(), reporter).runNow(landing, "bench");
        files.add(mergeFiles(services));
        storage.land(subset(followUp, generated, "batch-0003", 1));
        second = services.pipelineRunner(config.pipeline().gateThreshold(), reporter).runNow(landing, "bench");
        files.add(mergeFiles(services));
      } finally {
        progress.detach(services.spark().sparkContext());
      }
      print(term, "initial load", first, claims, files.get(0));
      print(term, "1 % follow-up batch (a quarter of the status updates, MERGE)", small, small.bronzeRows(), files.get(1));
      print(term, "4 % follow-up batch (status updates, MERGE)", second, second.bronzeRows(), files.get(2));
      System.out.println(String.format(Locale.ROOT, "claims=%d initial_s=%.1f initial_claims_per_s=%.0f followup1_rows=%d"
              + " followup1_s=%.1f followup1_pct_of_initial=%.0f followup_rows=%d followup_s=%.1f followup_pct_of_initial=%.0f"
              + " spark_startup_s=%.1f peak_rss_mb=%d load_avg=%s jvm=%s profile=%s", claims, first.totalMillis() / 1000.0,
          claims * 1000.0 / first.totalMillis(), small.bronzeRows(), small.totalMillis() / 1000.0,
          100.0 * small.totalMillis() / first.totalMillis(), second.bronzeRows(), second.totalMillis() / 1000.0,
          100.0 * second.totalMillis() / first.totalMillis(), sparkMs / 1000.0, peakRssMb(), loadAverage(),
          warmUp > 0 ? "warm" : "cold", base.profile().wireName()));
    } finally {
      if (!keep) {
        delete(home);
      }
    }
    return 0;
  }

  /** A whole pipeline run (initial and follow-up batch) on a small data set, its output hidden. */
  private void warmUp(Terminal term, Path home, MedflowConfig base) throws IOException {
    long start = System.currentTimeMillis();
    Path landing = home.resolve("landing");
    MedflowConfig config = MedflowConfig.forHome(home, Map.of("spark.master", base.spark().master(),
        "spark.shuffle-partitions", Integer.toString(base.spark().shufflePartitions())));
    Terminal quiet = Terminal.silent();
    GenerateCommand.generate(quiet, landing, new DemoSpec(warmUp, seed + 1, "batch-0001", false, LocalDate.now(ZoneOffset.UTC)));
    try (Services services = new Services(config, Clock.systemUTC())) {
      services.pipelineRunner(config.pipeline().gateThreshold(), PipelineListener.NONE).runNow(landing.toString(), "bench");
      GenerateCommand.generate(quiet, landing, new DemoSpec(warmUp, seed + 1, "batch-0002", true, LocalDate.now(ZoneOffset.UTC)));
      services.pipelineRunner(config.pipeline().gateThreshold(), PipelineListener.NONE).runNow(landing.toString(), "bench");
    }
    term.line(term.dim("  warm-up: pipeline on " + Terminal.count(warmUp) + " claims in "
        + Terminal.seconds(System.currentTimeMillis() - start) + " (not measured)"));
  }

  /**
   * Every {@code every}-th data line of each follow-up file (header, byte-order mark and line ends kept) as
   * {@code <payer folder>/<batch>.csv} in the landing folder: a smaller batch of the same status changes.
   */
  static GenerationReport subset(GenerationReport followUp, Path landing, String batch, int every) throws IOException {
    List<FileReport> out = new ArrayList<>();
    for (FileReport f : followUp.files()) {
      String text = Files.readString(f.file(), StandardCharsets.UTF_8);
      String eol = text.contains("\r\n") ? "\r\n" : "\n";
      String[] lines = text.split(eol, -1);
      StringBuilder sb = new StringBuilder(lines[0]).append(eol);
      long kept = 0;
      for (int i = 1; i < lines.length; i++) {
        if (!lines[i].isEmpty() && (i - 1) % every == 0) {
          sb.append(lines[i]).append(eol);
          kept++;
        }
      }
      Path target = landing.resolve(f.file().getParent().getFileName().toString()).resolve(batch + ".csv");
      Files.createDirectories(target.getParent());
      Files.writeString(target, sb, StandardCharsets.UTF_8);
      out.add(new FileReport(f.payer(), target, kept, Files.size(target)));
    }
    return new GenerationReport(out, out.stream().mapToLong(FileReport::dataLines).sum(), 0, Map.of());
  }

  /** What the run's claims_clean commit did to files: added, removed, delete files added, and the total after. */
  private static String mergeFiles(Services services) {
    var snapshots = services.lake().snapshots(com.medflow.model.Tables.CLAIMS_CLEAN);
    Map<String, String> sum = snapshots.get(snapshots.size() - 1).summary();
    return String.format(Locale.ROOT, "claims_clean commit: %s data files added, %s removed, %s delete files added;"
            + " %s data + %s delete files in the table", sum.getOrDefault("added-data-files", "0"),
        sum.getOrDefault("deleted-data-files", "0"), sum.getOrDefault("added-delete-files", "0"),
        sum.getOrDefault("total-data-files", "?"), sum.getOrDefault("total-delete-files", "0"));
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + "/" + parts[1] + "/" + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private static void print(Terminal term, String title, RunOutcome o, long claims, String files) {
    term.line("");
    term.line(term.bold("  " + title + ": " + Terminal.count(o.bronzeRows()) + " rows, " + o.state() + " in "
        + Terminal.seconds(o.totalMillis()) + " (" + Terminal.rate(claims, o.totalMillis()).replace("rows", "claims") + ")"));
    term.line("  " + files + "; load average " + loadAverage());
    long max = o.tasks().stream().filter(t -> t.durationMs() != null).mapToLong(TaskRecord::durationMs).max().orElse(1);
    for (TaskRecord t : o.tasks()) {
      if (t.durationMs() != null && t.startedAt() != null) {
        term.line(String.format(Locale.ROOT, "  %-13s %7s %s %s", t.name(), Terminal.seconds(t.durationMs()),
            Terminal.bar((double) t.durationMs() / max, 30),
            t.rows() == null || t.durationMs() < 50 ? "" : Terminal.rate(t.rows(), t.durationMs())));
      }
    }
  }

  static long peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
