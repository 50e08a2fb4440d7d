package com.medflow.query.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.medflow.model.ColumnSpec;
import com.medflow.model.Role;
import com.medflow.model.TableId;
import com.medflow.model.TableSpec;
import com.medflow.model.Tables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Property-based fuzzing of {@link SqlGuard}: grammar-aware generation of SELECTs over the contract tables,
 * mixed with hostile fragments (stacked statements, DDL, forbidden functions, metadata tables, file paths,
 * hints, comments, invisible and look-alike characters, huge arguments) inserted at random token positions.
 *
 * <p>Properties: the guard only ever throws its refusal; it answers within a time bound; whatever it accepts
 * is a single read-only SELECT over tables the role may read, with no comment, hint, forbidden function,
 * metadata table or invisible character left in the SQL that runs, and that SQL passes the guard again
 * unchanged.
 */
class GuardFuzzTest {
  private static final SqlGuard GUARD = new SqlGuard(1_000, 10_000);
  private static final Duration BOUND = Duration.ofSeconds(5);

  /** Tables the generator reads, with their columns. */
  private static final List<TableSpec> TABLES = Tables.ALL;

  private static final List<String> HOSTILE = List.of(
      "; DROP TABLE healthcare.claims_clean", ";", "; SELECT 1", "DROP TABLE healthcare.claims_clean",
      "DELETE FROM healthcare.claims_clean", "INSERT INTO healthcare.claims_raw SELECT * FROM healthcare.claims_raw",
      "INTO healthcare.copy", "FOR UPDATE", "CACHE TABLE healthcare.claims_clean", "ADD JAR /tmp/evil.jar",
      "SET spark.sql.ansi.enabled=false", "RESET", "USE spark_catalog", "SHOW TABLES", "DESCRIBE healthcare.claims_clean",
      "MSCK REPAIR TABLE healthcare.claims_raw", "REFRESH TABLE healthcare.claims_clean",
      "CALL lake.system.rollback_to_snapshot('healthcare.claims_clean', 1)", "EXECUTE IMMEDIATE 'DROP TABLE t'",
      "DECLARE v INT", "SET VAR v = 1", "IDENTIFIER('healthcare.claims_raw')", "reflect('java.lang.Runtime', 'exec', 'id')",
      "java_method('java.lang.System', 'getenv', 'HOME')", "input_file_name()", "read_files('/etc')",
      "transform(array(1), x -> reflect('java.lang.Thread', 'sleep', 1000))", "from_json(payer, 'a INT')",
      "sequence(1, 1000000000)", "explode(sequence(1, 1e9))", "repeat('x', 1000000000)", "lpad('x', 2000000000, 'y')",
      "regexp_extract(payer, '(a+)+$', 0)", "range(1000000000)", "healthcare.claims_clean.snapshots",
      "lake.healthcare.claims_clean.files", "healthcare.claims_clean.history", "healthcare.claims_clean.manifests",
      "healthcare.claims_clean.partitions", "healthcare.claims_clean.refs", "healthcare.claims_clean.all_data_files",
      "information_schema.tables", "system.procedures", "spark_catalog.default.t", "parquet.`/etc`",
      "csv.`/etc/passwd`", "text.`/var/lib/medflow`", "VERSION AS OF (SELECT 1)", "TIMESTAMP AS OF reflect('a', 'b')",
      "/*+ REPARTITION(100000) */", "/*+ BROADCAST(t) */", "/* a /* b */ c */", "/*", "*/", "--", "-- x\n", "'", "\"",
      "`", "\\", "(", ")", "((((((((((((((((((((((((((((((((((((((((((", "${secret}", "?", ":p", "@@version", "\u200B",
      "\u200D", "\u202E", "\uFEFF", "\u0000", "\r", "\u0085", "\u2028", "\u0441", "\uFF33\uFF25\uFF2C\uFF25\uFF23\uFF34",
      "TOP 10", "PIVOT (sum(x) FOR y IN (1))", "WITH RECURSIVE r AS (SELECT 1 AS n) SELECT n FROM r", "VALUES (1)",
      "UNION ALL SELECT raw_line FROM healthcare.claims_raw", "UNION SELECT member_id FROM healthcare.claims_clean",
      "CROSS JOIN healthcare.claims_clean b", "LATERAL VIEW explode(sequence(1, 100000000)) t AS n",
      "TRANSFORM(payer) USING 'cat /etc/passwd'", "_file", "_metadata.file_path", "member_id", "patient_birth_date",
      "X'41'", "R'\\'", "LIMIT (SELECT 1)", "OFFSET -1", "LIMIT 99999999999999999999");

  /** What a check of one string came to. */
  record Outcome(GuardedSql accepted, SqlRefusedException refused) {}

  private static Outcome check(String sql, Role role) {
    return assertTimeoutPreemptively(BOUND, () -> {
      try {
        return new Outcome(GUARD.check(sql, role, OptionalInt.empty()), null);
      } catch (SqlRefusedException e) {
        return new Outcome(null, e);
      }
    }, () -> "the guard took longer than " + BOUND + " for: " + sql);
  }

  @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
  void hostileMixturesAreRefusedOrHarmless(@ForAll("hostileQueries") String sql, @ForAll Role role) {
    Outcome o = check(sql, role);
    Statistics.collect(o.accepted() != null ? "accepted" : o.refused().code());
    if (o.accepted() != null) {
      assertHarmless(o.accepted(), role, sql);
    } else {
      assertThat(o.refused().getMessage()).as("refusal message").isNotBlank();
    }
  }

  @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
  void generatedSelectsAreAcceptedForAnalystsAndHarmless(@ForAll("selects") String sql) {
    Outcome o = check(sql, Role.ANALYST);
    assertThat(o.refused()).as("refusal of a generated legitimate query: %s", sql).isNull();
    assertHarmless(o.accepted(), Role.ANALYST, sql);
  }

  @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
  void randomTextOnlyEverGetsARefusal(@ForAll("noise") String sql, @ForAll Role role) {
    Outcome o = check(sql, role);
    if (o.accepted() != null) {
      assertHarmless(o.accepted(), role, sql);
    }
  }

  // ---- what "harmless" means ---------------------------------------------------------------------

  private static final Pattern STRING_OR_QUOTED = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|`(?:[^`]|``)*`");
  private static final Pattern FORBIDDEN_CALL = Pattern.compile(
      "(?i)\\b(reflect|java_method|try_reflect|input_file_name|input_file_block_start|read_files|range|"
          + "from_json|identifier|raise_error|assert_true|space|array_repeat|to_json)\\s*\\(");
  private static final Pattern METADATA = Pattern.compile(
      "(?i)\\.(snapshots|files|history|manifests|partitions|refs|all_data_files|all_manifests|entries)\\b"
          + "|information_schema|\\bsystem\\.|spark_catalog|\\b(parquet|csv|text|json|orc|delta)\\.");
  /** A statement keyword that is not an alias ({@code AS reset}) or a qualifier ({@code reset.payer}). */
  private static final Pattern STATEMENT_WORDS = Pattern.compile(
      "(?i)(?<!\\bAS )\\b(DROP|DELETE|INSERT|UPDATE|MERGE|CREATE|ALTER|TRUNCATE|GRANT|CALL|EXECUTE|DECLARE|CACHE|REFRESH|MSCK|"
          + "USE|SET|RESET|SHOW|DESCRIBE|ADD|INTO|VALUES|TRANSFORM\\s*\\(\\s*\\w+\\s*\\)\\s*USING)\\b(?!\\.)");

  private static void assertHarmless(GuardedSql g, Role role, String input) {
    String sql = g.sql();
    String bare = STRING_OR_QUOTED.matcher(sql).replaceAll("''");
    assertThat(bare.trim().toUpperCase(Locale.ROOT)).as("accepted %s printed %s", input, sql)
        .matches("(SELECT|WITH|\\().*");
    assertThat(bare).as("accepted %s printed %s", input, sql).doesNotContain(";", "--", "/*", "*/", "?", "${");
    assertThat(bare.chars().allMatch(c -> c >= 0x20 && c < 0x7F)).as("only printable ASCII outside literals in %s", sql)
        .isTrue();
    assertThat(FORBIDDEN_CALL.matcher(bare).find()).as("no forbidden function in %s", sql).isFalse();
    assertThat(METADATA.matcher(bare).find()).as("no metadata table or file source in %s", sql).isFalse();
    assertThat(STATEMENT_WORDS.matcher(bare).find()).as("no statement keyword in %s", sql).isFalse();
    for (TableId t : g.tables()) {
      assertThat(role.mayRead(t)).as("%s may read %s", role, t).isTrue();
    }
    assertThat(g.limit()).isBetween(1, 10_000);
    // The SQL that runs passes the guard again, unchanged: it is canonical and needs nothing the guard skipped.
    Outcome again = check(sql, role);
    assertThat(again.refused()).as("re-check of %s", sql).isNull();
    assertThat(again.accepted().sql()).as("re-check of %s", sql).isEqualTo(sql);
  }

  // ---- generators -------------------------------------------------------------------------------

  @Provide
  Arbitrary<String> selects() {
    return Arbitraries.of(TABLES).flatMap(GuardFuzzTest::selectOver);
  }

  /** A SELECT over one table: items, optional WHERE, GROUP BY, ORDER BY and LIMIT, using its columns. */
  private static Arbitrary<String> selectOver(TableSpec t) {
    List<String> cols = t.columns().stream().map(ColumnSpec::name).toList();
    Arbitrary<String> col = Arbitraries.of(cols);
    Arbitrary<String> item = Arbitraries.oneOf(col, col.map(c -> "count(" + c + ")"), col.map(c -> "max(" + c + ")"),
        col.map(c -> "length(CAST(" + c + " AS STRING))"), col.map(c -> "coalesce(" + c + ", " + c + ")"),
        Arbitraries.just("count(*)"), col.map(c -> "count(DISTINCT " + c + ")"),
        Arbitraries.integers().between(0, 1000).map(String::valueOf), Arbitraries.of("'a'", "'x''y'", "NULL", "TRUE"),
        col.map(c -> "CASE WHEN " + c + " IS NULL THEN 0 ELSE 1 END"),
        Arbitraries.integers().between(1, 50).map(n -> "size(sequence(1, " + n + "))"));
    Arbitrary<String> items = item.list().ofMinSize(1).ofMaxSize(4).map(l -> {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < l.size(); i++) {
        out.add(l.get(i) + " AS c" + i);
      }
      return String.join(", ", out);
    });
    Arbitrary<String> predicate = Arbitraries.oneOf(col.map(c -> c + " IS NOT NULL"),
        col.map(c -> "CAST(" + c + " AS STRING) = 'Aetna'"), col.map(c -> "CAST(" + c + " AS STRING) LIKE 'A%'"),
        col.map(c -> "CAST(" + c + " AS STRING) IN ('a', 'b')"), Arbitraries.just("1 = 1"));
    Arbitrary<String> where = predicate.list().ofMinSize(0).ofMaxSize(3)
        .map(l -> l.isEmpty() ? "" : " WHERE " + String.join(" AND ", l));
    Arbitrary<String> groupBy = Arbitraries.of("", " GROUP BY 1");
    Arbitrary<String> orderBy = Arbitraries.of("", " ORDER BY 1", " ORDER BY 1 DESC");
    Arbitrary<String> limit = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.integers().between(1, 100_000)
        .map(n -> " LIMIT " + n));
    Arbitrary<String> from = Arbitraries.of("", " AS t").map(a -> " FROM " + t.id().namespace() + "." + t.id().name() + a);
    Arbitrary<String> body = Combinators.combine(items, from, where, groupBy, orderBy, limit)
        .as((i, f, w, g, o, l) -> "SELECT " + i + f + w + g + o + l);
    return Arbitraries.oneOf(body, body.map(b -> "WITH q AS (" + b.replaceAll(" LIMIT \\d+$", "") + ") SELECT * FROM q"));
  }

  /** Hostile text for each slot of a SELECT, so that most mixtures parse and reach the deeper rules. */
  private static final List<String> HOSTILE_EXPRESSIONS = List.of("reflect('java.lang.Runtime', 'exec', 'id')",
      "java_method('java.lang.System', 'getenv', 'HOME')", "input_file_name()", "try_reflect('a', 'b')",
      "transform(array(1), x -> reflect('java.lang.Thread', 'sleep', 1000))",
      "filter(array('a'), s -> java_method('java.lang.System', 'getenv', s) IS NULL)", "from_json(payer, 'a INT')",
      "size(sequence(1, 1000000000))", "size(sequence(1, 1e9))", "repeat('x', 1000000000)", "lpad('x', 2000000000, 'y')",
      "regexp_extract(payer, '(a+)+$', 0)", "IDENTIFIER('member_id')", "current_user()", "version()", "sha2('x', 256)",
      "to_json(struct(*))", "struct(*)", "concat(*)", "lake.system.f(1)", "builtin.reflect('a', 'b')", "_file",
      "_metadata.file_path", "member_id", "upper(member_id)", "year(patient_birth_date)", "@@version", "?", ":p",
      "(SELECT raw_line FROM healthcare.claims_raw LIMIT 1)", "(SELECT count(*) FROM healthcare.claims_clean.snapshots)",
      "X'41'", "N'x'", "aggregate(array(1), 0, (a, x) -> a + x)", "space(100000000)", "array_repeat(1, 100000000)");
  private static final List<String> HOSTILE_TABLES = List.of("healthcare.claims_clean.snapshots",
      "lake.healthcare.claims_clean.files", "healthcare.claims_clean.history", "healthcare.claims_clean.manifests",
      "healthcare.claims_clean.partitions", "healthcare.claims_clean.refs", "lake.healthcare.claims_clean.all_data_files",
      "`healthcare`.`claims_clean.snapshots`", "healthcare.claims_clean.branch_audit", "information_schema.tables",
      "system.procedures", "spark_catalog.default.t", "spark_catalog.healthcare.claims_clean", "global_temp.v",
      "parquet.`/etc`", "csv.`/etc/passwd`", "text.`/var/lib/medflow/jwt.secret`", "json.`s3a://bucket/x`",
      "IDENTIFIER('healthcare.claims_raw')", "range(1000000000)", "read_files('/etc')", "explode(sequence(1, 10))",
      "VALUES (1)", "(VALUES (1)) v", "healthcare.claims_raw", "healthcare.data_quality_log", "other.healthcare.claims_clean",
      "healthcare.claims_\u0441lean", "TABLE(system.query(query => 'SELECT 1'))");
  private static final List<String> HOSTILE_CLAUSES = List.of("; DROP TABLE healthcare.claims_clean", ";", "; SELECT 1",
      " FOR UPDATE", " INTO healthcare.copy", " UNION ALL SELECT raw_line FROM healthcare.claims_raw",
      " UNION SELECT member_id FROM healthcare.claims_clean", " VERSION AS OF (SELECT 1)", " VERSION AS OF 'tag_v1'",
      " TIMESTAMP AS OF reflect('a', 'b')", " FOR SYSTEM_TIME AS OF current_timestamp()",
      " LATERAL VIEW explode(sequence(1, 100000000)) e AS n", " LATERAL VIEW json_tuple(payer, 'a') j AS a",
      " CROSS JOIN range(100000) r", " PIVOT (sum(x) FOR y IN (1))", " LIMIT (SELECT 1)", " OFFSET -1",
      " LIMIT 99999999999999999999", " -- x\n; DROP TABLE t", " /* ; */", " /* a /* b */ c */", " -- \r DROP TABLE t",
      "\u0000; DROP TABLE t", " QUALIFY 1 = 1", " WINDOW w AS (ORDER BY 1)");
  private static final List<String> HINTS = List.of("/*+ REPARTITION(100000) */ ", "/*+ BROADCAST(t) */ ",
      "/*+ COALESCE(1) */ ", "/* hi */ ", "TOP 10 ", "DISTINCT ", "ALL ");
  private static final List<String> CHARACTERS = List.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u202E",
      "\u202D", "\u00AD", "\u0085", "\u2028", "\u0000", "\u0441", "\u0435", "\u03BF", "\uFF33", "\uFF1B", "'", "\"",
      "`", "\\", "(", ")", "\r", "\n");

  /** A hostile alternative for a slot, with the given chance out of 10; the legitimate text otherwise. */
  private static Arbitrary<String> slot(int outOf10, Arbitrary<String> legit, List<String> hostile) {
    return Arbitraries.frequencyOf(Tuple.of(10 - outOf10, legit), Tuple.of(outOf10, Arbitraries.of(hostile)));
  }

  /** SELECTs whose slots (hint, items, table, clauses) are each sometimes hostile. */
  private static Arbitrary<String> slotted() {
    return Arbitraries.of(TABLES).flatMap(t -> {
      List<String> cols = t.columns().stream().map(ColumnSpec::name).toList();
      Arbitrary<String> col = Arbitraries.of(cols);
      Arbitrary<String> item = slot(3, Arbitraries.oneOf(col, col.map(c -> "count(" + c + ")"), Arbitraries.just("1")),
          HOSTILE_EXPRESSIONS);
      Arbitrary<String> items = item.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(", ", l));
      Arbitrary<String> table = slot(3, Arbitraries.just(t.id().namespace() + "." + t.id().name()), HOSTILE_TABLES);
      Arbitrary<String> where = slot(3, Arbitraries.oneOf(Arbitraries.just(""), col.map(c -> " WHERE " + c + " IS NULL")),
          HOSTILE_EXPRESSIONS.stream().map(e -> " WHERE " + e + " IS NOT NULL").toList());
      Arbitrary<String> tail = slot(3, Arbitraries.of("", " ORDER BY 1", " GROUP BY 1", " LIMIT 5"), HOSTILE_CLAUSES);
      Arbitrary<String> hint = slot(2, Arbitraries.just(""), HINTS);
      return Combinators.combine(hint, items, table, where, tail)
          .as((h, i, tb, w, tl) -> "SELECT " + h + i + " FROM " + tb + w + tl);
    });
  }

  /** Puts one invisible, look-alike or quoting character at a random place. */
  private static Arbitrary<String> withCharacter(Arbitrary<String> sql) {
    return Combinators.combine(sql, Arbitraries.integers().between(0, 10_000), Arbitraries.of(CHARACTERS))
        .as((s, at, c) -> s.substring(0, at % (s.length() + 1)) + c + s.substring(at % (s.length() + 1)));
  }

  /** Hostile fragments inserted between, or in place of, the tokens of a generated SELECT. */
  private Arbitrary<String> tokenMixtures() {
    Arbitrary<List<Tuple.Tuple2<Integer, String>>> insertions = Combinators.combine(
        Arbitraries.integers().between(0, 1_000), Arbitraries.of(HOSTILE)).as(Tuple::of).list().ofMinSize(1).ofMaxSize(3);
    return Combinators.combine(selects(), insertions, Arbitraries.of(" ", "\n")).as((sql, ins, sep) -> {
      List<String> tokens = new ArrayList<>(List.of(sql.split(" ")));
      for (Tuple.Tuple2<Integer, String> i : ins) {
        int at = i.get1() % (tokens.size() + 1);
        if (i.get1() % 3 == 0 && at < tokens.size()) {
          tokens.set(at, i.get2()); // replace a token
        } else {
          tokens.add(at, i.get2());
        }
      }
      return String.join(sep, tokens);
    });
  }

  @Provide
  Arbitrary<String> hostileQueries() {
    Arbitrary<String> slotted = slotted();
    return Arbitraries.frequencyOf(Tuple.of(5, slotted), Tuple.of(2, withCharacter(slotted)),
        Tuple.of(2, tokenMixtures()), Tuple.of(1, withCharacter(selects())));
  }

  @Provide
  Arbitrary<String> noise() {
    Arbitrary<String> ascii = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(200);
    Arbitrary<String> sqlish = Arbitraries.of("SELECT", "FROM", "WHERE", "(", ")", ",", "'", "`", "*", "1", "--", "/*",
        "*/", ";", "claims_clean", "healthcare.", "member_id", "payer", "count(", "AS", "x", "\u200B", "\n", "LIMIT",
        "UNION", "JOIN", "ON", "=", "->", "lambda", "DROP").list().ofMaxSize(40).map(l -> String.join(" ", l));
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(100);
    return Arbitraries.oneOf(ascii, sqlish, sqlish.map(s -> "SELECT " + s), any);
  }
}
