package com.medflow.cli.commands;

import com.medflow.cli.MedflowCommand;
import com.medflow.cli.Services;
import com.medflow.cli.term.PipelineReporter;
import com.medflow.cli.term.RunSummaryPrinter;
import com.medflow.cli.term.Terminal;
import com.medflow.pipeline.run.RunOutcome;
import com.medflow.pipeline.run.SparkProgress;
import com.medflow.store.runs.RunState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code medflow pipeline resume RUN_ID}: continues a failed or cancelled run from the task that failed. */
@Command(name = "resume", mixinStandardHelpOptions = true,
    description = {"Continue a failed or cancelled run from its first task that did not succeed; earlier tasks",
        "are not run again. Only the latest run can be resumed. Exit codes as 'pipeline run'."})
public final class PipelineResumeCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_ID")
  String runId;

  @Override
  public Integer call() {
    Services services = ((MedflowCommand) spec.root().userObject()).services();
    double threshold = services.config().pipeline().gateThreshold();
    Terminal term = Terminal.stderr();
    SparkProgress progress = SparkProgress.attach(services.spark().sparkContext());
    try (PipelineReporter reporter = new PipelineReporter(term, progress)) {
      RunOutcome o = services.pipelineRunner(threshold, reporter).resume(runId);
      RunSummaryPrinter.print(term, o, threshold);
      return o.state() == RunState.GATE_FAILED ? PipelineRunCommand.GATE_FAILED : 0;
    } finally {
      progress.detach(services.spark().sparkContext());
    }
  }
}
