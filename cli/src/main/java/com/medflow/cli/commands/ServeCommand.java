package com.medflow.cli.commands;

import com.medflow.cli.MedflowCommand;
import com.medflow.cli.Services;
import com.medflow.cli.term.Terminal;
import com.medflow.server.MedflowServer;
import com.medflow.server.routes.AssistantRoutes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medflow serve}: the HTTP API and the web app, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the HTTP API and web UI.")
public final class ServeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", description = "Port (default: server.port, 8000).")
  Integer port;

  @Override
  public Integer call() throws InterruptedException {
    MedflowCommand root = (MedflowCommand) spec.root().userObject();
    Services services = port == null ? root.services() : root.services(Map.of("server.port", port.toString()));
    serve(services, Terminal.stderr());
    return 0;
  }

  /** Starts the server, prints its URL, and blocks until the process is interrupted. */
  public static void serve(Services services, Terminal term) throws InterruptedException {
    long start = System.currentTimeMillis();
    MedflowServer server = services.server(List.of(new AssistantRoutes(services.askService()), services.learningRoutes()));
    term.status("  warming up the query engine and the assistant...");
    int warmed = services.askService().warmUp(com.medflow.model.Role.ADMIN);
    term.line(term.dim("  warmed up: " + warmed + " example questions answered"));
    server.start();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stop.countDown();
    }, "medflow-shutdown"));
    term.line(term.bold("MedFlow is running at " + server.url()) + term.dim("  (started in "
        + Terminal.seconds(System.currentTimeMillis() - start) + "; Ctrl-C stops it)"));
    System.out.println(server.url());
    System.out.flush();
    stop.await();
  }
}
