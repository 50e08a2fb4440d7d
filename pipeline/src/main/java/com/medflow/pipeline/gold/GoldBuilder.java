package com.medflow.pipeline.gold;

import static java.util.Objects.requireNonNull;

import com.medflow.lake.Lake;
import com.medflow.model.TableSpec;
import com.medflow.model.Tables;
import com.medflow.model.metrics.MetricDefinitions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Gold: each table of DATA.md section 5 is a declarative SELECT over claims_clean in
 * {@code /medflow/gold/<table>.sql}; building one overwrites the table on the run's branch.
 */
public final class GoldBuilder {
  static final String SOURCE = "${claims_clean}";
  private final Lake lake;

  public GoldBuilder(Lake lake) {
    this.lake = requireNonNull(lake, "lake is null");
  }

  /**
   * Rebuilds every gold table on {@code branch} from claims_clean as of {@code sourceBranch}, the
   * three at once (separate Spark jobs and commits): on small data the fixed cost of each dominates.
   */
  public void build(String branch, String sourceBranch) {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Tables.GOLD.size());
    try {
      java.util.List<java.util.concurrent.Future<?>> jobs = new java.util.ArrayList<>();
      for (TableSpec gold : Tables.GOLD) {
        String select = definition(gold).replace(SOURCE, lake.qualified(Tables.CLAIMS_CLEAN, sourceBranch));
        jobs.add(pool.submit(() -> lake.spark().sql("INSERT OVERWRITE " + lake.qualified(gold.id(), branch) + " " + select)));
      }
      for (java.util.concurrent.Future<?> job : jobs) {
        try {
          job.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("Building gold failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while building gold", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  public static String definition(TableSpec gold) {
    String resource = "/medflow/gold/" + gold.id().name() + ".sql";
    try (InputStream in = GoldBuilder.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("No gold definition " + resource);
      }
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String body = sql.lines().filter(l -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + b + "\n").trim();
      return MetricDefinitions.standard().expand(body);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
