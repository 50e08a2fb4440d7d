package com.medflow.server.pipeline;

import static java.util.Objects.requireNonNull;

import com.medflow.lake.Lake;
import com.medflow.model.Tables;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.PayerMappings;
import com.medflow.pipeline.run.PipelineBusyException;
import com.medflow.pipeline.run.PipelineRunner;
import com.medflow.store.runs.RunDetail;
import com.medflow.store.runs.RunStore;
import com.medflow.store.runs.RunSummary;
import com.medflow.server.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pipeline runs over HTTP: start one in the background, list history, show tasks, quality and quarantine. */
public final class PipelineService {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineService.class);

  private final Supplier<PipelineRunner> runners;
  private final RunStore runs;
  private final Lake lake;
  private final String landing;
  private final ExecutorService executor;
  private final PayerMappings mappings;
  private final ArrivalStatus arrivals;

  public PipelineService(Supplier<PipelineRunner> runners, RunStore runs, Lake lake, String landing,
                         ExecutorService executor) {
    this(runners, runs, lake, landing, executor, PayerMappings.load(Optional.empty()));
  }

  public PipelineService(Supplier<PipelineRunner> runners, RunStore runs, Lake lake, String landing,
                         ExecutorService executor, PayerMappings mappings) {
    this(runners, runs, lake, landing, executor, mappings, new ArrivalStatus(lake,
        new com.medflow.pipeline.quality.ArrivalChecks(com.medflow.config.OrchestrationConfig.DEFAULT_CHECKS),
        java.time.Clock.systemUTC()));
  }

  /** {@code arrivals}: the freshness and volume checks shown by {@code /api/pipeline/checks} and the health. */
  public PipelineService(Supplier<PipelineRunner> runners, RunStore runs, Lake lake, String landing,
                         ExecutorService executor, PayerMappings mappings, ArrivalStatus arrivals) {
    this.arrivals = requireNonNull(arrivals, "arrivals is null");
    this.mappings = requireNonNull(mappings, "mappings is null");
    this.runners = requireNonNull(runners, "runners is null");
    this.runs = requireNonNull(runs, "runs is null");
    this.lake = requireNonNull(lake, "lake is null");
    this.landing = requireNonNull(landing, "landing is null");
    this.executor = requireNonNull(executor, "executor is null");
  }

  /** Starts a run on the landing zone; 409 when one is already going. */
  public String start() {
    return start("api");
  }

  /** Starts a run with {@code trigger} (api, schedule, sensor) in the background; 409 when one is already going. */
  public String start(String trigger) {
    return startWith(trigger, List.of());
  }

  /** Re-processes chosen batches from bronze in the background; 400 naming unknown batches, 409 when busy. */
  public String backfill(List<String> batches) {
    if (batches.isEmpty()) {
      throw ApiException.badRequest("batches must name at least one batch (payer/batch_id or batch_id)");
    }
    return startWith("backfill", batches);
  }

  private String startWith(String trigger, List<String> batches) {
    PipelineRunner runner = runners.get();
    String runId;
    try {
      runId = runner.begin(landing, trigger, batches);
    } catch (PipelineBusyException e) {
      throw new ApiException(409, "PIPELINE_BUSY", e.getMessage());
    }
    background(runId, () -> runner.run(runId, landing));
    return runId;
  }

  /** Resumes a failed or cancelled run in the background; 409 when it cannot be resumed or the pipeline is busy. */
  public String resume(String runId) {
    if (runs.get(runId).isEmpty()) {
      throw ApiException.notFound("No pipeline run " + runId);
    }
    if (runs.currentHolder().isPresent()) {
      throw new ApiException(409, "PIPELINE_BUSY", "Another pipeline run is in progress: " + runs.currentHolder().get());
    }
    var state = runs.get(runId).orElseThrow().summary().state();
    if (state != com.medflow.store.runs.RunState.FAILED && state != com.medflow.store.runs.RunState.CANCELLED) {
      throw new ApiException(409, "NOT_RESUMABLE", "Run " + runId + " is " + state.name().toLowerCase()
          + ": only a failed or cancelled run resumes");
    }
    String latest = runs.list(1).get(0).runId();
    if (!latest.equals(runId)) { // refused now rather than accepted and refused in the background
      throw new ApiException(409, "NOT_RESUMABLE", "Run " + runId + " was superseded by " + latest
          + ", which took over its batches: only the latest run resumes");
    }
    PipelineRunner runner = runners.get();
    background(runId, () -> runner.resume(runId));
    return runId;
  }

  /** Asks a running run to stop (before its next task; its Spark jobs are cancelled now). */
  public void cancel(String runId) {
    var run = runs.get(runId).orElseThrow(() -> ApiException.notFound("No pipeline run " + runId));
    if (run.summary().state().finished()) {
      throw new ApiException(409, "NOT_RUNNING", "Run " + runId + " is " + run.summary().state().name().toLowerCase());
    }
    runners.get().cancel(runId);
  }

  private volatile PipelineScheduler scheduler;

  /** The scheduler that starts runs through this service (it needs the service, so it is attached after). */
  public void attach(PipelineScheduler s) {
    this.scheduler = requireNonNull(s, "scheduler is null");
  }

  /** The scheduler's state for {@code GET /api/pipeline/schedule}; {@code enabled: false} when none runs. */
  public java.util.Map<String, Object> scheduleStatus() {
    PipelineScheduler s = scheduler;
    if (s == null) {
      return java.util.Map.of("enabled", false);
    }
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("enabled", true);
    m.putAll(s.status());
    return m;
  }

  /** Freshness of every payer and volume of each one's latest batch, now. */
  public java.util.Map<String, Object> checks() {
    return arrivals.status();
  }

  public boolean busy() {
    return runs.currentHolder().isPresent();
  }

  private void background(String runId, Runnable work) {
    executor.submit(() -> {
      try {
        work.run();
      } catch (Exception e) { // Spark may throw checked exceptions it does not declare; logged, not lost in the Future
        LOG.warn("Pipeline run {} failed: {}", runId, e.getMessage());
      }
    });
  }

  /** Attempts of every task and events (resumed, cancel, backfill) of a run. */
  public com.medflow.store.runs.RunLog log() {
    return runs.log();
  }

  /** A source the pipeline reads: a payer's landing folder, its file format and the mapping file that reads it. */
  public record Source(String payer, String folder, String format, List<String> files, String mappingFile,
                       boolean rollUp, java.util.Map<String, String> rules) {}

  /** Every configured source, in mapping order (built-ins first). */
  public List<Source> sources() {
    List<Source> out = new ArrayList<>();
    for (PayerMapping m : mappings.all()) {
      java.util.Map<String, String> rules = new java.util.TreeMap<>();
      m.options().severities().forEach((c, sev) -> rules.put(c.name(), sev.name()));
      out.add(new Source(m.payer(), m.folder(), m.options().fileFormat().key(), m.options().fileExtensions(), m.source(),
          m.options().rollUp() != null, rules));
    }
    return out;
  }

  public List<RunSummary> list(int limit) {
    return runs.list(limit);
  }

  /** {@code detail}: for a row about a landing file (FILE_REFUSED, FILE_HELD), "file: reason"; else null. */
  public record QualityRow(String payer, String batchId, String layer, String checkName, String severity,
                           long rowsChecked, long rowsFailed, double failureRate, double threshold, boolean passed,
                           String detail) {}

  public record QuarantineRow(String payer, String batchId, String sourceFile, long sourceLine, String claimId,
                              List<String> reasons, String rawLine) {}

  public Optional<RunDetail> get(String runId) {
    return runs.get(runId);
  }

  /** Quality-log rows written by a run. */
  public List<QualityRow> quality(String runId) {
    if (!lake.exists(Tables.DATA_QUALITY_LOG)) {
      return List.of();
    }
    List<QualityRow> out = new ArrayList<>();
    for (Row r : lake.spark().table(lake.qualified(Tables.DATA_QUALITY_LOG))
        .where(org.apache.spark.sql.functions.col("run_id").equalTo(org.apache.spark.sql.functions.lit(runId)))
        .orderBy("batch_id", "payer", "layer", "check_name").collectAsList()) {
      out.add(new QualityRow(r.getAs("payer"), r.getAs("batch_id"), r.getAs("layer"), r.getAs("check_name"),
          r.getAs("severity"), r.<Long>getAs("rows_checked"), r.<Long>getAs("rows_failed"),
          r.<Double>getAs("failure_rate"), r.<Double>getAs("threshold"), r.<Boolean>getAs("passed"),
          r.<String>getAs("detail")));
    }
    return out;
  }

  /** A sample of quarantined rows, optionally of one batch and payer. */
  public List<QuarantineRow> quarantine(Optional<String> batchId, Optional<String> payer, int limit) {
    if (!lake.exists(Tables.CLAIMS_QUARANTINED)) {
      return List.of();
    }
    var df = lake.spark().table(lake.qualified(Tables.CLAIMS_QUARANTINED));
    if (batchId.isPresent()) {
      df = df.where(org.apache.spark.sql.functions.col("batch_id").equalTo(org.apache.spark.sql.functions.lit(batchId.get())));
    }
    if (payer.isPresent()) {
      df = df.where(org.apache.spark.sql.functions.col("payer").equalTo(org.apache.spark.sql.functions.lit(payer.get())));
    }
    List<QuarantineRow> out = new ArrayList<>();
    for (Row r : df.orderBy(org.apache.spark.sql.functions.col("quarantined_at").desc(), org.apache.spark.sql.functions.col("payer"),
        org.apache.spark.sql.functions.col("source_line")).limit(limit).collectAsList()) {
      List<String> reasons = r.getList(r.fieldIndex("reasons"));
      out.add(new QuarantineRow(r.getAs("payer"), r.getAs("batch_id"), r.getAs("source_file"), r.<Long>getAs("source_line"),
          r.getAs("claim_id"), reasons, r.getAs("raw_line")));
    }
    return out;
  }
}
