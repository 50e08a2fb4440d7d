package com.medflow.assistant.eval;

import static java.util.Objects.requireNonNull;

import com.medflow.assistant.agent.Answer;
import com.medflow.assistant.agent.AskRequest;
import com.medflow.assistant.agent.AskService;
import com.medflow.model.Role;
import com.medflow.query.QueryService;
import com.medflow.query.SqlAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs an {@link EvalSet} against the assistant: execution accuracy against the gold SQL, refusals,
 * latency, cache hit rate on a second pass, and a check that the data did not change.
 */
public final class Evaluator {

  public record Outcome(String id, String question, String kind, boolean correct, String status, String detail,
                        long latencyMs, boolean cached) {}

  public record Report(List<Outcome> outcomes, int questions, int correct, int refusalsExpected, int refusalsCorrect,
                       List<Long> firstPass, List<Long> cachedPass, int cacheHits, boolean dataUnchanged,
                       String role) {
    public double accuracy() {
      return questions == 0 ? 0 : (double) correct / questions;
    }

    public long percentile(List<Long> values, double p) {
      if (values.isEmpty()) {
        return 0;
      }
      List<Long> sorted = values.stream().sorted().toList();
      return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
  }

  private final AskService ask;
  private final QueryService queries;
  private final Supplier<Map<?, ?>> versions;

  public Evaluator(AskService ask, QueryService queries, Supplier<Map<?, ?>> versions) {
    this.ask = requireNonNull(ask, "ask is null");
    this.queries = requireNonNull(queries, "queries is null");
    this.versions = requireNonNull(versions, "versions is null");
  }

  public Report run(EvalSet set, Role role, java.util.function.Consumer<Outcome> progress) {
    Map<?, ?> before = Map.copyOf(versions.get());
    List<Outcome> outcomes = new ArrayList<>();
    List<Long> first = new ArrayList<>();
    int questions = 0;
    int correct = 0;
    for (EvalSet.Question q : set.questions()) {
      Outcome o = check(q, Optional.empty(), role, "question").outcome;
      outcomes.add(o);
      progress.accept(o);
      first.add(o.latencyMs());
      questions++;
      correct += o.correct() ? 1 : 0;
    }
    for (EvalSet.Conversation c : set.conversations()) {
      Optional<String> conversation = Optional.empty();
      for (EvalSet.Question turn : c.turns()) {
        Checked checked = check(turn, conversation, role, "conversation");
        conversation = checked.conversationId;
        outcomes.add(checked.outcome);
        progress.accept(checked.outcome);
        first.add(checked.outcome.latencyMs());
        questions++;
        correct += checked.outcome.correct() ? 1 : 0;
      }
    }
    int refusalsCorrect = 0;
    for (EvalSet.Refusal r : set.mustRefuse()) {
      long t0 = System.nanoTime();
      Answer a = ask.ask(new AskRequest(r.question(), Optional.empty(), "eval", role), e -> { });
      long ms = (System.nanoTime() - t0) / 1_000_000;
      boolean ok = !Answer.OK.equals(a.status()) && a.sql() == null;
      refusalsCorrect += ok ? 1 : 0;
      Outcome o = new Outcome(r.id(), r.question(), "must_refuse", ok, a.status(), ok ? "not answered, as expected ("
          + r.expect() + ")" : "ANSWERED with " + a.sql(), ms, false);
      outcomes.add(o);
      progress.accept(o);
    }
    // Second pass: the same single questions again, answered from the cache.
    List<Long> cachedPass = new ArrayList<>();
    int hits = 0;
    for (EvalSet.Question q : set.questions()) {
      long t0 = System.nanoTime();
      Answer a = ask.ask(new AskRequest(q.question(), Optional.empty(), "eval", role), e -> { });
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (a.cached()) {
        hits++;
        cachedPass.add(ms);
      }
    }
    boolean unchanged = before.equals(Map.copyOf(versions.get()));
    return new Report(outcomes, questions, correct, set.mustRefuse().size(), refusalsCorrect, first, cachedPass, hits,
        unchanged, role.wireName());
  }

  private record Checked(Outcome outcome, Optional<String> conversationId) {}

  private Checked check(EvalSet.Question q, Optional<String> conversation, Role role, String kind) {
    long t0 = System.nanoTime();
    Answer a = ask.ask(new AskRequest(q.question(), conversation, "eval", role), e -> { });
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (!Answer.OK.equals(a.status())) {
      return new Checked(new Outcome(q.id(), q.question(), kind, false, a.status(), a.explanation(), ms, false),
          Optional.of(a.conversationId()));
    }
    SqlAnswer gold = queries.run(q.sql(), Role.ADMIN, OptionalInt.of(10_000));
    boolean ordered = topLevelOrderBy(q.sql());
    boolean ok = ResultComparator.equal(gold.result().rows(), a.rows(), ordered);
    String detail = ok ? "" : String.format(Locale.ROOT, "expected %d row(s) %s, got %d row(s) %s from %s",
        gold.result().rowCount(), preview(gold.result().rows()), a.rowCount(), preview(a.rows()), a.sql());
    return new Checked(new Outcome(q.id(), q.question(), kind, ok, a.status(), detail, ms, a.cached()),
        Optional.of(a.conversationId()));
  }

  /** Whether the outermost query orders its rows (ORDER BY outside every parenthesis and string). */
  static boolean topLevelOrderBy(String sql) {
    StringBuilder top = new StringBuilder();
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'' && (i == 0 || sql.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0) {
        top.append(c);
      }
    }
    return Pattern.compile("(?i)\\border\\s+by\\b").matcher(top).find();
  }

  private static String preview(List<List<Object>> rows) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(3, rows.size()); i++) {
      out.add(rows.get(i).stream().map(ResultComparator::normalize).toList().toString());
    }
    return out + (rows.size() > 3 ? "..." : "");
  }
}
