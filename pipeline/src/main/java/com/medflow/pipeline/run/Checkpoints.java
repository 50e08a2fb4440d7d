package com.medflow.pipeline.run;

import com.medflow.model.TableId;
import com.medflow.pipeline.verify.Verifier;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Saves what a task hands on as {@link TaskOutputs}, and restores it into {@link Work} for a resumed run. */
final class Checkpoints {
  private Checkpoints() {}

  static String save(Work w, PipelineTask task) {
    return TaskOutputs.write(switch (task) {
      case INGEST -> new TaskOutputs.Ingest(w.files, w.skipped, w.bronzeRows, w.backfill);
      case TRANSFORM -> new TaskOutputs.Transform(w.today == null ? null : w.today.toString(), w.pending,
          w.stats.stream().map(TaskOutputs.Stats::of).toList());
      case GATE -> w.decision;
      case WRITE_SILVER -> new TaskOutputs.Silver(w.merged, names(w));
      case VERIFY_SILVER -> new TaskOutputs.VerifySilver(w.payers.stream().map(TaskOutputs.Payer::of).toList());
      case AGGREGATE -> new TaskOutputs.Gold(w.goldBuilt, names(w));
      case VERIFY_BRONZE, VERIFY_GOLD, PUBLISH -> java.util.Map.of();
    });
  }

  static void restore(Work w, PipelineTask task, Optional<String> json) {
    if (task == PipelineTask.VERIFY_BRONZE || task == PipelineTask.VERIFY_GOLD || task == PipelineTask.PUBLISH) {
      return;
    }
    String body = json.orElseThrow(() -> new IllegalStateException("Cannot resume run " + w.runId + ": task "
        + task.wireName() + " succeeded but its output was not recorded"));
    switch (task) {
      case INGEST -> {
        TaskOutputs.Ingest o = TaskOutputs.read(body, TaskOutputs.Ingest.class, task.wireName());
        w.files = o.files();
        w.skipped = o.skipped();
        w.bronzeRows = o.bronzeRows();
        w.files.forEach(f -> w.fileLines.put(Verifier.key(f.payer(), f.batchId()), f.dataLines()));
      }
      case TRANSFORM -> {
        TaskOutputs.Transform o = TaskOutputs.read(body, TaskOutputs.Transform.class, task.wireName());
        w.today = o.today() == null ? null : LocalDate.parse(o.today());
        w.pending = o.pending();
        w.stats = o.stats().stream().map(TaskOutputs.Stats::toStats).toList();
      }
      case GATE -> w.decision = TaskOutputs.gate(body);
      case WRITE_SILVER -> {
        TaskOutputs.Silver o = TaskOutputs.read(body, TaskOutputs.Silver.class, task.wireName());
        w.merged = o.merged();
        o.branched().forEach(t -> w.branched.add(TableId.parse(t)));
      }
      case VERIFY_SILVER -> TaskOutputs.read(body, TaskOutputs.VerifySilver.class, task.wireName()).payers()
          .forEach(p -> w.payers.add(p.toResult()));
      case AGGREGATE -> {
        TaskOutputs.Gold o = TaskOutputs.read(body, TaskOutputs.Gold.class, task.wireName());
        w.goldBuilt = o.built();
        o.branched().forEach(t -> w.branched.add(TableId.parse(t)));
      }
      default -> throw new IllegalStateException("Unexpected task " + task);
    }
  }

  private static List<String> names(Work w) {
    return w.branched.stream().map(TableId::toString).sorted().toList();
  }
}
