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
import com.medflow.pipeline.gold.GoldBuilder;
import com.medflow.pipeline.landing.LandingZone;
import com.medflow.pipeline.quality.BatchStats;
import com.medflow.pipeline.quality.GateDecision;
import com.medflow.pipeline.quality.QualityGate;
import com.medflow.pipeline.quality.QualityLogRows;
import com.medflow.pipeline.silver.PendingBatch;
import com.medflow.pipeline.silver.SilverTransform;
import com.medflow.pipeline.silver.SilverWriter;
import com.medflow.pipeline.verify.Verifier;
import com.medflow.store.runs.PayerResult;
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

  public PipelineRunner(Lake lake, RunStore runs, PayerMappings mappings, Icd10Cm icd10, QualityGate gate, Clock clock,
                        PipelineListener listener) {
    this(lake, runs, mappings, icd10, gate, clock, listener, Optional.empty());
  }

  /** {@code s3}: the S3 store of an {@code s3://} landing zone or warehouse (also used to explain its failures). */
  public PipelineRunner(Lake lake, RunStore runs, PayerMappings mappings, Icd10Cm icd10, QualityGate gate, Clock clock,
                        PipelineListener listener, Optional<S3Connection> s3) {
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
    String runId = newRunId(clock);
    runs.tryLock(runId, clock.instant(), STALE_LOCK).ifPresent(holder -> {
      throw new PipelineBusyException(holder);
    });
    try {
      runs.start(runId, trigger, landing, PipelineTask.wireNames(), clock.instant());
    } catch (RuntimeException e) {
      runs.unlock(runId);
      throw e;
    }
    return runId;
  }

  /** Begins and runs in one call. */
  public RunOutcome runNow(String landing, String trigger) {
    return run(begin(landing, trigger), landing);
  }

  /** Runs a run started with {@link #begin}; always releases the lock. */
  public RunOutcome run(String runId, String landing) {
    Work w = new Work(runId, landing);
    Instant started = clock.instant();
    String branch = "wap_" + runId.replace('-', '_');
    w.probe = StoreProbe.forRun(s3, landing, lake.warehouse()).orElse(null);
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
    } catch (RuntimeException e) {
      RuntimeException failure = e;
      try {
        if (w.probe == null || w.probe.reachable()) { // else the next run drops them (the store is away)
          dropBranches(w, branch);
        }
      } catch (RuntimeException cleanup) {
        failure.addSuppressed(cleanup);
      }
      String message = w.current == null ? e.getMessage() : w.current.wireName() + " failed: " + FailureMessage.of(e, s3);
      finish(w, RunState.FAILED, started, message);
      throw new PipelineException(runId, message, failure);
    } finally {
      if (w.staged != null) {
        w.staged.unpersist();
      }
      if (w.probe != null) {
        w.probe.close();
      }
      runs.unlock(runId);
    }
  }

  private void ingest(Work w) {
    lake.createTables();
    BronzeIngest bronze = new BronzeIngest(lake, mappings);
    lake.dropBranches("wap_run_"); // left by runs that died mid-way; this run holds the lock, so none is in use
    IngestPlan plan = bronze.plan(new LandingZone(lake.spark().sparkContext().hadoopConfiguration(), w.landing, mappings,
        s3));
    w.plan = plan;
    listener.runStarted(w.runId, plan.dataLines());
    long rows = bronze.write(plan, clock.instant());
    w.bronzeRows = rows;
    w.result(rows, plan.files().size() + " file(s) ingested, " + plan.skipped().size() + " skipped"
        + (plan.skipped().isEmpty() ? "" : " (" + plan.skipped().get(0).reason() + ")"));
  }

  private void verifyBronze(Work w) {
    List<String> problems = new ArrayList<>(new Verifier(lake).schemaProblems(List.of(Tables.CLAIMS_RAW_SPEC)));
    List<PendingBatch> batches = w.plan.files().stream()
        .map(f -> new PendingBatch(f.payer(), f.batchId(), f.preflight().file().displayName(), 0)).toList();
    Map<String, Long> counts = batches.isEmpty() ? Map.of() : new Verifier(lake).bronzeCounts();
    for (IngestedFile f : w.plan.files()) {
      long inTable = counts.getOrDefault(Verifier.key(f.payer(), f.batchId()), 0L);
      w.fileLines.put(Verifier.key(f.payer(), f.batchId()), f.preflight().dataLines());
      if (inTable != f.preflight().dataLines()) {
        problems.add(f.preflight().file().displayName() + " has " + f.preflight().dataLines() + " data lines but bronze holds "
            + inTable);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join("; ", problems));
    }
    w.result(w.bronzeRows, "bronze rows match the data lines of every file");
  }

  private void transform(Work w) {
    w.pending = pendingBatches();
    if (w.pending.isEmpty()) {
      w.result(0L, "nothing to transform: every batch in bronze is processed");
      return;
    }
    w.staged = new SilverTransform(lake, mappings, icd10).transform(w.pending, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    w.stats = new SilverTransform(lake, mappings, icd10).stats(w.staged);
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
    for (Row r : lake.spark().table(lake.qualified(Tables.DATA_QUALITY_LOG)).select("payer", "batch_id").distinct()
        .collectAsList()) {
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
    w.merged = writer.mergeClean(w.staged, w.decision.passedBatches(), seq, branch, clock.instant());
    writer.mergeQuarantine(new SilverTransform(lake, mappings, icd10).quarantined(w.staged), branch, w.runId,
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
    long missing = v.missingClean(w.staged, w.decision.passedBatches(), branch);
    if (missing > 0) {
      problems.add(missing + " clean claims are missing from claims_clean after the merge");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join("; ", problems));
    }
    Map<String, com.medflow.model.mapping.MappingOptions> options = new HashMap<>();
    mappings.all().forEach(m -> options.put(m.payer(), m.options()));
    new SilverWriter(lake).mergeQualityLog(QualityLogRows.build(w.stats, recs, gate, w.runId, clock.instant(), options),
        branch);
    long rolled = w.stats.stream().mapToLong(BatchStats::rolled).sum();
    w.result(w.stats.stream().mapToLong(BatchStats::rows).sum(), rolled == 0
        ? "every bronze row is clean or quarantined; every clean claim is in claims_clean"
        : String.format("every bronze row is a clean claim, rolled into one (%,d lines) or quarantined;"
            + " every clean claim is in claims_clean", rolled));
  }

  private void aggregate(Work w, String branch) {
    for (var spec : Tables.GOLD) {
      lake.createBranch(spec.id(), branch);
      w.branched.add(spec.id());
    }
    new GoldBuilder(lake).build(branch, branch);
    w.goldBuilt = true;
    long rows = 0;
    for (var spec : Tables.GOLD) {
      rows += lake.branchRowCount(spec.id(), branch);
    }
    w.result(rows, "claims_monthly_summary, claims_approval_funnel, provider_performance rebuilt (" + rows + " rows)");
  }

  private void verifyGold(Work w, String branch) {
    List<String> problems = new Verifier(lake).goldProblems(branch);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join("; ", problems));
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

  private RunOutcome finish(Work w, RunState state, Instant started, String error) {
    long clean = w.stats.stream().filter(s -> w.decision == null || w.decision.passed(s.batchId()))
        .mapToLong(BatchStats::clean).sum();
    long quarantined = w.stats.stream().mapToLong(BatchStats::quarantined).sum();
    if (!w.payers.isEmpty()) {
      runs.payerResults(w.runId, w.payers);
    }
    Boolean gatePassed = w.decision == null ? null : w.decision.allPassed();
    int files = w.plan == null ? 0 : w.plan.files().size();
    runs.finish(w.runId, state, gatePassed, files, w.bronzeRows, clean, quarantined, error, clock.instant());
    List<TaskRecord> tasks = runs.get(w.runId).map(d -> d.tasks()).orElse(List.of());
    return new RunOutcome(w.runId, state,
        w.plan == null ? List.of() : w.plan.files().stream().map(f -> f.preflight().file().displayName()).toList(),
        w.plan == null ? List.of() : w.plan.skipped(), w.stats, w.payers,
        w.decision == null ? List.of() : w.decision.failures(), tasks, w.bronzeRows, clean, quarantined,
        Duration.between(started, clock.instant()).toMillis());
  }

  private interface Step {
    void run();
  }

  private void task(Work w, PipelineTask task, Step step) {
    w.current = task;
    w.rows = null;
    w.detail = null;
    Instant start = clock.instant();
    runs.taskStarted(w.runId, task.wireName(), start);
    listener.taskStarted(task);
    try {
      if (w.probe != null) {
        w.probe.check();
      }
      step.run();
    } catch (RuntimeException e) {
      Instant end = clock.instant();
      String why = FailureMessage.of(e, s3);
      runs.taskFinished(w.runId, task.wireName(), TaskState.FAILED, null, why, end);
      listener.taskFinished(task, TaskState.FAILED, null, why, Duration.between(start, end).toMillis());
      throw e;
    }
    Instant end = clock.instant();
    runs.taskFinished(w.runId, task.wireName(), TaskState.SUCCEEDED, w.rows, w.detail, end);
    listener.taskFinished(task, TaskState.SUCCEEDED, w.rows, w.detail, Duration.between(start, end).toMillis());
    w.current = null;
  }

  private void skip(Work w, PipelineTask task, String why) {
    Instant now = clock.instant();
    runs.taskFinished(w.runId, task.wireName(), TaskState.SKIPPED, null, why, now);
    listener.taskFinished(task, TaskState.SKIPPED, null, why, 0);
  }

  /** Mutable state handed from task to task within one run. */
  private static final class Work {
    final String runId;
    final String landing;
    StoreProbe probe;
    PipelineTask current;
    Long rows;
    String detail;
    IngestPlan plan;
    long bronzeRows;
    final Map<String, Long> fileLines = new HashMap<>();
    List<PendingBatch> pending = List.of();
    Dataset<Row> staged;
    List<BatchStats> stats = List.of();
    GateDecision decision;
    long merged;
    boolean goldBuilt;
    final Set<TableId> branched = new HashSet<>();
    final List<PayerResult> payers = new ArrayList<>();

    Work(String runId, String landing) {
      this.runId = runId;
      this.landing = landing;
    }

    void result(Long rows, String detail) {
      this.rows = rows;
      this.detail = detail;
    }
  }
}
