package com.medflow.query.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medflow.model.Role;
import com.medflow.query.SqlAnswer;
import com.medflow.query.guard.SqlRefusedException;
import com.medflow.query.run.QueryCaller;
import com.medflow.query.run.RunningQuery;
import com.medflow.query.run.TooManyQueriesException;
import com.medflow.query.testing.QueryFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.SparkStageInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heavy queries that pass the cost check (it is set high here) time out or are cancelled for real: no task
 * of their job group is still running afterwards, by Spark's status tracker and by the executor's threads,
 * and while one runs another user's simple query answers. 3,000 claims; timeout 10 s
 * (60 s where the query is cancelled on request).
 */
class QueriesAreReallyCancelledTest {
  static final String TRIPLE_CROSS_JOIN = "SELECT count(*) FROM healthcare.claims_clean a"
      + " CROSS JOIN healthcare.claims_clean b CROSS JOIN healthcare.claims_clean c";
  static final String EXPLODE_OF_CROSS_JOIN = "SELECT count(n) FROM (SELECT explode(sequence(1, 10000)) AS n"
      + " FROM healthcare.claims_clean a CROSS JOIN healthcare.claims_clean b) t";
  static final String SIMPLE = "SELECT COUNT(*) FROM healthcare.claims_clean";
  static final QueryCaller HEAVY = QueryCaller.of("heavy", Role.ANALYST, "sql");
  static final QueryCaller OTHER = QueryCaller.of("other", Role.ANALYST, "sql");

  @TempDir
  static Path home;
  static QueryFixture lake;
  /** The same engine with a long timeout, for cancellations on request. */
  static com.medflow.query.QueryService patient;

  @BeforeAll
  static void lakeWithThreeThousandClaims() {
    lake = new QueryFixture(home, 3_000, Map.of("query.timeout", "PT10S", "query.cancel-grace", "PT10S",
        "query.max-intermediate-rows", "1000000000000000000", "query.max-concurrent-per-user", "1"));
    patient = new com.medflow.query.QueryService(lake.config.query().withTimeout(Duration.ofSeconds(60)), lake.engine,
        com.medflow.query.cache.ResultCache.NONE, Map::of);
    // Warm the engine's own session: its first queries load the catalog and generate code slowly.
    patient.run(SIMPLE, OTHER, OptionalInt.empty());
    patient.run("SELECT count(*) FROM healthcare.claims_clean a CROSS JOIN healthcare.claims_clean b"
        + " WHERE a.claim_id = 'C1'", OTHER, OptionalInt.empty());
  }

  @AfterAll
  static void close() {
    lake.close();
  }

  /** A failed test leaves no query behind for the next one. */
  @org.junit.jupiter.api.AfterEach
  void cancelLeftovers() throws InterruptedException {
    for (var service : List.of(lake.queries, patient)) {
      for (RunningQuery q : service.running().list()) {
        q.requestCancel("test ended");
        q.awaitEnd(Duration.ofSeconds(30));
      }
    }
  }

  @Test
  void aTripleCrossJoinTimesOutWithNoTaskLeftAndOthersAnswerMeanwhile() throws Exception {
    heavyQueryIsStoppedAtItsTimeout(TRIPLE_CROSS_JOIN);
  }

  @Test
  void anExplodeOverACrossJoinTimesOutWithNoTaskLeft() throws Exception {
    heavyQueryIsStoppedAtItsTimeout(EXPLODE_OF_CROSS_JOIN);
  }

  @Test
  void anExplodeOfSequenceToABillionIsRefusedAtOnceAndOthersAnswer() {
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> lake.queries.run("SELECT explode(sequence(1, 1000000000))", HEAVY, OptionalInt.empty()))
        .isInstanceOf(SqlRefusedException.class);
    assertThat(millisSince(t0)).isLessThan(2_000);
    assertSimpleQueryAnswers();
  }

  @Test
  void aCancelRequestStopsTheQueryAndFreesItsUsersPlace() throws Exception {
    CompletableFuture<SqlAnswer> heavy = CompletableFuture.supplyAsync(() -> patient.run(TRIPLE_CROSS_JOIN,
        new QueryCaller(HEAVY.user(), HEAVY.role(), "sql", Optional.of("cancel-me-1")), OptionalInt.empty()));
    RunningQuery q = runningWithTasks(patient, "cancel-me-1", heavy);
    assertThatThrownBy(() -> patient.run(SIMPLE, HEAVY, OptionalInt.empty()))
        .as("one query at a time for this user").isInstanceOf(TooManyQueriesException.class)
        .hasMessageContaining("query.max-concurrent-per-user");
    assertSimpleQueryAnswersMeanwhile(heavy);

    assertThat(patient.running().cancel("cancel-me-1", "cancelled by its user")).isTrue();
    assertThatThrownBy(() -> heavy.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(QueryCancelledException.class).hasMessage("The query was cancelled (cancelled by its user)");
    assertNothingOfTheQueryRuns(patient, q);
    assertThat(patient.run(SIMPLE, HEAVY, OptionalInt.empty()).result().rows())
        .as("the user may run again").containsExactly(List.of(3_000L));
  }

  @Test
  void aQueryWhoseClientWentAwayIsCancelled() throws Exception {
    AtomicBoolean gone = new AtomicBoolean();
    CompletableFuture<SqlAnswer> heavy = CompletableFuture.supplyAsync(() -> {
      try (var watch = patient.running().watchCaller(gone::get)) {
        return patient.run(TRIPLE_CROSS_JOIN, new QueryCaller("heavy", Role.ANALYST, "sql",
            Optional.of("client-gone-1")), OptionalInt.empty());
      }
    });
    RunningQuery q = runningWithTasks(patient, "client-gone-1", heavy);
    gone.set(true);
    assertThatThrownBy(() -> heavy.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(QueryCancelledException.class)
        .hasMessageContaining("the client closed the connection");
    assertNothingOfTheQueryRuns(patient, q);
  }

  private static void heavyQueryIsStoppedAtItsTimeout(String sql) throws Exception {
    String id = "heavy-" + Math.abs(sql.hashCode());
    long t0 = System.nanoTime();
    CompletableFuture<SqlAnswer> heavy = start(sql, id);
    RunningQuery q = runningWithTasks(lake.queries, id, heavy);
    assertSimpleQueryAnswersMeanwhile(heavy);

    assertThatThrownBy(() -> heavy.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(QueryTimeoutException.class)
        .hasMessageStartingWith("The query took longer than 10 s and was cancelled.")
        .satisfies(e -> assertThat(((QueryTimeoutException) e).stopped()).as("stopped within the grace").isTrue());
    assertThat(millisSince(t0)).isBetween(10_000L, 25_000L);
    assertNothingOfTheQueryRuns(lake.queries, q);
    assertSimpleQueryAnswers();
  }

  private static CompletableFuture<SqlAnswer> start(String sql, String id) {
    return CompletableFuture.supplyAsync(() -> lake.queries.run(sql,
        new QueryCaller(HEAVY.user(), HEAVY.role(), "sql", Optional.of(id)), OptionalInt.empty()));
  }

  /** Waits until query {@code id} is registered and has running tasks. */
  private static RunningQuery runningWithTasks(com.medflow.query.QueryService service, String id,
                                               CompletableFuture<?> query) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (query.isDone()) {
        query.get();
        throw new AssertionError("query " + id + " ended before it ran a task");
      }
      Optional<RunningQuery> q = service.running().get(id);
      if (q.isPresent() && lake.engine.runningTasks(q.get().jobGroup()) > 0) {
        return q.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("query " + id + " never ran a task");
  }

  /**
   * Another user's simple query answers while {@code heavy} still runs: the heavy query does not hold the engine.
   * It runs with the long timeout, so a slow machine makes this slower, not wrong; the time is printed.
   */
  private static void assertSimpleQueryAnswersMeanwhile(CompletableFuture<?> heavy) {
    long t0 = System.nanoTime();
    SqlAnswer a = patient.run(SIMPLE, OTHER, OptionalInt.empty());
    assertThat(a.result().rows()).containsExactly(List.of(3_000L));
    System.out.println("another user's simple query answered in " + millisSince(t0) + " ms");
    assertThat(heavy.isDone()).as("the heavy query still runs when another user's simple query has answered").isFalse();
  }

  private static void assertSimpleQueryAnswers() {
    assertThat(patient.run(SIMPLE, OTHER, OptionalInt.empty()).result().rows()).containsExactly(List.of(3_000L));
  }

  /**
   * Nothing left of the query: the executor runs no thread of its tasks (at once), and Spark's status tracker,
   * which is fed by its own listener queue and may lag a little, shows none of its jobs running and no
   * active task in their stages (within 5 s).
   */
  private static void assertNothingOfTheQueryRuns(com.medflow.query.QueryService service, RunningQuery q)
      throws InterruptedException {
    assertThat(q.hasEnded()).as("its place is freed").isTrue();
    assertThat(service.running().get(q.id())).isEmpty();
    assertThat(lake.engine.runningTasks(q.jobGroup())).isZero();
    var tracker = lake.spark.sparkContext().statusTracker();
    int[] jobs = tracker.getJobIdsForGroup(q.jobGroup());
    assertThat(jobs).as("the query ran Spark jobs").isNotEmpty();
    Set<Integer> stages = new java.util.HashSet<>();
    for (int job : jobs) {
      stages.addAll(java.util.Arrays.stream(tracker.getJobInfo(job).get().stageIds()).boxed().toList());
    }
    assertThat(taskThreadsOf(stages)).as("executor threads still running a task of the query").isEmpty();
    List<String> busy = List.of();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    do {
      busy = new java.util.ArrayList<>();
      for (int job : tracker.getJobIdsForGroup(q.jobGroup())) {
        var info = tracker.getJobInfo(job).get();
        if (info.status().name().equals("RUNNING")) {
          busy.add("job " + job + " running");
        }
        for (int stage : info.stageIds()) {
          scala.Option<SparkStageInfo> st = tracker.getStageInfo(stage);
          if (st.isDefined() && st.get().numActiveTasks() > 0) {
            busy.add("stage " + stage + ": " + st.get().numActiveTasks() + " active tasks");
          }
        }
      }
      if (busy.isEmpty()) {
        break;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    assertThat(busy).as("Spark's status tracker for job group %s", q.jobGroup()).isEmpty();
  }

  private static final Pattern TASK_THREAD = Pattern.compile("Executor task launch worker for task .* in stage (\\d+)\\.");

  /** Threads that run a task of one of {@code stages}: named for the task and inside the task runner. */
  static List<String> taskThreadsOf(Set<Integer> stages) {
    return Thread.getAllStackTraces().entrySet().stream().filter(e -> {
      Matcher m = TASK_THREAD.matcher(e.getKey().getName());
      return m.find() && stages.contains(Integer.parseInt(m.group(1))) && e.getKey().isAlive()
          && java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().endsWith("Executor$TaskRunner"));
    }).map(e -> e.getKey().getName()).collect(Collectors.toList());
  }

  private static long millisSince(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0).toMillis();
  }
}
