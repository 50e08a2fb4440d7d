package com.medflow.pipeline.gold;

import com.medflow.model.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs one piece of work per gold table, the tables at once (separate Spark jobs and commits). */
final class GoldTasks {
  private GoldTasks() {}

  static <R> List<R> each(List<TableSpec> tables, Function<TableSpec, R> work) {
    ExecutorService pool = Executors.newFixedThreadPool(tables.size());
    try {
      List<Future<R>> jobs = new ArrayList<>();
      for (TableSpec t : tables) {
        jobs.add(pool.submit(() -> work.apply(t)));
      }
      List<R> out = new ArrayList<>();
      for (Future<R> job : jobs) {
        try {
          out.add(job.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("Building gold failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while building gold", e);
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
