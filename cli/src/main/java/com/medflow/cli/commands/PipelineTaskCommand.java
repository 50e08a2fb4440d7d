package com.medflow.cli.commands;

import com.medflow.cli.MedflowCommand;
import com.medflow.cli.Services;
import com.medflow.cli.term.PipelineReporter;
import com.medflow.cli.term.Terminal;
import com.medflow.pipeline.run.PipelineRunner;
import com.medflow.pipeline.run.PipelineTask;
import com.medflow.pipeline.run.RunOutcome;
import com.medflow.pipeline.run.SparkProgress;
import com.medflow.store.runs.RunState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code medflow pipeline task NAME --run RUN_ID}: one task of a run, in its own process (Airflow calls one per task). */
@Command(name = "task", mixinStandardHelpOptions = true,
    description = {"Run one task of a pipeline run begun with 'medflow pipeline begin'. The tasks before it must",
        "have succeeded; a task that already succeeded is not run again; a failed run is resumed at this task.",
        "Tasks: ingest, verify_bronze, transform, gate, write_silver, verify_silver, aggregate, verify_gold, publish.",
        "Exit codes: 0 done (or skipped), 3 the run finished with a failed quality gate, 1 error."})
public final class PipelineTaskCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "Task name.")
  String name;

  @Option(names = "--run", required = true, paramLabel = "RUN_ID", description = "The run (printed by 'pipeline begin').")
  String runId;

  @Override
  public Integer call() {
    PipelineTask task = PipelineTask.of(name);
    Services services = ((MedflowCommand) spec.root().userObject()).services();
    Terminal term = Terminal.stderr();
    SparkProgress progress = SparkProgress.attach(services.spark().sparkContext());
    try (PipelineReporter reporter = new PipelineReporter(term, progress)) {
      PipelineRunner runner = services.pipelineRunner(services.config().pipeline().gateThreshold(), reporter);
      RunOutcome o = runner.runTask(runId, task);
      var record = o.tasks().stream().filter(t -> t.name().equals(task.wireName())).findFirst();
      term.line("task " + task.wireName() + " of " + runId + ": "
          + record.map(t -> t.state().name().toLowerCase() + (t.detail() == null ? "" : " - " + t.detail())).orElse("?")
          + "; run " + o.state().name().toLowerCase());
      return o.state() == RunState.GATE_FAILED ? PipelineRunCommand.GATE_FAILED : 0;
    } finally {
      progress.detach(services.spark().sparkContext());
    }
  }
}
