package com.medflow.query.engine;

import static java.util.Objects.requireNonNull;

import com.medflow.config.MedflowConfig;
import com.medflow.query.guard.SqlDialect;
import com.medflow.query.run.RunningQuery;
import com.medflow.query.trino.TrinoConnections;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queries on a Trino coordinator over the same Iceberg catalog, through the Trino JDBC driver. Each query runs
 * on a thread of {@code executor} with its own connection and statement; the calling thread waits and watches,
 * and on timeout, a cancel request or a client that went away it calls {@link Statement#cancel()}, which asks
 * Trino to kill the query, then waits until the query thread has returned. Trino's own
 * {@code query_max_run_time} is set to the same timeout, so a query is bounded even if MedFlow dies.
 */
public final class TrinoQueryEngine implements QueryEngine {
  private static final Logger LOG = LoggerFactory.getLogger(TrinoQueryEngine.class);
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final MedflowConfig.Trino trino;
  private final String catalog;
  private final ExecutorService executor;

  public TrinoQueryEngine(MedflowConfig.Trino trino, String catalog, ExecutorService executor) {
    this.trino = requireNonNull(trino, "trino is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.executor = requireNonNull(executor, "executor is null");
  }

  @Override
  public String name() {
    return "trino";
  }

  @Override
  public SqlDialect dialect() {
    return SqlDialect.TRINO;
  }

  @Override
  public QueryResult execute(EngineQuery q) {
    RunningQuery h = q.handle();
    long start = System.nanoTime();
    AtomicReference<Statement> statement = new AtomicReference<>();
    Future<QueryResult> f;
    try {
      f = executor.submit(() -> {
        try {
          return work(q, statement);
        } finally {
          h.ended(); // the statement is closed: Trino has finished or killed the query
        }
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
          boolean stopped = stop(h, f, statement, q.limits().cancelGrace());
          throw new QueryTimeoutException(q.limits().timeout(), stopped);
        }
        try {
          return f.get(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS).withLatency((System.nanoTime() - start) / 1_000_000);
        } catch (TimeoutException e) {
          Optional<String> reason = h.cancelReason();
          if (reason.isPresent()) {
            boolean stopped = stop(h, f, statement, q.limits().cancelGrace());
            throw new QueryCancelledException(reason.get(), stopped);
          }
        }
      }
    } catch (InterruptedException e) {
      stop(h, f, statement, Duration.ZERO);
      Thread.currentThread().interrupt();
      throw new QueryFailedException("The query was interrupted", e);
    } catch (ExecutionException e) {
      throw translate(e.getCause());
    }
  }

  private QueryResult work(EngineQuery q, AtomicReference<Statement> holder) throws SQLException {
    Connection c;
    try {
      c = TrinoConnections.open(trino, catalog);
      c.setClientInfo("ApplicationName", "medflow " + q.handle().caller().source() + " " + q.handle().caller().user());
    } catch (SQLException e) {
      throw unavailable(e);
    }
    try (c; Statement s = c.createStatement()) {
      holder.set(s);
      if (q.handle().cancelReason().isPresent()) {
        throw new QueryCancelledException(q.handle().cancelReason().get(), true);
      }
      s.execute("SET SESSION query_max_run_time = '" + Math.max(1, q.limits().timeout().toSeconds()) + "s'");
      s.setMaxRows(q.maxRows() + 1);
      try (ResultSet rs = s.executeQuery(q.sql())) {
        return TrinoRows.read(rs, q.maxRows(), q.limits());
      }
    }
  }

  /** Cancels the statement (Trino kills the query) and waits up to {@code grace} for its thread to return. */
  private static boolean stop(RunningQuery h, Future<?> f, AtomicReference<Statement> statement, Duration grace) {
    h.markStopping();
    Statement s = statement.get();
    if (s != null) {
      try {
        s.cancel();
      } catch (SQLException e) {
        LOG.warn("Cancelling Trino query {} failed: {}", h.id(), e.getMessage());
      }
    } else if (f.cancel(false)) {
      h.ended(); // never started
    }
    try {
      if (h.awaitEnd(grace)) {
        return true;
      }
      LOG.warn("Trino query {} of {} is still stopping {} ms after its cancellation", h.id(), h.caller().user(),
          grace.toMillis());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private RuntimeException translate(Throwable cause) {
    if (cause instanceof RuntimeException r && (r instanceof QueryTooExpensiveException
        || r instanceof EngineUnavailableException || r instanceof QueryCancelledException)) {
      return r;
    }
    String message = String.valueOf(cause.getMessage());
    if (cause instanceof SQLException && isConnectionFailure((SQLException) cause)) {
      return unavailable((SQLException) cause);
    }
    if (message.contains("EXCEEDED_") && message.contains("MEMORY")) {
      return new QueryTooExpensiveException("The query needed more memory than Trino may use for one query"
          + " (query.max-memory). Narrow it: filter rows, aggregate, or return fewer and smaller values.");
    }
    return new QueryFailedException("The query failed on Trino: " + firstLine(message.replaceFirst(
        "^Query failed \\([^)]*\\): ", "")), cause);
  }

  private static boolean isConnectionFailure(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
          || String.valueOf(t.getMessage()).contains("Error starting query") && t.getCause() instanceof java.io.IOException
          || String.valueOf(t.getMessage()).contains("SERVER_STARTING_UP")) {
        return true;
      }
    }
    return false;
  }

  private EngineUnavailableException unavailable(SQLException e) {
    return new EngineUnavailableException(name(), "Trino at " + trino.url() + " (trino.url) does not answer: "
        + firstLine(String.valueOf(e.getMessage())) + ". Start it with ./medflow trino start, or set"
        + " query.engine-fallback=spark to run queries on Spark while it is down.", e);
  }

  @Override
  public void ping() {
    try (Connection c = TrinoConnections.open(trino, catalog); Statement s = c.createStatement()) {
      s.setQueryTimeout(10);
      try (ResultSet rs = s.executeQuery("SHOW SCHEMAS FROM " + catalog)) {
        while (rs.next()) {
          rs.getString(1);
        }
      }
    } catch (SQLException e) {
      throw isConnectionFailure(e) ? unavailable(e)
          : new QueryFailedException("Trino cannot read the catalog " + catalog + ": " + firstLine(e.getMessage()), e);
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl > 0 ? s.substring(0, nl) : s;
  }
}
