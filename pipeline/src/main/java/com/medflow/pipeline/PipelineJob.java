package com.medflow.pipeline;

import com.medflow.config.ConfigLoader;
import com.medflow.config.MedflowConfig;
import com.medflow.lake.Lake;
import com.medflow.lake.SparkSessions;
import com.medflow.model.codes.Icd10Cm;
import com.medflow.model.mapping.PayerMappings;
import com.medflow.pipeline.quality.QualityGate;
import com.medflow.pipeline.run.PipelineException;
import com.medflow.pipeline.run.PipelineListener;
import com.medflow.pipeline.run.PipelineRunner;
import com.medflow.pipeline.run.PipelineTask;
import com.medflow.pipeline.run.RunOutcome;
import com.medflow.store.AppDatabase;
import com.medflow.store.runs.PayerResult;
import com.medflow.store.runs.RunState;
import com.medflow.store.runs.RunStore;
import com.medflow.store.runs.TaskState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The pipeline as a plain Spark application, for {@code spark-submit} on a cluster:
 * <pre>spark-submit --class com.medflow.pipeline.PipelineJob --jars ... medflow-pipeline.jar
 *     [--landing DIR_OR_URI] [--threshold FRACTION] [--config medflow.yaml]</pre>
 * The master and resources come from spark-submit; catalog, warehouse and app database from the
 * configuration (MEDFLOW_* variables or the file). Exit code 0 success, 3 gate failed, 1 error.
 */
public final class PipelineJob {
  private PipelineJob() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    Map<String, String> overrides = new HashMap<>();
    Optional<Path> configFile = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (i + 1 >= args.length) {
        System.err.println("medflow pipeline job: missing value after " + a);
        return 2;
      }
      switch (a) {
        case "--landing" -> overrides.put("landing.dir", args[++i]);
        case "--threshold" -> overrides.put("quality.gate-threshold", args[++i]);
        case "--config" -> configFile = Optional.of(Path.of(args[++i]));
        default -> {
          System.err.println("medflow pipeline job: unknown argument " + a
              + " (use --landing DIR_OR_URI, --threshold FRACTION, --config FILE)");
          return 2;
        }
      }
    }
    MedflowConfig config = ConfigLoader.load(configFile, System.getenv(), overrides);
    SparkSession spark = SparkSessions.create(config, "medflow-pipeline");
    try (AppDatabase db = AppDatabase.open(config.appDb())) {
      PipelineRunner runner = new PipelineRunner(new Lake(spark, config.catalog().name()), new RunStore(db),
          PayerMappings.load(config.pipeline().payersDir()), Icd10Cm.load(),
          new QualityGate(config.pipeline().gateThreshold()), Clock.systemUTC(), new LogListener(),
          Optional.of(com.medflow.objectstore.S3Connection.of(config.s3())), com.medflow.pipeline.run.RetryPolicy.NONE,
          com.medflow.pipeline.run.Sleeper.SYSTEM,
          new com.medflow.pipeline.quality.ArrivalChecks(com.medflow.config.OrchestrationConfig.DEFAULT_CHECKS),
          com.medflow.telemetry.Tracing.NOOP, new com.medflow.pipeline.silver.RowLimits(config.pipeline().maxFieldLength()));
      RunOutcome o = runner.runNow(config.pipeline().landing(), "spark-submit");
      for (PayerResult p : o.payers()) {
        System.out.printf("%s %s bronze=%d clean=%d quarantined=%d rate=%.4f gate=%s%n", p.payer(), p.batchId(),
            p.bronzeRows(), p.cleanRows(), p.quarantinedRows(), p.quarantineRate(), p.gatePassed() ? "pass" : "FAIL");
      }
      System.out.printf("run %s %s in %d ms%n", o.runId(), o.state(), o.totalMillis());
      return o.state() == RunState.GATE_FAILED ? 3 : 0;
    } catch (PipelineException e) {
      System.err.println("medflow pipeline job: " + e.getMessage());
      return 1;
    } finally {
      spark.stop();
    }
  }

  /** Plain log lines: what a cluster's driver log should show. */
  private static final class LogListener implements PipelineListener {
    @Override
    public void taskFinished(PipelineTask task, TaskState state, Long rows, String detail, long millis) {
      System.out.printf("task %-13s %-9s %6d ms %s%n", task.wireName(), state, millis, detail == null ? "" : detail);
    }
  }
}
