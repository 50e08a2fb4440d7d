package com.medflow.cli.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.medflow.assistant.agent.Answer;
import com.medflow.assistant.agent.AskRequest;
import com.medflow.assistant.eval.EvalSet;
import com.medflow.assistant.eval.ResultComparator;
import com.medflow.cli.Services;
import com.medflow.config.ConfigLoader;
import com.medflow.config.MedflowConfig;
import com.medflow.model.Role;
import com.medflow.query.SqlAnswer;
import com.medflow.query.guard.SqlRefusedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every question of the evaluation sets (eval/*.yaml and eval/precision/*.yaml except the blind set, which is
 * never read) gets the same answer on Trino as on Spark: same status, and for answers the same rows (numbers to
 * the evaluator's precision; a Spark midnight timestamp equals a Trino date). Each set's gold SQL also returns the
 * same rows on both engines. Runs against a home with data and a running Trino: scripts/trino-smoke sets
 * MEDFLOW_TEST_TRINO_HOME and MEDFLOW_TEST_TRINO_URL.
 */
final class EnginesAgreeOnEvalSetsTest {
  private static Services spark;
  private static Services trino;

  @BeforeAll
  static void open() {
    String home = System.getenv("MEDFLOW_TEST_TRINO_HOME");
    String url = System.getenv("MEDFLOW_TEST_TRINO_URL");
    assumeTrue(home != null && url != null, "needs MEDFLOW_TEST_TRINO_HOME and MEDFLOW_TEST_TRINO_URL (scripts/trino-smoke)");
    Map<String, String> env = Map.of("MEDFLOW_HOME", home, "MEDFLOW_TRINO_URL", url);
    spark = new Services(ConfigLoader.isolated(env, Map.of("cache.type", "none", "query.engine", "spark",
        "query.timeout", "PT180S")),
        Clock.systemUTC());
    trino = new Services(ConfigLoader.isolated(env, Map.of("cache.type", "none", "query.engine", "trino",
        "query.timeout", "PT180S")),
        Clock.systemUTC());
    assertThat(trino.queryService().engine().name()).isEqualTo("trino");
    assertThat(spark.queryService().engine().name()).isEqualTo("spark");
  }

  @AfterAll
  static void close() {
    if (trino != null) {
      trino.close();
    }
    if (spark != null) {
      spark.close();
    }
  }

  static List<Path> sets() throws Exception {
    Path root = Path.of(System.getProperty("user.dir")).resolve("../eval").normalize();
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).filter(p -> !p.getFileName().toString().equals("blind.yaml"))
          .sorted().toList();
    }
  }

  @Test
  void questionsOfEveryEvaluationSetGetTheSameAnswerOnBothEngines() throws Exception {
    List<String> differences = new ArrayList<>();
    int asked = 0;
    int answered = 0;
    for (Path file : sets()) {
      EvalSet set = EvalSet.load(file);
      List<EvalSet.Question> questions = new ArrayList<>(set.questions());
      set.conversations().forEach(c -> questions.add(c.turns().get(0)));
      for (EvalSet.Question q : questions) {
        Answer a = ask(spark, q.question());
        Answer b = ask(trino, q.question());
        asked++;
        String where = file.getFileName() + " " + q.id() + " \"" + q.question() + "\"";
        if (!a.status().equals(b.status())) {
          differences.add(where + ": spark " + a.status() + ", trino " + b.status() + " (" + b.explanation() + ")");
        } else if (a.status().equals(Answer.OK)) {
          answered++;
          if (!same(a.rows(), b.rows())) {
            differences.add(where + ": rows differ\n  spark " + head(a.rows()) + "\n  trino " + head(b.rows())
                + "\n  trino sql " + b.sql());
          }
        }
      }
    }
    assertThat(asked).as("questions asked").isGreaterThan(100);
    assertThat(answered).as("questions answered on both").isGreaterThan(50);
    assertThat(differences).as("answers that differ between Spark and Trino").isEmpty();
  }

  @Test
  void goldSqlOfEveryEvaluationSetReturnsTheSameRowsOnBothEngines() throws Exception {
    List<String> differences = new ArrayList<>();
    int ran = 0;
    for (Path file : sets()) {
      for (EvalSet.Question q : EvalSet.load(file).questions()) {
        if (q.sql() == null || q.sql().isBlank()) {
          continue;
        }
        SqlAnswer a;
        try {
          a = spark.queryService().run(q.sql(), Role.ANALYST, OptionalInt.of(1000));
        } catch (SqlRefusedException | com.medflow.query.engine.QueryTooExpensiveException e) {
          continue; // refused for an analyst, or over the cost limits estimated before Spark runs it
        }
        String where = file.getFileName() + " " + q.id();
        try {
          SqlAnswer b = trino.queryService().run(q.sql(), Role.ANALYST, OptionalInt.of(1000));
          ran++;
          assertThat(b.engine()).isEqualTo("trino");
          if (!sameRows(q.sql(), a.result().rows(), b.result().rows())) {
            differences.add(where + ": rows differ\n  spark " + head(a.result().rows()) + "\n  trino "
                + head(b.result().rows()) + "\n  trino sql " + b.sql());
          }
        } catch (RuntimeException e) {
          differences.add(where + ": fails on trino: " + e.getMessage());
        }
      }
    }
    assertThat(ran).as("gold queries run on both").isGreaterThan(50);
    assertThat(differences).as("gold SQL whose rows differ between Spark and Trino").isEmpty();
  }

  private static Answer ask(Services s, String question) {
    return s.askService().ask(new AskRequest(question, Optional.empty(), "engine-compare", Role.ANALYST), e -> { });
  }

  /** Same rows in the same order, numbers to the evaluator's precision, midnight UTC timestamps as dates. */
  static boolean same(List<List<Object>> a, List<List<Object>> b) {
    return ResultComparator.equal(dates(a), dates(b), true);
  }

  /**
   * Gold SQL without ORDER BY has no row order: rows are compared as a set. With ORDER BY and LIMIT, rows tied on
   * the ranked value may be picked differently by each engine: then the ranked (last) column must still agree.
   */
  static boolean sameRows(String sql, List<List<Object>> a, List<List<Object>> b) {
    String upper = sql.toUpperCase(java.util.Locale.ROOT);
    if (!upper.contains("ORDER BY")) {
      return ResultComparator.equal(dates(a), dates(b), false);
    }
    if (same(a, b)) {
      return true;
    }
    return upper.matches("(?s).*ORDER BY.*\\bLIMIT\\s+\\d+\\s*;?\\s*") && a.size() == b.size()
        && same(lastColumn(a), lastColumn(b));
  }

  private static List<List<Object>> lastColumn(List<List<Object>> rows) {
    return rows.stream().map(r -> List.<Object>of(r.isEmpty() ? "" : String.valueOf(r.get(r.size() - 1)))).toList();
  }

  private static List<List<Object>> dates(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> r : rows) {
      List<Object> row = new ArrayList<>();
      for (Object v : r) {
        row.add(v instanceof Instant i && i.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)
            ? i.atOffset(ZoneOffset.UTC).toLocalDate() : v);
      }
      out.add(row);
    }
    return out;
  }

  private static String head(List<List<Object>> rows) {
    return rows.size() <= 3 ? rows.toString() : rows.subList(0, 3) + " ... (" + rows.size() + " rows)";
  }
}
