package com.medflow.query.engine;

import static java.util.Objects.requireNonNull;

import com.medflow.lake.Lake;
import com.medflow.query.engine.cost.PlanCost;
import com.medflow.query.run.RunningQuery;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queries on a long-lived SparkSession over the Iceberg catalog, each on a thread of {@code executor} in
 * its own Spark job group and job tag, in its user's FAIR scheduler pool. Before anything runs, the plan's
 * cost is checked ({@link PlanCost}). The calling thread waits and watches: on timeout or a cancel request
 * it cancels the group <em>and its future jobs</em> (adaptive execution submits one job per query stage, so
 * cancelling only the active jobs lets the next stage start), interrupts the query thread and waits until
 * Spark's status tracker shows no task of the group still running.
 */
public final class SparkQueryEngine implements QueryEngine {
  private static final Logger LOG = LoggerFactory.getLogger(SparkQueryEngine.class);
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  static final String POOL = "spark.scheduler.pool";

  private final SparkSession spark;
  private final Lake lake;
  private final ExecutorService executor;
  private final SparkTaskTracker tasks;
  private final TableKeyFrequencies frequencies;

  public SparkQueryEngine(SparkSession spark, Lake lake, ExecutorService executor) {
    this.spark = interactive(requireNonNull(spark, "spark is null"));
    this.lake = requireNonNull(lake, "lake is null");
    this.executor = requireNonNull(executor, "executor is null");
    this.tasks = SparkTaskTracker.attach(spark.sparkContext());
    this.frequencies = new TableKeyFrequencies(spark, lake); // vectorized: a key count is cheap per row
  }

  /**
   * A session of its own for interactive queries: the settings of {@code parent}, with Iceberg's vectorized
   * reader off. A killed task notices its kill flag only when it reads its next input; vectorized reads hand
   * over batches of thousands of rows, so a task joining or exploding every row of a batch could run on for
   * minutes after its cancellation. Row by row it stops within one row's work.
   */
  static SparkSession interactive(SparkSession parent) {
    SparkSession s = parent.newSession();
    scala.jdk.javaapi.CollectionConverters.asJava(parent.conf().getAll()).forEach((k, v) -> {
      scala.Option<String> mine = s.conf().getOption(k);
      if (mine.isEmpty() || !mine.get().equals(v)) { // set on the parent at run time (the rest is inherited)
        s.conf().set(k, v);
      }
    });
    s.conf().set("spark.sql.iceberg.vectorization.enabled", "false");
    return s;
  }

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public QueryResult execute(EngineQuery q) {
    RunningQuery h = q.handle();
    long start = System.nanoTime();
    AtomicBoolean started = new AtomicBoolean();
    Future<QueryResult> f;
    try {
      f = executor.submit(() -> {
        started.set(true);
        return work(q);
      });
    } catch (RejectedExecutionException e) {
      h.ended();
      throw new QueryFailedException("The query could not be started: the server is shutting down", e);
    }
    long deadline = start + q.limits().timeout().toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          boolean stopped = stop(h, f, started, "timeout after " + q.limits().timeout().toMillis() + " ms",
              q.limits().cancelGrace());
          throw new QueryTimeoutException(q.limits().timeout(), stopped);
        }
        try {
          return f.get(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS).withLatency((System.nanoTime() - start) / 1_000_000);
        } catch (TimeoutException e) {
          Optional<String> reason = h.cancelReason();
          if (reason.isPresent()) {
            boolean stopped = stop(h, f, started, reason.get(), q.limits().cancelGrace());
            throw new QueryCancelledException(reason.get(), stopped);
          }
        }
      }
    } catch (InterruptedException e) {
      stop(h, f, started, "the waiting thread was interrupted", Duration.ZERO);
      Thread.currentThread().interrupt();
      throw new QueryFailedException("The query was interrupted", e);
    } catch (ExecutionException e) {
      throw translate(e.getCause(), q);
    }
  }

  private QueryResult work(EngineQuery q) {
    SparkContext sc = spark.sparkContext();
    RunningQuery h = q.handle();
    sc.setJobGroup(h.jobGroup(), h.caller().source() + " query of " + h.caller().user(), true);
    sc.addJobTag(h.jobGroup());
    sc.setLocalProperty(POOL, h.pool());
    boolean jobs = false;
    boolean done = false;
    try {
      Dataset<Row> df = spark.sql(q.sql()).limit(q.maxRows() + 1);
      PlanCost.check(df.queryExecution(), q.limits(), frequencies);
      jobs = true;
      List<Row> rows = df.collectAsList();
      done = true;
      return SparkRows.toResult(df.schema(), rows, q.maxRows(), q.limits());
    } finally {
      sc.clearJobGroup();
      sc.removeJobTag(h.jobGroup());
      sc.setLocalProperty(POOL, null);
      boolean quiet = done || (!jobs && h.state() == RunningQuery.State.RUNNING); // not cancelled while counting keys
      if (quiet && tasks.running(h.jobGroup()) == 0) {
        h.ended(); // refused before its jobs, or every task has finished
      } else {
        tasks.whenIdle(h.jobGroup(), h::ended); // failed or cancelled: its tasks may still be stopping
      }
    }
  }

  /**
   * Cancels the query's Spark work and waits up to {@code grace} for it to end: its thread has returned and
   * no task of its job group is still running. Jobs that slip in are cancelled again. True when all stopped.
   */
  private boolean stop(RunningQuery h, Future<?> f, AtomicBoolean started, String reason, Duration grace) {
    h.markStopping();
    SparkContext sc = spark.sparkContext();
    String group = h.jobGroup();
    sc.cancelJobGroupAndFutureJobs(group, reason);
    sc.cancelJobsWithTag(group, reason);
    f.cancel(true);
    if (!started.get()) {
      tasks.whenIdle(group, h::ended); // never ran (or will see its interrupt at once)
    }
    long deadline = System.nanoTime() + grace.toNanos();
    try {
      while (!h.awaitEnd(Duration.ofMillis(50))) {
        if (System.nanoTime() >= deadline) {
          LOG.warn("Query {} of {} is still stopping {} ms after its cancellation ({} tasks running)", h.id(),
              h.caller().user(), grace.toMillis(), tasks.running(group));
          return false;
        }
        if (activeJobs(sc, group) > 0) {
          sc.cancelJobGroupAndFutureJobs(group, reason);
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Tasks of query {@code queryJobGroup} whose threads are still running (they may have been killed). */
  public int runningTasks(String queryJobGroup) {
    return tasks.running(queryJobGroup);
  }

  private static int activeJobs(SparkContext sc, String group) {
    int n = 0;
    var tracker = sc.statusTracker();
    for (int job : tracker.getJobIdsForGroup(group)) {
      var info = tracker.getJobInfo(job);
      if (info.isDefined() && info.get().status() == org.apache.spark.JobExecutionStatus.RUNNING) {
        n++;
      }
    }
    return n;
  }

  private static RuntimeException translate(Throwable cause, EngineQuery q) {
    if (cause instanceof QueryTooExpensiveException e) {
      return e;
    }
    String message = String.valueOf(cause.getMessage());
    if (message.contains("spark.driver.maxResultSize")) {
      return new QueryTooExpensiveException("The result is larger than the server collects for one query"
          + " (spark.driver.maxResultSize). Return fewer rows or smaller values.");
    }
    if (cause instanceof OutOfMemoryError) {
      LOG.error("Query {} ran out of memory", q.handle().id(), cause);
      return new QueryTooExpensiveException("The query needed more memory than the server has. Narrow it: filter"
          + " rows, aggregate, or return fewer and smaller values.");
    }
    return new QueryFailedException("The query failed: " + firstLine(message), cause);
  }

  @Override
  public void ping() {
    spark.sql("SHOW NAMESPACES IN " + lake.catalogName()).collectAsList();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl > 0 ? s.substring(0, nl) : s;
  }
}
