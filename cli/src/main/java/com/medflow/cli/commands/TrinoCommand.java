package com.medflow.cli.commands;

import com.medflow.cli.MedflowCommand;
import com.medflow.cli.term.Terminal;
import com.medflow.config.MedflowConfig;
import com.medflow.objectstore.S3Connection;
import com.medflow.query.engine.Bytes;
import com.medflow.query.trino.TrinoInstall;
import com.medflow.query.trino.TrinoServer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medflow trino install|start|stop|status}: the Trino coordinator MedFlow runs on this machine. */
@Command(name = "trino", mixinStandardHelpOptions = true,
    description = {"Trino " + TrinoInstall.VERSION + " as the interactive engine (query.engine=trino): installed from"
        + " Maven Central into trino.install-dir, configured from medflow.yaml (same Iceberg JDBC catalog and",
        "warehouse), run on Java 22+ at trino.url. Exit codes of status: 0 running, 3 not running."})
public final class TrinoCommand {
  public static final int NOT_RUNNING = 3;

  @Spec
  CommandSpec spec;

  @Command(name = "install", mixinStandardHelpOptions = true,
      description = "Download (once, into the local Maven repository) and unpack Trino and its Iceberg plugin.")
  int install() {
    MedflowConfig config = config();
    TrinoInstall install = new TrinoInstall(config.engine().trino().installDir());
    long t0 = System.currentTimeMillis();
    Terminal term = Terminal.stderr();
    boolean now = install.install(line -> term.line("  " + line));
    out().println(now ? "Trino " + TrinoInstall.VERSION + " installed in " + install.dir() + " in "
        + Terminal.seconds(System.currentTimeMillis() - t0) : "Trino " + TrinoInstall.VERSION + " already installed in "
        + install.dir());
    out().flush();
    return 0;
  }

  @Command(name = "start", mixinStandardHelpOptions = true,
      description = {"Install if needed, write Trino's configuration from MedFlow's and start it in the background;",
          "returns when it has answered a first query on the catalog. Does nothing when it already runs."})
  int start(@Option(names = "--timeout", defaultValue = "PT180S", description = "Longest wait for start-up (ISO-8601).")
            Duration timeout) {
    MedflowConfig config = config();
    TrinoServer server = server(config);
    Terminal term = Terminal.stderr();
    long t0 = System.currentTimeMillis();
    boolean started = server.start(timeout, line -> term.line("  " + line));
    term.line(started ? "  Trino started at " + config.engine().trino().url() + " in "
        + Terminal.seconds(System.currentTimeMillis() - t0) + term.dim("  (./medflow trino stop to stop it)")
        : "  Trino already running at " + config.engine().trino().url());
    print(out(), server.status());
    return 0;
  }

  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the Trino server started from this home.")
  int stop() {
    TrinoServer server = server(config());
    out().println(server.stop() ? "Trino stopped" : "Trino was not running");
    out().flush();
    return 0;
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Whether Trino runs: URL, pid, memory, install and log folders. Exit 3 when it does not run.")
  int status() {
    TrinoServer.Status s = server(config()).status();
    print(out(), s);
    return s.running() ? 0 : NOT_RUNNING;
  }

  /** The server of {@code config}, with the warehouse's S3 credentials when it is on S3. */
  public static TrinoServer server(MedflowConfig config) {
    Optional<Map<String, String>> s3 = config.catalog().onObjectStore()
        ? Optional.of(S3Connection.of(config.s3()).icebergProperties()) : Optional.empty();
    return new TrinoServer(config.engine().trino(), config.catalog(), s3);
  }

  static void print(PrintWriter out, TrinoServer.Status s) {
    if (s.running()) {
      out.println("Trino " + TrinoInstall.VERSION + " running at " + s.url() + " (pid " + s.pid().orElseThrow()
          + s.rssBytes().map(b -> ", " + Bytes.human(b) + " resident").orElse("") + ")");
    } else {
      out.println("Trino not running (trino.url " + s.url() + ")");
    }
    out.println("  installed    " + (s.installed() ? s.installDir() : "no (./medflow trino install)"));
    out.println("  log          " + s.log());
    out.flush();
  }

  private MedflowConfig config() {
    return ((MedflowCommand) spec.root().userObject()).config(Map.of());
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
