package com.medflow.pipeline.run;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Counts Spark tasks submitted and finished, and input records read, so a terminal can show how
 * far the current pipeline task has got. Reset at the start of each pipeline task.
 */
public final class SparkProgress extends SparkListener {
  private final AtomicInteger submitted = new AtomicInteger();
  private final AtomicInteger finished = new AtomicInteger();
  private final AtomicLong recordsRead = new AtomicLong();

  public static SparkProgress attach(SparkContext sc) {
    SparkProgress p = new SparkProgress();
    sc.addSparkListener(p);
    return p;
  }

  public void detach(SparkContext sc) {
    sc.removeSparkListener(this);
  }

  public void reset() {
    submitted.set(0);
    finished.set(0);
    recordsRead.set(0);
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted event) {
    submitted.addAndGet(event.stageInfo().numTasks());
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd event) {
    finished.incrementAndGet();
    if (event.taskMetrics() != null) {
      recordsRead.addAndGet(event.taskMetrics().inputMetrics().recordsRead());
    }
  }

  public int tasksSubmitted() {
    return submitted.get();
  }

  public int tasksFinished() {
    return finished.get();
  }

  public long recordsRead() {
    return recordsRead.get();
  }
}
