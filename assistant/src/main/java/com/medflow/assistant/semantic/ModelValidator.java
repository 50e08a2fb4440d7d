package com.medflow.assistant.semantic;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.medflow.assistant.nlq.DataFacts;
import com.medflow.assistant.nlq.ParseResult;
import com.medflow.assistant.nlq.QuestionEngine;
import com.medflow.assistant.nlq.query.Grouping;
import com.medflow.assistant.nlq.query.Measure;
import com.medflow.assistant.nlq.query.SemanticQuery;
import com.medflow.assistant.nlq.sql.SqlCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code medflow semantic validate}: compiles and runs every metric (alone), every dimension (claims per
 * value), every example of {@code examples.yaml} (its SQL, and its question through the offline engine)
 * and every verified answer (its SQL), and reports each check that fails with why.
 */
public final class ModelValidator {
  /** Runs SQL and returns its row count; throws when the SQL cannot run. */
  @FunctionalInterface
  public interface SqlRunner {
    long run(String sql);
  }

  /** One check: what was checked, whether it passed, and the error or what it returned. */
  public record Check(String kind, String name, boolean ok, String detail, long ms) {
    public Check {
      requireNonNull(kind, "kind is null");
      requireNonNull(name, "name is null");
      requireNonNull(detail, "detail is null");
    }
  }

  /** A named SQL to run, such as a verified answer. */
  public record NamedSql(String name, String sql) {}

  private final QuestionEngine engine;
  private final SqlCompiler compiler;
  private final SqlRunner runner;

  public ModelValidator(QuestionEngine engine, SqlRunner runner) {
    this.engine = requireNonNull(engine, "engine is null");
    this.compiler = new SqlCompiler(engine.model());
    this.runner = requireNonNull(runner, "runner is null");
  }

  public List<Check> validate(DataFacts facts, List<NamedSql> verified, Consumer<Check> progress) {
    SemanticModel model = engine.model();
    List<Check> out = new ArrayList<>();
    Consumer<Check> add = c -> {
      out.add(c);
      progress.accept(c);
    };
    for (ModelParts.Metric m : model.metrics().values()) {
      SemanticQuery.Source source = source(m.source());
      add.accept(compileAndRun("metric", m.name(), () -> SemanticQuery.of(source, List.of(Measure.metric(m.name(),
          m.label())))));
    }
    for (ModelParts.Dimension d : model.dimensions().values()) {
      SemanticQuery.Source source = source(d.source());
      add.accept(compileAndRun("dimension", d.name(), () -> SemanticQuery.of(source, List.of(Measure.metric(
          "claim_count", "rows"))).withGroupings(List.of(Grouping.of(d.name(), d.label())))));
    }
    for (JsonNode e : examples()) {
      String q = e.path("question").asText();
      add.accept(runSql("example sql", q, e.path("sql").asText().trim()));
      long t0 = System.nanoTime();
      ParseResult p;
      try {
        p = engine.read(q, facts, Optional.empty());
      } catch (RuntimeException ex) {
        add.accept(new Check("example question", q, false, "the engine failed: " + ex.getMessage(), ms(t0)));
        continue;
      }
      if (p.kind() != ParseResult.Kind.ANSWER) {
        add.accept(new Check("example question", q, false, "the offline engine does not answer it ("
            + p.kind().name().toLowerCase(Locale.ROOT) + "): " + p.reason(), ms(t0)));
      } else {
        add.accept(compileAndRun("example question", q, () -> p.query().get()));
      }
    }
    for (NamedSql v : verified) {
      add.accept(runSql("verified answer", v.name(), v.sql()));
    }
    return out;
  }

  private Check compileAndRun(String kind, String name, java.util.function.Supplier<SemanticQuery> query) {
    long t0 = System.nanoTime();
    String sql;
    try {
      sql = compiler.compile(query.get());
    } catch (RuntimeException e) {
      return new Check(kind, name, false, "does not compile: " + e.getMessage(), ms(t0));
    }
    return runSql(kind, name, sql, t0);
  }

  private Check runSql(String kind, String name, String sql) {
    return runSql(kind, name, sql, System.nanoTime());
  }

  private Check runSql(String kind, String name, String sql, long t0) {
    try {
      long rows = runner.run(sql);
      return new Check(kind, name, true, rows + " row(s)", ms(t0));
    } catch (RuntimeException e) {
      return new Check(kind, name, false, "does not run: " + e.getMessage(), ms(t0));
    }
  }

  private static SemanticQuery.Source source(Optional<String> s) {
    return s.map(x -> SemanticQuery.Source.valueOf(x.toUpperCase(Locale.ROOT))).orElse(SemanticQuery.Source.CLAIMS);
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static List<JsonNode> examples() {
    try (InputStream in = ModelValidator.class.getResourceAsStream("/medflow/assistant/examples.yaml")) {
      List<JsonNode> out = new ArrayList<>();
      if (in != null) {
        new ObjectMapper(new YAMLFactory()).readTree(in).path("examples").forEach(out::add);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the example library", e);
    }
  }
}
