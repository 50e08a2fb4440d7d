package com.medflow.pipeline.run;

import com.medflow.model.TableId;
import com.medflow.pipeline.bronze.IngestPlan;
import com.medflow.pipeline.bronze.SkippedFile;
import com.medflow.pipeline.quality.BatchStats;
import com.medflow.pipeline.quality.GateDecision;
import com.medflow.pipeline.silver.PendingBatch;
import com.medflow.store.runs.PayerResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Mutable state handed from task to task within one run (restored by {@link Checkpoints} on a resume). */
final class Work {
  final String runId;
  final String landing;
  /** Tasks that succeeded before this process took the run over: restored, not run. */
  final Set<PipelineTask> succeeded = EnumSet.noneOf(PipelineTask.class);
  /** When set, the only task to run now; {@code onlyDone} once it ran. */
  PipelineTask only;
  boolean onlyDone;
  boolean keepLock;
  /** Backfill batches ("payer/batch_id") re-processed from bronze; empty for a landing run. */
  List<String> backfill = List.of();
  StoreProbe probe;
  PipelineTask current;
  Long rows;
  String detail;
  IngestPlan plan;
  List<TaskOutputs.FileInfo> files = List.of();
  List<SkippedFile> skipped = List.of();
  /** Landing files refused as a whole, and files held back because their payer has a refused one. */
  List<com.medflow.pipeline.landing.RefusedFile> refused = List.of();
  List<com.medflow.pipeline.landing.RefusedFile> held = List.of();
  /** Per "payer/batch": its clean claims that a later batch of this run replaces (counted once in the run). */
  Map<String, Long> replaced = Map.of();
  long bronzeRows;
  final Map<String, Long> fileLines = new HashMap<>();
  List<PendingBatch> pending = List.of();
  LocalDate today;
  Dataset<Row> staged;
  List<BatchStats> stats = List.of();
  GateDecision decision;
  long merged;
  boolean goldBuilt;
  final Set<TableId> branched = new HashSet<>();
  final List<PayerResult> payers = new ArrayList<>();
  /** "; WARN ..." for the task detail when a freshness or volume check warned, else "". */
  String arrivalWarnings = "";
  io.opentelemetry.api.trace.Span span = io.opentelemetry.api.trace.Span.getInvalid();

  Work(String runId, String landing) {
    this.runId = runId;
    this.landing = landing;
  }

  void result(Long rows, String detail) {
    this.rows = rows;
    this.detail = detail;
  }
}
