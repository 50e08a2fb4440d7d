package com.medflow.cli.commands;

import com.medflow.cli.MedflowCommand;
import com.medflow.cli.term.Terminal;
import com.medflow.config.MedflowConfig;
import com.medflow.objectstore.devserver.DevServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medflow s3 start}: starts the development S3 server and creates the configured buckets. */
@Command(name = "start", mixinStandardHelpOptions = true,
    description = {"Start the development S3 server in the background (installed from Maven Central on first use)",
        "and create the buckets of landing.dir and catalog.warehouse. Does nothing when it is already running."})
public final class S3StartCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--bucket", paramLabel = "NAME", description = "Also create this bucket (repeatable).")
  List<String> buckets = new ArrayList<>();

  @Override
  public Integer call() {
    MedflowConfig config = ((MedflowCommand) spec.root().userObject()).config(Map.of());
    Terminal term = Terminal.stderr();
    start(config, buckets, term);
    S3StatusCommand.print(spec.commandLine().getOut(), DevServer.forConfig(config).status(), config);
    return 0;
  }

  /** Starts the server of {@code config} (and its buckets) unless it runs; says which on {@code term}. */
  public static void start(MedflowConfig config, List<String> extraBuckets, Terminal term) {
    DevServer configured = DevServer.forConfig(config);
    List<String> all = new ArrayList<>(DevServer.configuredBuckets(config));
    extraBuckets.stream().filter(b -> !all.contains(b)).forEach(all::add);
    DevServer server = new DevServer(configured.status().endpoint(), config.s3().serverDir(), all);
    long t0 = System.currentTimeMillis();
    boolean started = server.start(Duration.ofSeconds(60));
    term.line(started
        ? "  S3 server started at " + server.status().endpoint() + " in " + Terminal.seconds(System.currentTimeMillis() - t0)
            + term.dim("  (./medflow s3 stop to stop it)")
        : "  S3 server already running at " + server.status().endpoint());
  }
}
