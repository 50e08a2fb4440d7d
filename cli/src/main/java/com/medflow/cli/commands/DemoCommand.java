package com.medflow.cli.commands;

import com.medflow.cli.LocalServices;
import com.medflow.cli.MedflowCommand;
import com.medflow.cli.Services;
import com.medflow.cli.term.Terminal;
import com.medflow.config.MedflowConfig;
import com.medflow.pipeline.demo.DemoSpec;
import com.medflow.pipeline.demo.FileReport;
import com.medflow.pipeline.demo.GenerationReport;
import com.medflow.pipeline.landing.LandingUploads;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medflow demo}: demo data through the pipeline, demo users, then the server with the web app. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Generate demo claims, run the pipeline, create the demo users (admin/admin, analyst/analyst,",
        "business/business) and start the server on :8000 with the web app. Re-running reuses what is there."})
public final class DemoCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--claims", defaultValue = "100000", paramLabel = "N", description = "Demo claims (default: ${DEFAULT-VALUE}).")
  long claims;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--port", paramLabel = "PORT", description = "Port (default: server.port, 8000).")
  Integer port;

  @Option(names = "--no-serve", description = "Stop after the pipeline instead of starting the server.")
  boolean noServe;

  @Option(names = "--with-sources", description = {"Also land the CMS carrier sample (Medicare, RIF layout) and a generated",
      "X12 837P file (Humana, 2,000 claims), read with the mapping files in payers/ (payers.dir)."})
  boolean withSources;

  @Override
  public Integer call() throws Exception {
    MedflowCommand root = (MedflowCommand) spec.root().userObject();
    Map<String, String> overrides = new java.util.HashMap<>();
    if (port != null) {
      overrides.put("server.port", port.toString());
    }
    if (withSources && root.config(Map.of()).pipeline().payersDir().isEmpty()) {
      String repo = System.getenv().getOrDefault("MEDFLOW_ROOT", ".");
      overrides.put("payers.dir", Path.of(repo, "payers").toAbsolutePath().normalize().toString());
    }
    Services services = overrides.isEmpty() ? root.services() : root.services(overrides);
    Terminal term = Terminal.stderr();
    MedflowConfig config = services.config();
    String landing = config.pipeline().landing();
    term.line(term.bold("MedFlow demo") + term.dim("  home " + config.home() + "  profile " + config.profile().wireName()));
    LocalServices.prepare(config, term);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    DemoSpec demo = new DemoSpec(claims, seed, "batch-0001", false, today);
    if (MedflowConfig.isS3(landing)) {
      Path staging = config.home().resolve("demo-data");
      upload(services, GenerateCommand.generate(term, staging, demo), term);
      if (withSources) {
        Path sources = config.home().resolve("demo-sources");
        landSources(term, sources, today);
        uploadFolders(services, sources, term);
      }
    } else {
      GenerateCommand.generate(term, Path.of(landing), demo);
      if (withSources) {
        landSources(term, Path.of(landing), today);
      }
    }
    int code = PipelineRunCommand.run(services, landing, config.pipeline().gateThreshold(), "demo");
    services.accounts().ensureDemoUsers();
    term.line("  demo users: admin/admin, analyst/analyst, business/business");
    if (noServe) {
      return code;
    }
    ServeCommand.serve(services, term);
    return code;
  }

  /** The CMS carrier sample and a generated 837P file, each its own batch (outside the CSV demo batch). */
  private void landSources(Terminal term, Path landing, LocalDate today) throws java.io.IOException {
    Path carrier = java.nio.file.Files.createDirectories(landing.resolve("cms-carrier")).resolve("cms-carrier-sample.csv");
    try (java.io.InputStream in = DemoCommand.class.getResourceAsStream("/medflow/samples/cms-rif-carrier/carrier.csv")) {
      java.nio.file.Files.copy(in, carrier, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    term.line("  landed the CMS carrier sample (221 lines, CC0)  " + carrier);
    GenerateCommand.generate837(term, landing, new DemoSpec(2000, seed, "837p-0001", false, today));
  }

  /** Puts generated files into an S3 landing zone (unchanged files are left alone). */
  static void upload(Services services, GenerationReport report, Terminal term) {
    LandingUploads uploads = new LandingUploads(services.config().pipeline().landing(), services.mappings(), services.s3());
    long t0 = System.currentTimeMillis();
    long bytes = 0;
    for (FileReport f : report.files()) {
      bytes += uploads.upload(f.file(), uploads.payer(f.payer()), false).bytes();
    }
    term.line(String.format(java.util.Locale.ROOT, "  uploaded %d files (%.1f MB) to %s in %s", report.files().size(),
        bytes / 1e6, services.config().pipeline().landing(), Terminal.seconds(System.currentTimeMillis() - t0)));
  }

  /** Uploads every file of {@code dir}/{@code <payer folder>}/ to its payer's place in the S3 landing zone. */
  private static void uploadFolders(Services services, Path dir, Terminal term) throws java.io.IOException {
    LandingUploads uploads = new LandingUploads(services.config().pipeline().landing(), services.mappings(), services.s3());
    try (java.util.stream.Stream<Path> folders = java.nio.file.Files.list(dir)) {
      for (Path folder : folders.filter(java.nio.file.Files::isDirectory).sorted().toList()) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(folder)) {
          for (Path f : files.sorted().toList()) {
            uploads.upload(f, uploads.payer(folder.getFileName().toString()), false);
            term.line("  uploaded " + folder.getFileName() + "/" + f.getFileName());
          }
        }
      }
    }
  }
}
