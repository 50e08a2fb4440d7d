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

  @Override
  public Integer call() throws Exception {
    MedflowCommand root = (MedflowCommand) spec.root().userObject();
    Services services = port == null ? root.services() : root.services(Map.of("server.port", port.toString()));
    Terminal term = Terminal.stderr();
    MedflowConfig config = services.config();
    String landing = config.pipeline().landing();
    term.line(term.bold("MedFlow demo") + term.dim("  home " + config.home() + "  profile " + config.profile().wireName()));
    LocalServices.prepare(config, term);
    DemoSpec demo = new DemoSpec(claims, seed, "batch-0001", false, LocalDate.now(ZoneOffset.UTC));
    if (MedflowConfig.isS3(landing)) {
      upload(services, GenerateCommand.generate(term, config.home().resolve("demo-data"), demo), term);
    } else {
      GenerateCommand.generate(term, Path.of(landing), demo);
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
}
