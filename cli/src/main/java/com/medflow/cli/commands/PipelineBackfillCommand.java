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
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code medflow pipeline backfill --batch B}: re-processes chosen batches from bronze through silver and gold. */
@Command(name = "backfill", mixinStandardHelpOptions = true,
    description = {"Re-process chosen batches from bronze (no landing file is read) through silver, the gate and",
        "gold. Idempotent: the tables end as the original runs left them unless bronze or the rules changed."})
public final class PipelineBackfillCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--batch", required = true, split = ",", paramLabel = "PAYER/BATCH|BATCH",
      description = "Batches to re-process: payer/batch_id, or batch_id for every payer of it (repeatable).")
  List<String> batches;

  @Override
  public Integer call() {
    Services services = ((MedflowCommand) spec.root().userObject()).services();
    double threshold = services.config().pipeline().gateThreshold();
    String landing = services.config().pipeline().landing();
    Terminal term = Terminal.stderr();
    SparkProgress progress = SparkProgress.attach(services.spark().sparkContext());
    try (PipelineReporter reporter = new PipelineReporter(term, progress)) {
      PipelineRunner runner = services.pipelineRunner(threshold, reporter);
      RunOutcome o = runner.run(runner.begin(landing, "backfill", batches), landing);
      RunSummaryPrinter.print(term, o, threshold);
      return o.state() == RunState.GATE_FAILED ? PipelineRunCommand.GATE_FAILED : 0;
    } finally {
      progress.detach(services.spark().sparkContext());
    }
  }
}
