package com.medflow.assistant.nlq.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Spelling tolerance against a known vocabulary: a word that is not known is read as the one known
 * word within edit distance (1 for words of 5-7 letters, 2 for longer ones; transpositions count as
 * one edit), and only when exactly one known word is that close (the matcher breaks a tie by the phrase the
 * word's neighbour makes with it: "denail rate" is "denial rate", not "detail rate"). Short words and real English words
 * (a dictionary word the engine does not know, such as "appear") are never corrected.
 */
public final class Spelling {
  private static final Set<String> ENGLISH = english();
  private final Set<String> known;

  public Spelling(Set<String> known) {
    this.known = Set.copyOf(known);
  }

  /** English words (SCOWL, via Debian's wamerican): a real word the engine does not know is not a typo. */
  private static Set<String> english() {
    String resource = "/medflow/assistant/english-words.txt.gz";
    try (java.io.InputStream in = Spelling.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Word list missing from the classpath: " + resource);
      }
      java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
          new java.util.zip.GZIPInputStream(in), java.nio.charset.StandardCharsets.UTF_8));
      java.util.Set<String> words = new java.util.HashSet<>(150_000);
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        words.add(line);
      }
      return words;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot read " + resource, e);
    }
  }

  public boolean isKnown(String word) {
    return known.contains(word);
  }

  /** The single known word {@code word} is a misspelling of, if there is exactly one at the smallest distance. */
  public Optional<String> correct(String word) {
    List<String> c = candidates(word);
    return c.size() == 1 ? Optional.of(c.get(0)) : Optional.empty();
  }

  /** The known words at the smallest distance from {@code word} (none for a known, short or English word). */
  public List<String> candidates(String word) {
    if (word.length() < 5 || !word.chars().allMatch(Character::isLetter) || known.contains(word)
        || ENGLISH.contains(word)) {
      return List.of();
    }
    int max = word.length() >= 8 ? 2 : 1;
    int best = Integer.MAX_VALUE;
    List<String> candidates = new ArrayList<>();
    for (String k : known) {
      if (k.length() < 4 || Math.abs(k.length() - word.length()) > max || k.charAt(0) != word.charAt(0)
          && !(word.length() > 1 && k.length() > 1 && k.charAt(1) == word.charAt(0) && k.charAt(0) == word.charAt(1))) {
        continue;
      }
      int d = distance(word, k, max);
      if (d <= max) {
        if (d < best) {
          best = d;
          candidates.clear();
        }
        if (d == best) {
          candidates.add(k);
        }
      }
    }
    return List.copyOf(candidates);
  }

  /** Optimal string alignment distance, giving up above {@code max}. */
  static int distance(String a, String b, int max) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > max) {
        return max + 1;
      }
    }
    return d[a.length()][b.length()];
  }
}
