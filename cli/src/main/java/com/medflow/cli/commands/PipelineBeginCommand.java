package com.medflow.cli.commands;

import com.medflow.cli.MedflowCommand;
import com.medflow.cli.Services;
import com.medflow.pipeline.run.PipelineListener;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code medflow pipeline begin}: records a new run and prints its id (the first step of an Airflow DAG). */
@Command(name = "begin", mixinStandardHelpOptions = true,
    description = {"Record a new pipeline run, take the pipeline lock and print the run id on standard output.",
        "Then run its tasks with: medflow pipeline task NAME --run RUN_ID"})
public final class PipelineBeginCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--landing", paramLabel = "DIR_OR_URI", description = "Landing zone (default: landing.dir).")
  String landing;

  @Option(names = "--trigger", defaultValue = "airflow", description = "Trigger recorded in run history (default: ${DEFAULT-VALUE}).")
  String trigger;

  @Override
  public Integer call() {
    Services services = ((MedflowCommand) spec.root().userObject()).services();
    String where = landing == null ? services.config().pipeline().landing() : landing;
    String runId = services.pipelineRunner(services.config().pipeline().gateThreshold(), PipelineListener.NONE)
        .begin(where, trigger);
    spec.commandLine().getOut().println(runId);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
