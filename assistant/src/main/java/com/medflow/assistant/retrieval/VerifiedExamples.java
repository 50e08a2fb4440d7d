package com.medflow.assistant.retrieval;

import static java.util.Objects.requireNonNull;

import com.medflow.store.verified.VerifiedAnswer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Retrieval that also finds verified answers: each verified question (with its SQL) is a document of
 * kind {@code verified}, ranked by embedding similarity to the question and placed before the other hits
 * when it is close ({@link #MIN_SIMILARITY}). Verified answers are read from the store on every search,
 * so a new verification is found at once; their embeddings are kept by question.
 */
public final class VerifiedExamples implements Retriever {
  public static final double MIN_SIMILARITY = 0.6;
  public static final String KIND = "verified";

  private final Retriever base;
  private final Function<String, float[]> embed;
  private final Supplier<List<VerifiedAnswer>> verified;
  private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

  public VerifiedExamples(Retriever base, Function<String, float[]> embed, Supplier<List<VerifiedAnswer>> verified) {
    this.base = requireNonNull(base, "base is null");
    this.embed = requireNonNull(embed, "embed is null");
    this.verified = requireNonNull(verified, "verified is null");
  }

  @Override
  public List<Hit> search(String question, int k) {
    List<VerifiedAnswer> all = verified.get();
    List<Hit> close = new ArrayList<>();
    if (!all.isEmpty() && question != null && !question.isBlank()) {
      float[] q = embed.apply(question);
      for (VerifiedAnswer v : all) {
        double sim = cosine(q, vectors.computeIfAbsent(v.question(), embed));
        if (sim >= MIN_SIMILARITY) {
          close.add(new Hit("verified:" + v.id(), KIND, v.question(), "Verified by " + v.verifiedBy() + ". Question: "
              + v.question() + "\nSQL: " + v.sql(), sim));
        }
      }
      close.sort(Comparator.comparingDouble(Hit::score).reversed());
    }
    List<Hit> out = new ArrayList<>(close.subList(0, Math.min(k, close.size())));
    for (Hit h : base.search(question, k)) {
      if (out.size() < k) {
        out.add(h);
      }
    }
    return out;
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }
}
