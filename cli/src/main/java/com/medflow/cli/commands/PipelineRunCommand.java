package com.medflow.cli.commands;

import com.medflow.cli.MedflowCommand;
import com.medflow.cli.Services;
import com.medflow.cli.term.PipelineReporter;
import com.medflow.cli.term.RunSummaryPrinter;
import com.medflow.cli.term.Terminal;
import com.medflow.pipeline.run.PipelineRunner;
import com.medflow.pipeline.run.RunOutcome;
import com.medflow.pipeline.run.SparkProgress;
import com.medflow.store.runs.RunState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code medflow pipeline run}: bronze → silver → gate → gold on every file not yet ingested. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run bronze -> silver -> quality gate -> gold on every landing file not yet ingested.",
        "Exit codes: 0 success or nothing to do, 3 the quality gate failed, 1 error."})
public final class PipelineRunCommand implements Callable<Integer> {
  public static final int GATE_FAILED = 3;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--landing", paramLabel = "DIR_OR_URI", description = "Landing zone (default: landing.dir).")
  String landing;

  @Option(names = "--threshold", paramLabel = "FRACTION", description = "Quality-gate threshold (default: quality.gate-threshold).")
  Double threshold;

  @Override
  public Integer call() {
    Services services = ((MedflowCommand) spec.root().userObject()).services();
    return run(services, landing == null ? services.config().pipeline().landing() : landing,
        threshold == null ? services.config().pipeline().gateThreshold() : threshold, "cli");
  }

  /** Runs the pipeline with terminal progress and summary; returns the exit code. */
  public static int run(Services services, String landing, double threshold, String trigger) {
    Terminal term = Terminal.stderr();
    term.line(term.bold("Pipeline") + term.dim("  landing " + landing + "  gate " + Math.round(threshold * 100) + "%"));
    SparkProgress progress = SparkProgress.attach(services.spark().sparkContext());
    try (PipelineReporter reporter = new PipelineReporter(term, progress)) {
      PipelineRunner runner = services.pipelineRunner(threshold, reporter);
      RunOutcome outcome = runner.runNow(landing, trigger);
      RunSummaryPrinter.print(term, outcome, threshold);
      return outcome.state() == RunState.GATE_FAILED ? GATE_FAILED : 0;
    } finally {
      progress.detach(services.spark().sparkContext());
    }
  }
}
