package com.medflow.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.model.Tables;
import com.medflow.pipeline.testing.PipelineHarness;
import com.medflow.store.runs.RunState;
import com.medflow.testing.PostgresTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production path: the Iceberg catalog and the application database on a real PostgreSQL server. */
class PostgresCatalogPipelineTest {
  @Test
  void theSamePipelineRunsWithItsCatalogAndRunHistoryOnPostgres(@TempDir Path home) throws Exception {
    try (PostgresTestDatabase pg = new PostgresTestDatabase();
         PipelineHarness h = new PipelineHarness(home, 0.6, Map.of(
             "catalog.uri", pg.url(), "catalog.user", pg.user(),
             "app-db.url", pg.url(), "app-db.user", pg.user()))) {
      assertThat(h.config.catalog().isEmbedded()).isFalse();
      h.land("b1");
      RunOutcome first = h.run();
      assertThat(first.state()).isEqualTo(RunState.SUCCEEDED);
      assertThat(h.rows("SELECT * FROM healthcare.claims_clean")).hasSize(10);
      assertThat(h.rows("SELECT * FROM healthcare_gold.provider_performance")).isNotEmpty();

      try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), "");
           ResultSet rs = c.createStatement().executeQuery(
               "SELECT count(*) FROM iceberg_tables WHERE table_namespace IN ('healthcare', 'healthcare_gold')")) {
        rs.next();
        assertThat(rs.getInt(1)).as("tables registered in the PostgreSQL catalog").isEqualTo(Tables.ALL.size());
      }
      try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), "");
           ResultSet rs = c.createStatement().executeQuery("SELECT state FROM pipeline_runs WHERE run_id = '"
               + first.runId() + "'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("SUCCEEDED");
      }
      assertThat(h.run().state()).isEqualTo(RunState.NOTHING_TO_DO);
    }
  }
}
