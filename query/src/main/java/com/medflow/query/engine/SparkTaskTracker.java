package com.medflow.query.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * The tasks of each MedFlow query's job group that are really still running. Spark's status tracker stops
 * counting the tasks of a cancelled stage, but a killed task whose generated code loops without checking
 * its kill flag (a nested-loop join) keeps its thread; Spark reports its end only when that thread exits,
 * and that is what this listener counts. Listener events arrive asynchronously, so a group is declared idle
 * only after it has stayed at zero running tasks for a short settling time.
 */
public final class SparkTaskTracker extends SparkListener {
  static final String PREFIX = "medflow-query-";
  private static final long SETTLE_MS = 150;

  private final Map<Integer, String> stageGroup = new ConcurrentHashMap<>();
  private final Map<String, Set<Long>> running = new ConcurrentHashMap<>();
  private final Map<String, List<Runnable>> waiting = new ConcurrentHashMap<>();
  private final ScheduledExecutorService settle = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "medflow-task-tracker");
    t.setDaemon(true);
    return t;
  });

  /** Registers a tracker on {@code sc}. */
  public static SparkTaskTracker attach(SparkContext sc) {
    SparkTaskTracker t = new SparkTaskTracker();
    sc.addSparkListener(t);
    return t;
  }

  @Override
  public void onJobStart(SparkListenerJobStart e) {
    String group = e.properties() == null ? null : e.properties().getProperty("spark.jobGroup.id");
    if (group != null && group.startsWith(PREFIX)) {
      scala.jdk.javaapi.CollectionConverters.asJava(e.stageIds()).forEach(s -> stageGroup.put((Integer) s, group));
    }
  }

  @Override
  public void onTaskStart(SparkListenerTaskStart e) {
    String group = stageGroup.get(e.stageId());
    if (group != null) {
      running.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet()).add(e.taskInfo().taskId());
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    String group = stageGroup.get(e.stageId());
    if (group != null) {
      Set<Long> tasks = running.get(group);
      if (tasks != null) {
        tasks.remove(e.taskInfo().taskId());
      }
      if (running(group) == 0 && waiting.containsKey(group)) {
        schedule(group);
      }
    }
  }

  /** Tasks of {@code group} whose threads have not ended. */
  public int running(String group) {
    Set<Long> tasks = running.get(group);
    return tasks == null ? 0 : tasks.size();
  }

  /** Runs {@code action} once {@code group} has no running task (and has stayed so while events settle). */
  public void whenIdle(String group, Runnable action) {
    waiting.computeIfAbsent(group, g -> new ArrayList<>());
    synchronized (this) {
      waiting.get(group).add(action);
    }
    schedule(group);
  }

  private void schedule(String group) {
    settle.schedule(() -> {
      List<Runnable> actions;
      synchronized (this) {
        if (running(group) > 0 || !waiting.containsKey(group)) {
          return;
        }
        actions = waiting.remove(group);
        running.remove(group);
        stageGroup.values().removeIf(group::equals);
      }
      actions.forEach(Runnable::run);
    }, SETTLE_MS, TimeUnit.MILLISECONDS);
  }
}
