package com.medflow.cli.commands;

import com.medflow.cli.MedflowCommand;
import com.medflow.objectstore.devserver.DevServer;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code medflow s3 stop}: stops the development S3 server of this home; its objects stay on disk. */
@Command(name = "stop", mixinStandardHelpOptions = true,
    description = "Stop the development S3 server started from this home (objects and credentials are kept).")
public final class S3StopCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    DevServer server = DevServer.forConfig(((MedflowCommand) spec.root().userObject()).config(Map.of()));
    boolean stopped = server.stop();
    spec.commandLine().getOut().println(stopped ? "stopped S3 server at " + server.status().endpoint()
        : "S3 server at " + server.status().endpoint() + " was not running");
    spec.commandLine().getOut().flush();
    return 0;
  }
}
