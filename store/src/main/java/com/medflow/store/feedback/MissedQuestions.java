package com.medflow.store.feedback;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * "What people asked that we could not answer or got wrong": unanswerable and clarify answers and
 * thumbs-down, grouped by the question (case, spacing and end punctuation ignored) with counts, and
 * the words the engine could not place, counted, so the semantic model owner sees what to add next.
 */
public final class MissedQuestions {
  public static final String UNANSWERABLE = "unanswerable";
  public static final String CLARIFY = "clarify";
  public static final String THUMBS_DOWN = "thumbs_down";

  /** One question asked {@code count} times with the same outcome. */
  public record Group(String kind, String question, long count, long users, Instant lastAt, List<String> leftoverWords,
                      List<String> comments, Optional<String> sql) {
    public Group {
      requireNonNull(kind, "kind is null");
      requireNonNull(question, "question is null");
      leftoverWords = List.copyOf(leftoverWords);
      comments = List.copyOf(comments);
      requireNonNull(sql, "sql is null");
    }
  }

  /** A word the engine could not place and in how many questions. */
  public record Word(String word, long count) {}

  public record Report(List<Group> groups, List<Word> leftoverWords, int answersRead, int feedbackRead) {}

  private final FeedbackStore store;

  public MissedQuestions(FeedbackStore store) {
    this.store = requireNonNull(store, "store is null");
  }

  /** Reads at most {@code limit} recent answers and {@code limit} recent thumbs-down. */
  public Report report(int limit) {
    List<LoggedAnswer> missed = store.answers(List.of(UNANSWERABLE, CLARIFY), limit);
    List<Feedback> down = store.feedback(Optional.of(Feedback.Rating.DOWN), limit);
    Map<String, Builder> groups = new LinkedHashMap<>();
    Map<String, Long> words = new TreeMap<>();
    for (LoggedAnswer a : missed) {
      groups.computeIfAbsent(a.status() + "\u0000" + normalize(a.question()), k -> new Builder(a.status(), a.question()))
          .add(a.at(), a.username(), a.leftoverWords(), Optional.empty(), a.sql());
      a.leftoverWords().forEach(w -> words.merge(w.toLowerCase(Locale.ROOT), 1L, Long::sum));
    }
    for (Feedback f : down) {
      List<String> left = store.answer(f.answerId()).map(LoggedAnswer::leftoverWords).orElse(List.of());
      groups.computeIfAbsent(THUMBS_DOWN + "\u0000" + normalize(f.question()), k -> new Builder(THUMBS_DOWN, f.question()))
          .add(f.at(), f.username(), left, f.comment(), f.sql());
    }
    List<Group> out = new ArrayList<>(groups.values().stream().map(Builder::build).toList());
    out.sort(Comparator.comparingLong(Group::count).reversed().thenComparing(Group::lastAt, Comparator.reverseOrder()));
    List<Word> ranked = new ArrayList<>(words.entrySet().stream().map(e -> new Word(e.getKey(), e.getValue())).toList());
    ranked.sort(Comparator.comparingLong(Word::count).reversed().thenComparing(Word::word));
    return new Report(out, ranked, missed.size(), down.size());
  }

  static String normalize(String q) {
    return q.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s?.!]+$", "").replaceAll("\\s+", " ");
  }

  private static final class Builder {
    final String kind;
    final String question;
    long count;
    Instant lastAt = Instant.EPOCH;
    final Set<String> users = new LinkedHashSet<>();
    final Set<String> words = new LinkedHashSet<>();
    final List<String> comments = new ArrayList<>();
    Optional<String> sql = Optional.empty();

    Builder(String kind, String question) {
      this.kind = kind;
      this.question = question; // the newest wording: rows come newest first
    }

    void add(Instant at, String user, List<String> leftover, Optional<String> comment, Optional<String> s) {
      count++;
      lastAt = at.isAfter(lastAt) ? at : lastAt;
      users.add(user);
      words.addAll(leftover);
      comment.filter(c -> !c.isBlank()).ifPresent(comments::add);
      sql = sql.or(() -> s);
    }

    Group build() {
      return new Group(kind, question, count, users.size(), lastAt, List.copyOf(words), comments, sql);
    }
  }
}
