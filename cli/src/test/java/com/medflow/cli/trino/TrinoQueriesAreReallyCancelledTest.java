package com.medflow.cli.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.medflow.config.ConfigLoader;
import com.medflow.config.MedflowConfig;
import com.medflow.model.Role;
import com.medflow.query.engine.EngineQuery;
import com.medflow.query.engine.EngineUnavailableException;
import com.medflow.query.engine.QueryCancelledException;
import com.medflow.query.engine.QueryTimeoutException;
import com.medflow.query.engine.TrinoQueryEngine;
import com.medflow.query.run.QueryCaller;
import com.medflow.query.run.RunningQueries;
import com.medflow.query.run.RunningQuery;
import com.medflow.query.trino.TrinoConnections;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Trino query that times out or is cancelled is killed on Trino itself (its state there is FAILED with
 * USER_CANCELED), its place is freed, and an unreachable Trino is ENGINE_UNAVAILABLE. Needs a running Trino
 * over a home with data (scripts/trino-smoke sets MEDFLOW_TEST_TRINO_HOME and MEDFLOW_TEST_TRINO_URL).
 */
final class TrinoQueriesAreReallyCancelledTest {
  private static MedflowConfig config;
  private static ExecutorService threads;
  private static TrinoQueryEngine engine;

  @BeforeAll
  static void open() {
    String home = System.getenv("MEDFLOW_TEST_TRINO_HOME");
    String url = System.getenv("MEDFLOW_TEST_TRINO_URL");
    assumeTrue(home != null && url != null, "needs MEDFLOW_TEST_TRINO_HOME and MEDFLOW_TEST_TRINO_URL (scripts/trino-smoke)");
    config = ConfigLoader.isolated(Map.of("MEDFLOW_HOME", home, "MEDFLOW_TRINO_URL", url), Map.of());
    threads = Executors.newFixedThreadPool(2);
    engine = new TrinoQueryEngine(config.engine().trino(), config.catalog().name(), threads);
  }

  @AfterAll
  static void close() {
    if (threads != null) {
      threads.shutdownNow();
    }
  }

  /** Counts pairs of claims: hundreds of millions of rows, many seconds of work on two cores. */
  private static String slowQuery(String marker) {
    return "SELECT count(*) AS " + marker + " FROM healthcare.claims_clean a CROSS JOIN healthcare.claims_clean b"
        + " CROSS JOIN healthcare.claims_clean c WHERE a.billed_amount + b.billed_amount > c.paid_amount";
  }

  @Test
  void aQueryOverItsTimeoutIsKilledOnTrino() throws Exception {
    String marker = "probe_" + UUID.randomUUID().toString().replace("-", "");
    RunningQueries running = new RunningQueries(4, 2, Clock.systemUTC());
    RunningQuery h = running.admit(QueryCaller.of("tester", Role.ANALYST, "local"), slowQuery(marker));
    long t0 = System.nanoTime();
    QueryTimeoutException timeout = catchThrowableOfType(QueryTimeoutException.class, () -> engine.execute(
        new EngineQuery(slowQuery(marker), 10, config.query().withTimeout(Duration.ofSeconds(2)), h)));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(timeout).isNotNull();
    assertThat(timeout.stopped()).as("stopped within the cancel grace").isTrue();
    assertThat(ms).isBetween(1_900L, 2_000L + config.query().cancelGrace().toMillis() + 1_000);
    assertThat(h.hasEnded()).isTrue();
    assertThat(running.list()).isEmpty();
    assertThat(trinoState(marker)).isEqualTo("FAILED USER_CANCELED");
  }

  @Test
  void aCancelRequestKillsTheQueryOnTrino() throws Exception {
    String marker = "probe_" + UUID.randomUUID().toString().replace("-", "");
    RunningQueries running = new RunningQueries(4, 2, Clock.systemUTC());
    RunningQuery h = running.admit(QueryCaller.of("tester", Role.ANALYST, "local"), slowQuery(marker));
    threads.submit(() -> {
      Thread.sleep(1_500);
      h.requestCancel("cancelled by the test");
      return null;
    });
    QueryCancelledException cancelled = catchThrowableOfType(QueryCancelledException.class, () -> engine.execute(
        new EngineQuery(slowQuery(marker), 10, config.query().withTimeout(Duration.ofSeconds(60)), h)));
    assertThat(cancelled).isNotNull();
    assertThat(cancelled.getMessage()).contains("cancelled by the test");
    assertThat(cancelled.stopped()).isTrue();
    assertThat(running.list()).isEmpty();
    assertThat(trinoState(marker)).isEqualTo("FAILED USER_CANCELED");
  }

  @Test
  void anUnreachableTrinoIsEngineUnavailableNamingTheUrl() {
    MedflowConfig.Trino t = config.engine().trino();
    MedflowConfig.Trino nowhere = new MedflowConfig.Trino(URI.create("http://127.0.0.1:1"), t.user(), t.installDir(),
        t.dataDir(), Optional.empty(), t.heap());
    TrinoQueryEngine dead = new TrinoQueryEngine(nowhere, config.catalog().name(), threads);
    RunningQueries running = new RunningQueries(4, 2, Clock.systemUTC());
    RunningQuery h = running.admit(QueryCaller.of("tester", Role.ANALYST, "local"), "SELECT 1");
    EngineUnavailableException e = catchThrowableOfType(EngineUnavailableException.class, () -> dead.execute(
        new EngineQuery("SELECT 1 AS one", 10, config.query(), h)));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("http://127.0.0.1:1").contains("./medflow trino start");
    assertThat(h.hasEnded()).isTrue();
  }

  /** The query's final state and error code on Trino, waited for up to 10 s. */
  private static String trinoState(String marker) throws Exception {
    String last = "not found";
    for (int i = 0; i < 100; i++) {
      try (Connection c = TrinoConnections.open(config.engine().trino(), config.catalog().name());
           Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT state, error_code FROM system.runtime.queries WHERE query LIKE '%"
               + marker + "%' AND query NOT LIKE '%system.runtime.queries%'")) {
        if (rs.next()) {
          last = rs.getString(1) + " " + rs.getString(2);
          if (!last.startsWith("RUNNING") && !last.startsWith("QUEUED") && !last.startsWith("PLANNING")
              && !last.startsWith("STARTING") && !last.startsWith("FINISHING")) {
            return last;
          }
        }
      }
      Thread.sleep(100);
    }
    return last;
  }
}
