package com.medflow.pipeline.run;

import static java.util.Objects.requireNonNull;

import com.medflow.lake.Lake;
import com.medflow.model.TableId;
import com.medflow.model.Tables;
import com.medflow.model.codes.Icd10Cm;
import com.medflow.objectstore.S3Connection;
import com.medflow.model.mapping.PayerMappings;
import com.medflow.pipeline.bronze.BronzeIngest;
import com.medflow.pipeline.bronze.IngestPlan;
import com.medflow.pipeline.bronze.IngestedFile;
import com.medflow.pipeline.gold.GoldUpdate;
import com.medflow.pipeline.gold.IncrementalGold;
import com.medflow.pipeline.landing.LandingZone;
import com.medflow.pipeline.quality.ArrivalChecks;
import com.medflow.pipeline.quality.BatchArrival;
import com.medflow.pipeline.quality.BatchArrivals;
import com.medflow.pipeline.quality.BatchStats;
import com.medflow.pipeline.quality.GateDecision;
import com.medflow.pipeline.quality.QualityGate;
import com.medflow.pipeline.quality.QualityLogRows;
import com.medflow.pipeline.silver.PendingBatch;
import com.medflow.pipeline.silver.ReplacedClaims;
import com.medflow.pipeline.silver.RowLimits;
import com.medflow.pipeline.silver.SilverTransform;
import com.medflow.pipeline.silver.SilverWriter;
import com.medflow.pipeline.verify.Verifier;
import com.medflow.store.runs.PayerResult;
import com.medflow.store.runs.RunDetail;
import com.medflow.store.runs.RunEvent;
import com.medflow.store.runs.RunLog;
import com.medflow.store.runs.RunSummary;
import com.medflow.store.runs.RunState;
import com.medflow.store.runs.RunStore;
import com.medflow.store.runs.TaskRecord;
import com.medflow.store.runs.TaskState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import com.medflow.telemetry.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Runs bronze → silver → gate → gold as a DAG of tasks with verification after each layer,
 * recording every task in run history. Silver and gold are written to an Iceberg branch of the
 * run (write-audit-publish) and published by fast-forwarding main only when every check passed,
 * so a failed check or a crash leaves the published tables untouched. A batch that fails the
 * quality gate has its quarantined rows and quality log published but none of its claims.
 */
public final class PipelineRunner {
  private static final Duration STALE_LOCK = Duration.ofHours(6);
  private static final List<TableId> SILVER_TABLES =
      List.of(Tables.CLAIMS_CLEAN, Tables.CLAIMS_QUARANTINED, Tables.DATA_QUALITY_LOG);

  private final Lake lake;
  private final RunStore runs;
  private final PayerMappings mappings;
  private final Icd10Cm icd10;
  private final QualityGate gate;
  private final Clock clock;
  private final PipelineListener listener;
  private final Optional<S3Connection> s3;
  private final RunLog log;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final ArrivalChecks checks;
  private final Tracer tracer;
  private final RowLimits limits;

  public PipelineRunner(Lake lake, RunStore runs, PayerMappings mappings, Icd10Cm icd10, QualityGate gate, Clock clock,
                        PipelineListener listener) {
    this(lake, runs, mappings, icd10, gate, clock, listener, Optional.empty());
  }

  /** {@code s3}: the S3 store of an {@code s3://} landing zone or warehouse (also used to explain its failures). */
  public PipelineRunner(Lake lake, RunStore runs, PayerMappings mappings, Icd10Cm icd10, QualityGate gate, Clock clock,
                        PipelineListener listener, Optional<S3Connection> s3) {
    this(lake, runs, mappings, icd10, gate, clock, listener, s3, RetryPolicy.NONE, Sleeper.SYSTEM);
  }

  /** {@code retry}: how often a failing task is tried; {@code sleeper} waits between the tries. */
  public PipelineRunner(Lake lake, RunStore runs, PayerMappings mappings, Icd10Cm icd10, QualityGate gate, Clock clock,
                        PipelineListener listener, Optional<S3Connection> s3, RetryPolicy retry, Sleeper sleeper) {
    this(lake, runs, mappings, icd10, gate, clock, listener, s3, retry, sleeper,
        new ArrivalChecks(com.medflow.config.OrchestrationConfig.DEFAULT_CHECKS), Tracing.NOOP);
  }

  /** {@code checks}: freshness and volume (warn rows in data_quality_log); {@code tracer}: spans of the run and its tasks. */
  public PipelineRunner(Lake lake, RunStore runs, PayerMappings mappings, Icd10Cm icd10, QualityGate gate, Clock clock,
                        PipelineListener listener, Optional<S3Connection> s3, RetryPolicy retry, Sleeper sleeper,
                        ArrivalChecks checks, Tracer tracer) {
    this(lake, runs, mappings, icd10, gate, clock, listener, s3, retry, sleeper, checks, tracer, RowLimits.DEFAULT);
  }

  /** {@code limits}: the checks on each row's bytes (quality.max-field-length, UTF-8). */
  public PipelineRunner(Lake lake, RunStore runs, PayerMappings mappings, Icd10Cm icd10, QualityGate gate, Clock clock,
                        PipelineListener listener, Optional<S3Connection> s3, RetryPolicy retry, Sleeper sleeper,
                        ArrivalChecks checks, Tracer tracer, RowLimits limits) {
    this.limits = requireNonNull(limits, "limits is null");
    this.checks = requireNonNull(checks, "checks is null");
    this.tracer = requireNonNull(tracer, "tracer is null");
    this.retry = requireNonNull(retry, "retry is null");
    this.sleeper = requireNonNull(sleeper, "sleeper is null");
    this.log = runs.log();
    this.s3 = requireNonNull(s3, "s3 is null");
    this.lake = requireNonNull(lake, "lake is null");
    this.runs = requireNonNull(runs, "runs is null");
    this.mappings = requireNonNull(mappings, "mappings is null");
    this.icd10 = requireNonNull(icd10, "icd10 is null");
    this.gate = requireNonNull(gate, "gate is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.listener = requireNonNull(listener, "listener is null");
  }

  public static String newRunId(Clock clock) {
    return "run-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(clock.instant())
        + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }

  /** Takes the pipeline lock and records the run as started; {@link #run} must follow. */
  public String begin(String landing, String trigger) {
    return begin(landing, trigger, List.of());
  }

  /**
   * Begins a run; with {@code backfill} batches ("payer/batch_id"), the run reads those batches
   * from bronze again instead of the landing zone, and re-processes them through silver and gold.
   */
  public String begin(String landing, String trigger, List<String> backfill) {
    List<String> keys = backfill.isEmpty() ? List.of() : Backfill.resolve(lake, backfill);
    String runId = newRunId(clock);
    runs.tryLock(runId, clock.instant(), STALE_LOCK).ifPresent(holder -> {
      throw new PipelineBusyException(holder);
    });
    try {
      runs.start(runId, trigger, landing, PipelineTask.wireNames(), clock.instant());
      if (!keys.isEmpty()) {
        log.event(runId, RunEvent.BACKFILL, String.join(",", keys), clock.instant());
      }
    } catch (RuntimeException e) {
      runs.unlock(runId);
      throw e;
    }
    return runId;
  }

  /**
   * Continues a failed or cancelled run from its first task that did not succeed; the tasks that
   * succeeded are not run again (their recorded outputs are restored). Only the latest run can be
   * resumed: a later run has already taken over its batches.
   */
  public RunOutcome resume(String runId) {
    RunSummary s = resumable(runId);
    runs.tryLock(runId, clock.instant(), STALE_LOCK).filter(h -> !h.equals(runId)).ifPresent(holder -> {
      throw new PipelineBusyException(holder);
    });
    try {
      String from = runs.get(runId).orElseThrow().tasks().stream().filter(t -> t.state() != TaskState.SUCCEEDED)
          .map(TaskRecord::name).findFirst().orElse("publish");
      log.reopen(runId);
      log.event(runId, RunEvent.RESUMED, "from " + from + " (was " + s.state().name().toLowerCase() + ")",
          clock.instant());
    } catch (RuntimeException e) {
      runs.unlock(runId);
      throw e;
    }
    return run(runId, s.landing());
  }

  /**
   * Runs one task of a run begun with {@link #begin} (for a scheduler such as Airflow that calls one
   * process per task): the tasks before it must have succeeded or been skipped. A task that already
   * succeeded is not run again. The run finishes with its last task.
   */
  public RunOutcome runTask(String runId, PipelineTask task) {
    RunSummary s = runs.get(runId).map(RunDetail::summary)
        .orElseThrow(() -> new IllegalArgumentException("Invalid run: no pipeline run " + runId));
    RunDetail d = runs.get(runId).orElseThrow();
    for (TaskRecord t : d.tasks()) {
      if (t.name().equals(task.wireName())) {
        if (t.state() == TaskState.SUCCEEDED || t.state() == TaskState.SKIPPED) { // e.g. a scheduler's retry
          return new RunOutcome(runId, s.state(), List.of(), List.of(), List.of(), d.payers(), List.of(), d.tasks(),
              s.bronzeRows(), s.cleanRows(), s.quarantinedRows(), s.durationMs() == null ? 0 : s.durationMs());
        }
        break;
      }
      if (t.state() != TaskState.SUCCEEDED && t.state() != TaskState.SKIPPED) {
        throw new IllegalArgumentException("Invalid task order: " + task.wireName() + " needs " + t.name()
            + " of run " + runId + " to succeed first (it is " + t.state().name().toLowerCase() + ")");
      }
    }
    if (s.state() != RunState.RUNNING) {
      resumable(runId);
    }
    runs.tryLock(runId, clock.instant(), STALE_LOCK).filter(h -> !h.equals(runId)).ifPresent(holder -> {
      throw new PipelineBusyException(holder);
    });
    if (s.state() != RunState.RUNNING) {
      log.reopen(runId);
      log.event(runId, RunEvent.RESUMED, "from " + task.wireName() + " (was " + s.state().name().toLowerCase() + ")",
          clock.instant());
    }
    return execute(runId, s.landing(), task);
  }

  /** Asks a run to stop: it stops before its next task or attempt (and its Spark jobs are cancelled when in this process). */
  public void cancel(String runId) {
    RunSummary s = runs.get(runId).map(RunDetail::summary)
        .orElseThrow(() -> new IllegalArgumentException("Invalid run: no pipeline run " + runId));
    com.medflow.model.Preconditions.checkArgument(s.state() == RunState.RUNNING, "Invalid run to cancel: %s is %s",
        runId, s.state().name().toLowerCase());
    log.event(runId, RunEvent.CANCEL_REQUESTED, null, clock.instant());
    lake.spark().sparkContext().cancelJobGroup(runId);
  }

  private RunSummary resumable(String runId) {
    RunSummary s = runs.get(runId).map(RunDetail::summary)
        .orElseThrow(() -> new IllegalArgumentException("Invalid run: no pipeline run " + runId));
    if (s.state() != RunState.FAILED && s.state() != RunState.CANCELLED) {
      throw new IllegalArgumentException("Invalid run to resume: " + runId + " is " + s.state().name().toLowerCase()
          + " (only a failed or cancelled run resumes)");
    }
    RunSummary latest = runs.list(1).get(0);
    if (!latest.runId().equals(runId)) {
      throw new IllegalArgumentException("Invalid run to resume: " + runId + " was superseded by " + latest.runId()
          + ", which took over its batches");
    }
    return s;
  }

  /** Begins and runs in one call. */
  public RunOutcome runNow(String landing, String trigger) {
    return run(begin(landing, trigger), landing);
  }

  /** Runs a run started with {@link #begin} (or reopened to resume) to its end; always releases the lock. */
  public RunOutcome run(String runId, String landing) {
    return execute(runId, landing, null);
  }

  /** Runs the tasks of a run that have not succeeded yet, or only {@code only}; always releases the lock. */
  private RunOutcome execute(String runId, String landing, PipelineTask only) {
    Work w = new Work(runId, landing);
    w.only = only;
    RunDetail recorded = runs.get(runId).orElseThrow(() -> new IllegalArgumentException("Invalid run: no pipeline run " + runId));
    recorded.tasks().stream().filter(t -> t.state() == TaskState.SUCCEEDED)
        .forEach(t -> w.succeeded.add(PipelineTask.of(t.name())));
    log.events(runId).stream().filter(e -> e.kind().equals(RunEvent.BACKFILL)).reduce((a, b) -> b)
        .ifPresent(e -> w.backfill = List.of(e.detail().split(",")));
    Instant started = recorded.summary().startedAt();
    String branch = "wap_" + runId.replace('-', '_');
    w.probe = StoreProbe.forRun(s3, landing, lake.warehouse()).orElse(null);
    lake.spark().sparkContext().setJobGroup(runId, "pipeline run " + runId, true);
    w.span = tracer.spanBuilder(only == null ? "pipeline.run" : "pipeline.run " + only.wireName())
        .setAttribute(Tracing.RUN_ID, runId).setAttribute(Tracing.TRIGGER, recorded.summary().trigger()).startSpan();
    Scope scope = w.span.makeCurrent();
    try {
      task(w, PipelineTask.INGEST, () -> ingest(w));
      task(w, PipelineTask.VERIFY_BRONZE, () -> verifyBronze(w));
      task(w, PipelineTask.TRANSFORM, () -> transform(w));
      if (w.pending.isEmpty()) {
        for (PipelineTask t : List.of(PipelineTask.GATE, PipelineTask.WRITE_SILVER, PipelineTask.VERIFY_SILVER,
            PipelineTask.AGGREGATE, PipelineTask.VERIFY_GOLD, PipelineTask.PUBLISH)) {
          skip(w, t, "no new batches");
        }
        return finish(w, RunState.NOTHING_TO_DO, started, null);
      }
      task(w, PipelineTask.GATE, () -> gate(w));
      task(w, PipelineTask.WRITE_SILVER, () -> writeSilver(w, branch));
      task(w, PipelineTask.VERIFY_SILVER, () -> verifySilver(w, branch));
      if (w.decision.passedBatches().isEmpty()) {
        skip(w, PipelineTask.AGGREGATE, "no batch passed the gate: gold unchanged");
        skip(w, PipelineTask.VERIFY_GOLD, "gold unchanged");
      } else {
        task(w, PipelineTask.AGGREGATE, () -> aggregate(w, branch));
        task(w, PipelineTask.VERIFY_GOLD, () -> verifyGold(w, branch));
      }
      task(w, PipelineTask.PUBLISH, () -> publish(w, branch));
      return finish(w, w.decision.allPassed() ? RunState.SUCCEEDED : RunState.GATE_FAILED, started, null);
    } catch (TaskDone done) { // only one task was asked for, and later tasks remain: the run keeps the lock
      w.keepLock = true;
      return outcome(w, RunState.RUNNING, started);
    } catch (RuntimeException e) {
      // The run's branches stay: a resume continues on them; the next new run drops them.
      if (log.cancelRequested(runId)) {
        String message = "cancelled" + (w.current == null ? "" : " during " + w.current.wireName());
        finish(w, RunState.CANCELLED, started, message);
        throw new PipelineException(runId, message, e);
      }
      String message = w.current == null ? e.getMessage() : w.current.wireName() + " failed: " + FailureMessage.of(e, s3);
      finish(w, RunState.FAILED, started, message);
      Tracing.failed(w.span, e);
      throw new PipelineException(runId, message, e);
    } finally {
      scope.close();
      w.span.end();
      lake.spark().sparkContext().clearJobGroup();
      if (w.staged != null) {
        w.staged.unpersist();
      }
      if (w.probe != null) {
        w.probe.close();
      }
      if (!w.keepLock) {
        runs.unlock(runId);
      }
    }
  }

  private void ingest(Work w) {
    lake.createTables();
    if (!w.backfill.isEmpty()) {
      lake.dropBranches("wap_run_");
      listener.runStarted(w.runId, 0);
      w.result(0L, "backfill: no landing file read; " + w.backfill.size() + " batch(es) re-processed from bronze: "
          + String.join(", ", w.backfill));
      return;
    }
    BronzeIngest bronze = new BronzeIngest(lake, mappings);
    lake.dropBranches("wap_run_"); // left by runs that died mid-way; this run holds the lock, so none is in use
    IngestPlan plan = bronze.plan(new LandingZone(lake.spark().sparkContext().hadoopConfiguration(), w.landing, mappings,
        s3));
    w.plan = plan;
    w.files = plan.files().stream().map(f -> new TaskOutputs.FileInfo(f.payer(), f.batchId(),
        f.preflight().file().displayName(), f.preflight().dataLines())).toList();
    w.skipped = plan.skipped();
    w.refused = plan.refused();
    w.held = plan.held();
    LandingReport.record(lake, log, w.runId, plan, clock.instant());
    w.fileLines.clear();
    w.files.forEach(f -> w.fileLines.put(Verifier.key(f.payer(), f.batchId()), f.dataLines()));
    listener.runStarted(w.runId, plan.dataLines());
    long rows = bronze.write(plan, clock.instant());
    w.bronzeRows = rows;
    w.result(rows, plan.files().size() + " file(s) ingested, " + plan.skipped().size() + " skipped"
        + (plan.skipped().isEmpty() ? "" : " (" + plan.skipped().get(0).reason() + ")") + LandingReport.describe(plan));
  }

  private void verifyBronze(Work w) {
    List<String> problems = new ArrayList<>(new Verifier(lake).schemaProblems(List.of(Tables.CLAIMS_RAW_SPEC)));
    Map<String, Long> counts = w.files.isEmpty() && w.backfill.isEmpty() ? Map.of() : new Verifier(lake).bronzeCounts();
    for (TaskOutputs.FileInfo f : w.files) {
      long inTable = counts.getOrDefault(Verifier.key(f.payer(), f.batchId()), 0L);
      if (inTable != f.dataLines()) {
        problems.add(f.displayName() + " has " + f.dataLines() + " data lines but bronze holds " + inTable);
      }
    }
    for (String key : w.backfill) {
      if (counts.getOrDefault(key, 0L) == 0) {
        problems.add("backfill batch " + key + " has no rows in bronze");
      }
    }
    if (!problems.isEmpty()) {
      throw new CheckFailedException(String.join("; ", problems));
    }
    w.result(w.bronzeRows, w.backfill.isEmpty() ? "bronze rows match the data lines of every file"
        : "every backfill batch is in bronze");
  }

  private void transform(Work w) {
    w.pending = w.backfill.isEmpty() ? pendingBatches() : Backfill.batches(lake, w.backfill);
    w.today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (w.pending.isEmpty()) {
      // Nothing else is written: only a payer whose freshness changed since it was logged (it went stale) is
      // merged, straight into the published log, so a run that finds nothing new and no news changes no table.
      Set<String> logged = new HashSet<>();
      for (Row r : lake.spark().sql("SELECT payer, batch_id, passed FROM " + lake.qualified(Tables.DATA_QUALITY_LOG)
          + " WHERE check_name = '" + ArrivalChecks.FRESHNESS + "'").collectAsList()) {
        logged.add(r.getString(0) + "/" + r.getString(1) + "/" + r.getBoolean(2));
      }
      List<Row> freshness = arrivalRows(w, List.of()).stream()
          .filter(r -> !logged.contains(r.getString(2) + "/" + r.getString(0) + "/" + r.getBoolean(10))).toList();
      if (!freshness.isEmpty()) {
        new SilverWriter(lake).mergeQualityLogMain(freshness);
      }
      w.result(0L, "nothing to transform: every batch in bronze is processed" + w.arrivalWarnings);
      return;
    }
    w.staged = silver().transform(w.pending, w.today);
    w.stats = silver().stats(w.staged);
    long rows = w.stats.stream().mapToLong(BatchStats::rows).sum();
    long clean = w.stats.stream().mapToLong(BatchStats::clean).sum();
    long rolled = w.stats.stream().mapToLong(BatchStats::rolled).sum();
    w.result(rows, rolled == 0
        ? String.format("%d batch file(s): %,d rows, %,d clean, %,d quarantined", w.pending.size(), rows, clean, rows - clean)
        : String.format("%d batch file(s): %,d rows, %,d clean, %,d rolled into a claim, %,d quarantined",
            w.pending.size(), rows, clean, rolled, rows - clean - rolled));
  }

  /**
   * Batches in bronze without quality-log rows yet, oldest first. Bronze is partitioned by payer and
   * batch, so its batches come from Iceberg's partition metadata without reading data files.
   */
  private List<PendingBatch> pendingBatches() {
    java.util.Set<String> processed = new HashSet<>();
    for (Row r : lake.spark().table(lake.qualified(Tables.DATA_QUALITY_LOG))
        .where(org.apache.spark.sql.functions.col("layer").notEqual(QualityLogRows.LANDING))
        .select("payer", "batch_id").distinct().collectAsList()) { // rows about refused files mark no batch
      processed.add(Verifier.key(r.getString(0), r.getString(1)));
    }
    List<Row> rows = lake.spark().sql("SELECT partition.payer, partition.batch_id, last_updated_at FROM "
        + lake.qualified(Tables.CLAIMS_RAW) + ".partitions ORDER BY last_updated_at, partition.batch_id, partition.payer")
        .collectAsList();
    List<PendingBatch> out = new ArrayList<>();
    Map<String, Integer> seqOfBatch = new LinkedHashMap<>();
    for (Row r : rows) {
      if (processed.contains(Verifier.key(r.getString(0), r.getString(1)))) {
        continue;
      }
      int seq = seqOfBatch.computeIfAbsent(r.getString(1), b -> seqOfBatch.size() + 1);
      out.add(new PendingBatch(r.getString(0), r.getString(1), r.getString(0) + "/" + r.getString(1), seq));
    }
    return out;
  }

  /** FRESHNESS rows of every payer with a batch and VOLUME rows of the batches {@code keys}; notes the warnings. */
  private List<Row> arrivalRows(Work w, List<String> keys) {
    List<BatchArrival> history = new BatchArrivals(lake).read();
    List<ArrivalChecks.Freshness> freshness = checks.freshness(history, clock.instant());
    List<ArrivalChecks.Volume> volumes = keys.stream().map(k -> checks.volume(history, k)).flatMap(Optional::stream)
        .toList();
    List<String> warnings = new ArrayList<>();
    freshness.stream().filter(ArrivalChecks.Freshness::stale).forEach(f -> warnings.add(f.payer()
        + " has sent no batch for " + f.age().toHours() + " h (interval " + f.interval() + ")"));
    volumes.stream().filter(v -> !v.passed()).forEach(v -> warnings.add(String.format(
        "%s/%s has %,d rows, %.0f%% off the recent mean of %,d", v.payer(), v.batchId(), v.rows(),
        100 * v.deviation(), v.expectedRows())));
    w.arrivalWarnings = warnings.isEmpty() ? "" : "; WARN " + String.join("; ", warnings);
    return QualityLogRows.arrival(freshness, volumes, w.runId, clock.instant());
  }

  private void gate(Work w) {
    w.decision = gate.evaluate(w.stats);
    w.result(null, w.decision.allPassed()
        ? String.format("every payer's quarantine rate is within %.0f%%", 100 * gate.threshold())
        : String.join("; ", w.decision.failures()));
  }

  private void writeSilver(Work w, String branch) {
    for (TableId t : SILVER_TABLES) {
      lake.createBranch(t, branch);
      w.branched.add(t);
    }
    Map<String, Integer> seq = new HashMap<>();
    w.pending.forEach(b -> seq.put(b.batchId(), b.seq()));
    SilverWriter writer = new SilverWriter(lake);
    w.merged = w.backfill.isEmpty()
        ? writer.mergeClean(staged(w), w.decision.passedBatches(), seq, branch, clock.instant())
        : writer.mergeClean(staged(w), w.decision.passedBatches(), seq, branch, clock.instant(),
            Backfill.newerBatches(lake, w.pending));
    writer.mergeQuarantine(silver().quarantined(staged(w)), branch, w.runId,
        clock.instant());
    long quarantined = w.stats.stream().mapToLong(BatchStats::quarantined).sum();
    w.result(w.merged + quarantined, String.format("%,d claims merged into claims_clean, %,d rows quarantined (on branch %s)",
        w.merged, quarantined, branch));
  }

  private void verifySilver(Work w, String branch) {
    Verifier v = new Verifier(lake);
    List<String> problems = new ArrayList<>(v.schemaProblems(List.of(Tables.CLAIMS_CLEAN_SPEC,
        Tables.CLAIMS_QUARANTINED_SPEC, Tables.DATA_QUALITY_LOG_SPEC)));
    Map<String, Long> bronze = v.bronzeCounts();
    Map<String, Long> quarantine = v.countsByBatch(Tables.CLAIMS_QUARANTINED, branch, w.pending);
    List<QualityLogRows.Reconciliation> recs = new ArrayList<>();
    for (BatchStats s : w.stats) {
      String key = Verifier.key(s.payer(), s.batchId());
      long bronzeRows = bronze.getOrDefault(key, 0L);
      long quarantinedRows = quarantine.getOrDefault(key, 0L);
      long fileLines = w.fileLines.getOrDefault(key, bronzeRows);
      recs.add(new QualityLogRows.Reconciliation(s.payer(), s.batchId(), fileLines, bronzeRows, s.clean(), s.rolled(),
          quarantinedRows));
      if (bronzeRows != s.rows()) {
        problems.add(key + ": bronze has " + bronzeRows + " rows but silver saw " + s.rows());
      }
      boolean reconciled = bronzeRows == s.clean() + s.rolled() + quarantinedRows;
      if (!reconciled) {
        problems.add(key + ": bronze " + bronzeRows + " != clean " + s.clean()
            + (s.rolled() > 0 ? " + rolled into claims " + s.rolled() : "") + " + quarantined " + quarantinedRows);
      }
      boolean passed = w.decision.passed(s.batchId());
      w.payers.add(new PayerResult(s.payer(), s.batchId(), s.sourceFile(), bronzeRows, s.clean(), quarantinedRows,
          s.quarantineRate(), gate.threshold(), passed, reconciled, s.rolled()));
    }
    long missing = v.missingClean(staged(w), w.decision.passedBatches(), branch);
    if (missing > 0) {
      problems.add(missing + " clean claims are missing from claims_clean after the merge");
    }
    if (!problems.isEmpty()) {
      throw new CheckFailedException(String.join("; ", problems));
    }
    Map<String, com.medflow.model.mapping.MappingOptions> options = new HashMap<>();
    mappings.all().forEach(m -> options.put(m.payer(), m.options()));
    Map<String, Integer> seq = new HashMap<>();
    w.pending.forEach(b -> seq.put(b.batchId(), b.seq()));
    w.replaced = ReplacedClaims.replaced(staged(w), w.decision.passedBatches(), seq);
    List<Row> quality = new ArrayList<>(QualityLogRows.build(w.stats, recs, gate, w.runId, clock.instant(), options));
    quality.addAll(QualityLogRows.replacedInRun(w.stats, w.replaced, w.runId, clock.instant()));
    quality.addAll(arrivalRows(w, w.stats.stream().map(s -> Verifier.key(s.payer(), s.batchId())).toList()));
    new SilverWriter(lake).mergeQualityLog(quality, branch);
    long rolled = w.stats.stream().mapToLong(BatchStats::rolled).sum();
    w.result(w.stats.stream().mapToLong(BatchStats::rows).sum(), (rolled == 0
        ? "every bronze row is clean or quarantined; every clean claim is in claims_clean"
        : String.format("every bronze row is a clean claim, rolled into one (%,d lines) or quarantined;"
            + " every clean claim is in claims_clean", rolled)) + replacedWarning(w) + w.arrivalWarnings);
  }

  /** "; WARN ..." naming the batches whose claims a later batch of the run replaced, else "". */
  private static String replacedWarning(Work w) {
    if (w.replaced.isEmpty()) {
      return "";
    }
    return "; WARN " + String.join("; ", w.replaced.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> String.format("%,d clean claim(s) of %s are also in a later batch of this run, which replaces them"
            + " (%s)", e.getValue(), e.getKey(), QualityLogRows.CLAIM_REPLACED_IN_RUN)).toList());
  }

  private void aggregate(Work w, String branch) {
    for (var spec : Tables.GOLD) {
      lake.createBranch(spec.id(), branch);
      w.branched.add(spec.id());
    }
    List<GoldUpdate> updates = new IncrementalGold(lake).update(branch, w.decision.passedBatches());
    w.goldBuilt = true;
    long rows = 0;
    for (var spec : Tables.GOLD) {
      rows += lake.branchRowCount(spec.id(), branch);
    }
    w.result(rows, String.join("; ", updates.stream().map(GoldUpdate::describe).toList()) + " (" + rows + " rows)");
  }

  private void verifyGold(Work w, String branch) {
    List<String> problems = new Verifier(lake).goldProblems(branch);
    if (!problems.isEmpty()) {
      throw new CheckFailedException(String.join("; ", problems));
    }
    w.result(null, "gold totals match claims_clean; rates are fractions; schemas match the contract");
  }

  private void publish(Work w, String branch) {
    List<TableId> order = new ArrayList<>();
    if (w.merged > 0) {
      order.add(Tables.CLAIMS_CLEAN);
    }
    if (w.goldBuilt) {
      Tables.GOLD.forEach(s -> order.add(s.id()));
    }
    order.add(Tables.CLAIMS_QUARANTINED);
    order.add(Tables.DATA_QUALITY_LOG); // last: its rows mark the batches as processed
    for (TableId t : order) {
      lake.fastForward(t, branch);
    }
    dropBranches(w, branch);
    w.result(null, "published " + order.size() + " tables: " + order);
  }

  private void dropBranches(Work w, String branch) {
    for (TableId t : w.branched) {
      lake.dropBranch(t, branch);
    }
    w.branched.clear();
  }

  /** Clean claims of the passing batches, each counted once though several batches of the run carry it. */
  private static long cleanClaims(Work w) {
    return w.stats.stream().filter(s -> w.decision == null || w.decision.passed(s.batchId()))
        .mapToLong(BatchStats::clean).sum() - w.replaced.values().stream().mapToLong(Long::longValue).sum();
  }

  private RunOutcome finish(Work w, RunState state, Instant started, String error) {
    long clean = cleanClaims(w);
    long quarantined = w.stats.stream().mapToLong(BatchStats::quarantined).sum();
    if (!w.payers.isEmpty()) {
      runs.payerResults(w.runId, w.payers);
    }
    Boolean gatePassed = w.decision == null ? null : w.decision.allPassed();
    runs.finish(w.runId, state, gatePassed, w.files.size(), w.bronzeRows, clean, quarantined, error, clock.instant());
    w.span.setAttribute(Tracing.STATE, state.name()).setAttribute(Tracing.ROWS, w.bronzeRows);
    return outcome(w, state, started);
  }

  private RunOutcome outcome(Work w, RunState state, Instant started) {
    long clean = cleanClaims(w);
    long quarantined = w.stats.stream().mapToLong(BatchStats::quarantined).sum();
    List<TaskRecord> tasks = runs.get(w.runId).map(d -> d.tasks()).orElse(List.of());
    return new RunOutcome(w.runId, state, w.files.stream().map(TaskOutputs.FileInfo::displayName).toList(),
        w.skipped, w.stats, w.payers,
        w.decision == null ? List.of() : w.decision.failures(), tasks, w.bronzeRows, clean, quarantined,
        Duration.between(started, clock.instant()).toMillis(), w.refused, w.held);
  }

  private SilverTransform silver() {
    return new SilverTransform(lake, mappings, icd10, limits);
  }

  private interface Step {
    void run();
  }

  /** Thrown past the remaining tasks when only one task was asked for. */
  private static final class TaskDone extends RuntimeException {
    TaskDone() {
      super(null, null, false, false);
    }
  }

  /** The staged rows of the transform; after a resume they are read again from bronze for the recorded batches. */
  private Dataset<Row> staged(Work w) {
    if (w.staged == null) {
      w.staged = silver().transform(w.pending, w.today);
    }
    return w.staged;
  }

  private void task(Work w, PipelineTask task, Step step) {
    if (w.succeeded.contains(task)) { // succeeded before a resume: restore what it handed on, do not run it again
      Checkpoints.restore(w, task, log.output(w.runId, task.wireName()));
      return;
    }
    if (w.only != null && (w.only != task || w.onlyDone)) {
      throw new TaskDone();
    }
    Span span = tracer.spanBuilder("pipeline.task " + task.wireName()).setAttribute(Tracing.RUN_ID, w.runId)
        .setAttribute(Tracing.TASK, task.wireName()).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      attempts(w, task, step, span);
      span.setAttribute(Tracing.STATE, TaskState.SUCCEEDED.name());
      if (w.rows != null) {
        span.setAttribute(Tracing.ROWS, w.rows);
      }
    } catch (RuntimeException e) {
      span.setAttribute(Tracing.STATE, TaskState.FAILED.name());
      Tracing.failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }

  private void attempts(Work w, PipelineTask task, Step step, Span span) {
    w.current = task;
    w.rows = null;
    w.detail = null;
    Instant start = clock.instant();
    runs.taskStarted(w.runId, task.wireName(), start);
    listener.taskStarted(task);
    for (int attempt = 1; ; attempt++) {
      int number = log.attemptStarted(w.runId, task.wireName(), clock.instant());
      try {
        if (log.cancelRequested(w.runId)) {
          throw new IllegalStateException("cancel requested");
        }
        if (w.probe != null) {
          w.probe.check();
        }
        listener.attemptStarted(task, number);
        step.run();
        log.attemptFinished(w.runId, task.wireName(), number, TaskState.SUCCEEDED, null, clock.instant());
        span.setAttribute(Tracing.ATTEMPTS, (long) attempt);
        break;
      } catch (Exception thrown) {
        // Spark's Scala code throws checked exceptions it does not declare (a SparkException when the run's
        // job group is cancelled): caught as well, or the run would stay RUNNING with its lock released.
        RuntimeException e = thrown instanceof RuntimeException r ? r : new IllegalStateException(thrown.getMessage(), thrown);
        String why = FailureMessage.of(e, s3);
        log.attemptFinished(w.runId, task.wireName(), number, TaskState.FAILED, why, clock.instant());
        span.addEvent("attempt " + attempt + " failed: " + why);
        span.setAttribute(Tracing.ATTEMPTS, (long) attempt);
        if (attempt >= retry.maxAttempts() || !retryable(e) || log.cancelRequested(w.runId)) {
          Instant end = clock.instant();
          runs.taskFinished(w.runId, task.wireName(), TaskState.FAILED, null, why, end);
          listener.taskFinished(task, TaskState.FAILED, null, why, Duration.between(start, end).toMillis());
          throw e;
        }
        java.time.Duration wait = retry.backoffBefore(attempt + 1);
        listener.taskRetrying(task, attempt + 1, wait, why);
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          e.addSuppressed(interrupted);
          throw e;
        }
      }
    }
    log.saveOutput(w.runId, task.wireName(), Checkpoints.save(w, task));
    Instant end = clock.instant();
    runs.taskFinished(w.runId, task.wireName(), TaskState.SUCCEEDED, w.rows, w.detail, end);
    listener.taskFinished(task, TaskState.SUCCEEDED, w.rows, w.detail, Duration.between(start, end).toMillis());
    w.current = null;
    w.onlyDone = w.only == task;
  }

  /** Failed checks and unreadable landing files fail the same way again: only other failures are retried. */
  private static boolean retryable(RuntimeException e) {
    return !(e instanceof CheckFailedException || e instanceof com.medflow.pipeline.landing.UnreadableFileException);
  }

  private void skip(Work w, PipelineTask task, String why) {
    if (w.only != null && w.only != task && !w.onlyDone) {
      // a task run alone: the tasks before it are recorded; skipping the later ones finishes the run
      throw new TaskDone();
    }
    Instant now = clock.instant();
    runs.taskFinished(w.runId, task.wireName(), TaskState.SKIPPED, null, why, now);
    listener.taskFinished(task, TaskState.SKIPPED, null, why, 0);
  }
}
