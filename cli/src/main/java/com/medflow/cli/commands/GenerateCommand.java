package com.medflow.cli.commands;

import com.medflow.cli.term.Terminal;
import com.medflow.pipeline.demo.DemoDataGenerator;
import com.medflow.pipeline.demo.DemoSpec;
import com.medflow.pipeline.demo.FileReport;
import com.medflow.pipeline.demo.GenerationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code medflow generate}: deterministic demo files in the three payer formats. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Write demo claim files for BlueCross, Aetna and UnitedHealth into DIR/<payer>/<batch>.csv",
        "(or, with --format 837p, one X12 837P file into DIR/humana-837p/<batch>.837).",
        "Same --claims and --seed give the same bytes. About 3% of rows are dirty, covering every quarantine rule."})
public final class GenerateCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Landing folder to write into.")
  Path out;

  @Option(names = "--claims", defaultValue = "100000", paramLabel = "N", description = "Claims to generate (default: ${DEFAULT-VALUE}).")
  long claims;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--batch", defaultValue = "batch-0001", paramLabel = "NAME", description = "Batch (file) name (default: ${DEFAULT-VALUE}).")
  String batch;

  @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
      description = "csv (default): the three payer CSV formats; 837p: one valid X12 837P file DIR/humana-837p/<batch>.837"
          + " (read with payers/humana-837p.yaml; --follow-up does not apply).")
  String format;

  @Option(names = "--follow-up", description = "Write a follow-up batch that changes the status of claims of the base batch"
      + " generated with the same --claims and --seed (pending -> approved/denied, denied -> in review).")
  boolean followUp;

  @Override
  public Integer call() throws IOException {
    Terminal term = Terminal.stderr();
    if (format.equalsIgnoreCase("837p")) {
      if (followUp) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--follow-up does not apply to --format 837p");
      }
      FileReport f = generate837(term, out, new DemoSpec(claims, seed, batch, false, LocalDate.now(ZoneOffset.UTC)));
      spec.commandLine().getOut().println(f.file());
      spec.commandLine().getOut().flush();
      return 0;
    }
    if (!format.equalsIgnoreCase("csv")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid --format: " + format + " (csv or 837p)");
    }
    GenerationReport report = generate(term, out, new DemoSpec(claims, seed, batch, followUp,
        LocalDate.now(ZoneOffset.UTC)));
    var stdout = spec.commandLine().getOut();
    for (FileReport f : report.files()) {
      stdout.println(f.file());
    }
    stdout.flush();
    return 0;
  }

  /** Writes one X12 837P file and prints what was written. */
  public static FileReport generate837(Terminal term, Path out, DemoSpec spec) throws IOException {
    long start = System.currentTimeMillis();
    FileReport f = new com.medflow.pipeline.demo.Edi837Generator(spec).write(out);
    term.line(String.format(Locale.ROOT, "  generated %s X12 837P claims in %s: %.1f MB  %s", Terminal.count(f.dataLines()),
        Terminal.seconds(System.currentTimeMillis() - start), f.bytes() / 1e6, f.file()));
    return f;
  }

  /** Generates with a progress line and prints what was written. */
  public static GenerationReport generate(Terminal term, Path out, DemoSpec spec) throws IOException {
    long start = System.currentTimeMillis();
    GenerationReport report = new DemoDataGenerator(spec).write(out, (done, total) -> term.status(String.format(
        Locale.ROOT, "  generating %s / %s claims  %s", Terminal.count(done), Terminal.count(total),
        Terminal.rate(done, System.currentTimeMillis() - start))));
    long ms = System.currentTimeMillis() - start;
    term.line(String.format(Locale.ROOT, "  generated %s %s in %s (%s): %s data lines, %s deliberately dirty",
        Terminal.count(report.claims()), spec.followUp() ? "status updates" : "claims", Terminal.seconds(ms),
        Terminal.rate(report.dataLines(), ms), Terminal.count(report.dataLines()), Terminal.count(report.dirtyRows())));
    for (FileReport f : report.files()) {
      term.line(String.format(Locale.ROOT, "    %-13s %10s lines %8.1f MB  %s", f.payer(), Terminal.count(f.dataLines()),
          f.bytes() / 1e6, f.file()));
    }
    if (report.dirtyRows() > 0) {
      StringBuilder sb = new StringBuilder("    dirty rows by rule: ");
      for (Map.Entry<String, Long> e : report.dirtyByCode().entrySet()) {
        if (e.getValue() > 0) {
          sb.append(e.getKey()).append(' ').append(e.getValue()).append("  ");
        }
      }
      term.line(term.dim(sb.toString().trim()));
    }
    return report;
  }
}
