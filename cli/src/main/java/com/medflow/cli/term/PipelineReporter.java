package com.medflow.cli.term;

import com.medflow.pipeline.run.PipelineListener;
import com.medflow.pipeline.run.PipelineTask;
import com.medflow.pipeline.run.SparkProgress;
import com.medflow.store.runs.TaskState;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Draws a run on the terminal: one line per finished task (time, rows, rows/s, what it did) and,
 * while a task runs, a live line with elapsed time, Spark tasks done, rows read and time left.
 */
public final class PipelineReporter implements PipelineListener, AutoCloseable {
  private final Terminal term;
  private final SparkProgress spark;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "medflow-progress");
    t.setDaemon(true);
    return t;
  });
  private volatile PipelineTask current;
  private volatile long taskStart;
  private volatile long expectedRows;
  private ScheduledFuture<?> tick;

  public PipelineReporter(Terminal term, SparkProgress spark) {
    this.term = term;
    this.spark = spark;
  }

  @Override
  public void runStarted(String runId, long expectedRows) {
    this.expectedRows = expectedRows;
    term.line(term.dim("  run " + runId + (expectedRows > 0 ? ": " + Terminal.count(expectedRows) + " new data lines" : "")));
  }

  @Override
  public synchronized void taskStarted(PipelineTask task) {
    current = task;
    taskStart = System.currentTimeMillis();
    spark.reset();
    long period = term.interactive() ? 250 : 15_000;
    tick = ticker.scheduleAtFixedRate(this::draw, period, period, TimeUnit.MILLISECONDS);
  }

  private void draw() {
    PipelineTask t = current;
    if (t == null) {
      return;
    }
    long elapsed = System.currentTimeMillis() - taskStart;
    int done = spark.tasksFinished();
    int total = Math.max(spark.tasksSubmitted(), done);
    long read = spark.recordsRead();
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "  %s %-13s %7s", spinner(elapsed), t.wireName(),
        Terminal.seconds(elapsed)));
    if (total > 0) {
      s.append(String.format(Locale.ROOT, "  spark tasks %d/%d", done, total));
      if (done > 0 && done < total) {
        long left = elapsed * (total - done) / done;
        s.append("  ~").append(Terminal.seconds(left)).append(" left");
      }
    }
    if (read > 0) {
      s.append("  ").append(Terminal.count(read)).append(" rows read (").append(Terminal.rate(read, elapsed)).append(')');
    }
    if (term.interactive()) {
      term.status(s.toString());
    } else {
      term.line(s.toString());
    }
  }

  private static String spinner(long elapsed) {
    String frames = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
    return String.valueOf(frames.charAt((int) (elapsed / 100 % frames.length())));
  }

  @Override
  public synchronized void taskFinished(PipelineTask task, TaskState state, Long rows, String detail, long millis) {
    if (tick != null) {
      tick.cancel(false);
      tick = null;
    }
    current = null;
    String mark = switch (state) {
      case SUCCEEDED -> term.green("✓");
      case FAILED -> term.red("✗");
      default -> term.dim("–");
    };
    String rowsText = rows == null ? "" : Terminal.count(rows) + " rows";
    String rateText = rows == null || millis < 50 ? "" : Terminal.rate(rows, millis);
    term.line(String.format(Locale.ROOT, "  %s %-13s %7s  %-14s %-14s %s", mark, task.wireName(),
        state == TaskState.SKIPPED ? "" : Terminal.seconds(millis), rowsText, rateText,
        detail == null ? "" : term.dim(detail)));
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
