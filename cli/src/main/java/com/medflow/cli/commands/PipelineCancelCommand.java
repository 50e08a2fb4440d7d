package com.medflow.cli.commands;

import com.medflow.cli.MedflowCommand;
import com.medflow.cli.Services;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code medflow pipeline cancel RUN_ID}: asks a running run (in any process) to stop before its next task. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
    description = "Ask a running pipeline run to stop; it stops before its next task or retry and is marked cancelled.")
public final class PipelineCancelCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_ID")
  String runId;

  @Override
  public Integer call() {
    Services services = ((MedflowCommand) spec.root().userObject()).services();
    var runs = services.runStore();
    var run = runs.get(runId).orElseThrow(() -> new IllegalArgumentException("Invalid run: no pipeline run " + runId));
    com.medflow.model.Preconditions.checkArgument(!run.summary().state().finished(),
        "Invalid run to cancel: %s is %s", runId, run.summary().state().name().toLowerCase());
    runs.log().event(runId, com.medflow.store.runs.RunEvent.CANCEL_REQUESTED, "from the command line", Instant.now(services.clock()));
    spec.commandLine().getOut().println("cancel requested for " + runId);
    return 0;
  }
}
