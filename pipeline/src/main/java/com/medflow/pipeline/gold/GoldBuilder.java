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
    GoldTasks.each(Tables.GOLD, gold -> {
      buildOne(gold, branch, sourceBranch);
      return gold;
    });
  }

  /** Rebuilds one gold table on {@code branch} from claims_clean as of {@code sourceBranch}. */
  public void buildOne(TableSpec gold, String branch, String sourceBranch) {
    String select = definition(gold).replace(SOURCE, lake.qualified(Tables.CLAIMS_CLEAN, sourceBranch));
    lake.spark().sql("INSERT OVERWRITE " + lake.qualified(gold.id(), branch) + " " + select);
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
