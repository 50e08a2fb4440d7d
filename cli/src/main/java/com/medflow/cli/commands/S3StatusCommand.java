package com.medflow.cli.commands;

import com.medflow.cli.MedflowCommand;
import com.medflow.config.MedflowConfig;
import com.medflow.objectstore.ObjectStore;
import com.medflow.objectstore.devserver.DevServer;
import com.medflow.objectstore.devserver.S3ProxyJar;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code medflow s3 status}: whether the development S3 server runs, where, and its buckets. Exit 3 when stopped. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Show whether the development S3 server of this home runs: endpoint, pid, buckets, folders.",
        "Exit codes: 0 running, 3 not running."})
public final class S3StatusCommand implements Callable<Integer> {
  public static final int NOT_RUNNING = 3;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    MedflowConfig config = ((MedflowCommand) spec.root().userObject()).config(Map.of());
    DevServer.Status status = DevServer.forConfig(config).status();
    print(spec.commandLine().getOut(), status, config);
    return status.running() ? 0 : NOT_RUNNING;
  }

  static void print(PrintWriter out, DevServer.Status s, MedflowConfig config) {
    if (!s.running()) {
      out.println("S3 server not running (endpoint " + s.endpoint() + ", objects in " + s.dataDir() + ")");
      out.flush();
      return;
    }
    out.println("S3Proxy " + S3ProxyJar.version() + " running at " + s.endpoint() + " (pid " + s.pid().orElseThrow() + ")");
    try (ObjectStore store = new ObjectStore(DevServer.forConfig(config).connection())) {
      out.println("  buckets      " + String.join(", ", store.buckets()));
    }
    out.println("  objects      " + s.dataDir());
    out.println("  credentials  " + s.credentials() + " (owner-only)");
    out.println("  log          " + s.log());
    out.flush();
  }
}
