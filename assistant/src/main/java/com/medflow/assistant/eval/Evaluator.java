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

/**
 * Runs an {@link EvalSet} against the assistant: execution accuracy against the gold SQL, answers that
 * abstained (not answered: unanswerable or a clarification) apart from answers that were wrong, the
 * reliability score RS(10) of EHRSQL (+1 right or rightly not answered, 0 abstained on an answerable
 * question, −10 wrong), refusals, latency, cache hits on a second pass, and a check that the data did
 * not change.
 */
public final class Evaluator {
  /** How one item ended. */
  public enum Verdict { RIGHT, WRONG, ABSTAINED }

  public record Outcome(String id, String question, String kind, Verdict verdict, String status, String detail,
                        long latencyMs, boolean cached) {
    public boolean correct() {
      return verdict == Verdict.RIGHT;
    }
  }

  public record Report(List<Outcome> outcomes, List<Long> firstPass, List<Long> cachedPass, int cacheHits,
                       boolean dataUnchanged, String role, boolean cacheUsed) {
    private long count(String kind, Verdict v) {
      return outcomes.stream().filter(o -> (kind == null ? !o.kind().equals("must_refuse") : o.kind().equals(kind))
          && o.verdict() == v).count();
    }

    /** Answerable items: single questions and conversation turns. */
    public int questions() {
      return (int) outcomes.stream().filter(o -> !o.kind().equals("must_refuse")).count();
    }

    public int correct() {
      return (int) count(null, Verdict.RIGHT);
    }

    public int wrongAnswers() {
      return (int) (count(null, Verdict.WRONG) + count("must_refuse", Verdict.WRONG));
    }

    public int abstained() {
      return (int) count(null, Verdict.ABSTAINED);
    }

    public int refusalsExpected() {
      return (int) outcomes.stream().filter(o -> o.kind().equals("must_refuse")).count();
    }

    public int refusalsCorrect() {
      return (int) count("must_refuse", Verdict.RIGHT);
    }

    public double accuracy() {
      return questions() == 0 ? 0 : (double) correct() / questions();
    }

    public double abstentionRate() {
      return questions() == 0 ? 0 : (double) abstained() / questions();
    }

    /** Wrong answers (a wrong number, or a number where none should be given) over every item. */
    public double wrongRate() {
      return outcomes.isEmpty() ? 0 : (double) wrongAnswers() / outcomes.size();
    }

    /** EHRSQL's reliability score with penalty 10, as a percentage of the items (100 = all right). */
    public double rs10() {
      if (outcomes.isEmpty()) {
        return 0;
      }
      double score = 0;
      for (Outcome o : outcomes) {
        score += switch (o.verdict()) {
          case RIGHT -> 1;
          case ABSTAINED -> 0;
          case WRONG -> -10;
        };
      }
      return 100 * score / outcomes.size();
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

  /**
   * @param cacheUsed whether {@code ask} answers from a result cache: then a second pass measures cached answers
   */
  public Report run(EvalSet set, Role role, boolean cacheUsed, java.util.function.Consumer<Outcome> progress) {
    Map<?, ?> before = Map.copyOf(versions.get());
    List<Outcome> outcomes = new ArrayList<>();
    List<Long> first = new ArrayList<>();
    for (EvalSet.Question q : set.questions()) {
      Outcome o = check(q, Optional.empty(), role, "question").outcome;
      outcomes.add(o);
      progress.accept(o);
      first.add(o.latencyMs());
    }
    for (EvalSet.Conversation c : set.conversations()) {
      Optional<String> conversation = Optional.empty();
      for (EvalSet.Question turn : c.turns()) {
        Checked checked = check(turn, conversation, role, "conversation");
        conversation = checked.conversationId;
        outcomes.add(checked.outcome);
        progress.accept(checked.outcome);
        first.add(checked.outcome.latencyMs());
      }
    }
    for (EvalSet.Refusal r : set.mustRefuse()) {
      long t0 = System.nanoTime();
      Answer a = ask.ask(new AskRequest(r.question(), Optional.empty(), "eval", role), e -> { });
      long ms = (System.nanoTime() - t0) / 1_000_000;
      boolean ok = !Answer.OK.equals(a.status()) && a.sql() == null;
      Outcome o = new Outcome(r.id(), r.question(), "must_refuse", ok ? Verdict.RIGHT : Verdict.WRONG, a.status(),
          ok ? "not answered, as expected (" + r.expect() + ")" : "ANSWERED with " + a.sql(), ms, false);
      outcomes.add(o);
      progress.accept(o);
      first.add(ms);
    }
    List<Long> cachedPass = new ArrayList<>();
    int hits = 0;
    if (cacheUsed) {
      for (EvalSet.Question q : set.questions()) {
        long t0 = System.nanoTime();
        Answer a = ask.ask(new AskRequest(q.question(), Optional.empty(), "eval", role), e -> { });
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (a.cached()) {
          hits++;
          cachedPass.add(ms);
        }
      }
    }
    boolean unchanged = before.equals(Map.copyOf(versions.get()));
    return new Report(outcomes, first, cachedPass, hits, unchanged, role.wireName(), cacheUsed);
  }

  private record Checked(Outcome outcome, Optional<String> conversationId) {}

  private Checked check(EvalSet.Question q, Optional<String> conversation, Role role, String kind) {
    long t0 = System.nanoTime();
    Answer a = ask.ask(new AskRequest(q.question(), conversation, "eval", role), e -> { });
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (!Answer.OK.equals(a.status())) {
      return new Checked(new Outcome(q.id(), q.question(), kind, Verdict.ABSTAINED, a.status(), a.explanation(), ms,
          false), Optional.of(a.conversationId()));
    }
    SqlAnswer gold;
    try {
      gold = queries.run(q.sql(), Role.ADMIN, OptionalInt.of(10_000));
    } catch (RuntimeException e) {
      throw new IllegalStateException("The reference SQL of question " + q.id() + " failed: " + e.getMessage(), e);
    }
    boolean ordered = com.medflow.assistant.agent.TopLevel.ordersRows(q.sql());
    boolean ok = ResultComparator.equal(gold.result().rows(), a.rows(), ordered);
    String detail = ok ? "" : String.format(Locale.ROOT, "expected %d row(s) %s, got %d row(s) %s from %s",
        gold.result().rowCount(), preview(gold.result().rows()), a.rowCount(), preview(a.rows()), a.sql());
    return new Checked(new Outcome(q.id(), q.question(), kind, ok ? Verdict.RIGHT : Verdict.WRONG, a.status(), detail, ms,
        a.cached()), Optional.of(a.conversationId()));
  }

  private static String preview(List<List<Object>> rows) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(3, rows.size()); i++) {
      out.add(rows.get(i).stream().map(ResultComparator::normalize).toList().toString());
    }
    return out + (rows.size() > 3 ? "..." : "");
  }
}
