package com.medflow.query.testing;

import com.medflow.config.MedflowConfig;
import com.medflow.lake.Lake;
import com.medflow.lake.testing.SparkTestSessions;
import com.medflow.model.Tables;
import com.medflow.query.QueryService;
import com.medflow.query.cache.ResultCache;
import com.medflow.query.engine.SparkQueryEngine;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.spark.sql.SparkSession;

/**
 * A lake whose claims_clean holds {@code rows} claims in one data file (so a scan is one task; provider
 * names are about 160 characters long), and a
 * QueryService over the real Spark engine with the given limits (no cache).
 */
public final class QueryFixture implements AutoCloseable {
  public final MedflowConfig config;
  public final SparkSession spark;
  public final Lake lake;
  public final SparkQueryEngine engine;
  public final QueryService queries;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  public QueryFixture(Path home, int rows, Map<String, String> overrides) {
    this.config = MedflowConfig.forHome(home, overrides);
    this.spark = SparkTestSessions.session(config);
    this.lake = new Lake(spark, config.catalog().name());
    lake.createTables();
    spark.sql("INSERT INTO " + lake.qualified(Tables.CLAIMS_CLEAN) + " (claim_id, payer, member_id, provider_name,"
        + " service_date, billed_amount, paid_amount, claim_status)"
        + " SELECT concat('C', id), element_at(array('Aetna', 'BlueCross', 'UnitedHealth'), CAST(id % 3 AS INT) + 1),"
        + " concat('M', id % 500), concat('Provider ', id % 40, ' ', repeat('x', 150)), date_add(DATE '2025-01-01', CAST(id % 300 AS INT)),"
        + " CAST(100 + id % 900 AS DECIMAL(12,2)), CAST(80 + id % 700 AS DECIMAL(12,2)),"
        + " IF(id % 5 = 0, 'DENIED', 'APPROVED') FROM range(0, " + rows + ", 1, 1)");
    this.engine = new SparkQueryEngine(spark, lake, threads);
    this.queries = new QueryService(config.query(), engine, ResultCache.NONE, Map::of);
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
