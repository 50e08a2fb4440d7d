package com.medflow.assistant.nlq;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a question into normalized tokens: lower case, punctuation dropped, money written as one
 * token ({@code $5,000} and {@code $5k} become {@code money:5000}), {@code 65+} as {@code 65 plus}.
 * {@link #original} keeps each token as typed (for upper-case state codes such as {@code OH}).
 */
public final class Tokens {
  private static final Pattern MONEY = Pattern.compile(
      "\\$\\s?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(k|K|thousand|m|M|million)?\\b|"
          + "\\b(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(k|thousand|million)?\\s+dollars\\b");

  /** Counts written as words ("top five") read as digits; "one" stays a word ("which one"). */
  private static final java.util.Map<String, String> NUMBER_WORDS = java.util.Map.ofEntries(
      java.util.Map.entry("two", "2"), java.util.Map.entry("three", "3"), java.util.Map.entry("four", "4"),
      java.util.Map.entry("five", "5"), java.util.Map.entry("six", "6"), java.util.Map.entry("seven", "7"),
      java.util.Map.entry("eight", "8"), java.util.Map.entry("nine", "9"), java.util.Map.entry("ten", "10"),
      java.util.Map.entry("twelve", "12"), java.util.Map.entry("fifteen", "15"), java.util.Map.entry("twenty", "20"),
      java.util.Map.entry("fifty", "50"), java.util.Map.entry("hundred", "100"));

  private final List<String> tokens;
  private final List<String> original;

  private Tokens(List<String> tokens, List<String> original) {
    this.tokens = tokens;
    this.original = original;
  }

  public static Tokens of(String question) {
    String q = question.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"');
    Matcher m = MONEY.matcher(q);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String digits = m.group(1) != null ? m.group(1) : m.group(4);
      String frac = m.group(1) != null ? m.group(2) : m.group(5);
      String unit = m.group(1) != null ? m.group(3) : m.group(6);
      BigDecimal v = new BigDecimal(digits.replace(",", "") + (frac == null ? "" : frac));
      if (unit != null) {
        String u = unit.toLowerCase(Locale.ROOT);
        v = v.multiply(u.startsWith("k") || u.startsWith("t") ? BigDecimal.valueOf(1000) : BigDecimal.valueOf(1_000_000));
      }
      m.appendReplacement(sb, " money:" + v.stripTrailingZeros().toPlainString() + " ");
    }
    m.appendTail(sb);
    String text = sb.toString().replace("+", " plus ").replace("%", " percent ");
    List<String> tokens = new ArrayList<>();
    List<String> original = new ArrayList<>();
    for (String raw : text.split("\\s+")) {
      if (raw.startsWith("money:")) {
        tokens.add(raw);
        original.add(raw);
        continue;
      }
      String cleaned = raw.replaceAll("(?i)'s\\b", "").replaceAll("(?i)s'(?=\\W|$)", "s")
          .replaceAll("[^\\p{L}\\p{N}.]+", " ").trim();
      for (String part : cleaned.split("\\s+")) {
        String p = stripDots(part);
        if (!p.isEmpty()) {
          String lower = p.toLowerCase(Locale.ROOT);
          tokens.add(NUMBER_WORDS.getOrDefault(lower, lower));
          original.add(p);
        }
      }
    }
    return new Tokens(List.copyOf(tokens), List.copyOf(original));
  }

  /** Dots inside numbers and codes stay (E11.9, 2.5); sentence dots go. */
  private static String stripDots(String s) {
    String t = s;
    while (t.endsWith(".")) {
      t = t.substring(0, t.length() - 1);
    }
    while (t.startsWith(".")) {
      t = t.substring(1);
    }
    return t;
  }

  /** A phrase normalized like a question, for lexicon keys. */
  public static String normalize(String phrase) {
    return String.join(" ", of(phrase).tokens);
  }

  public List<String> tokens() {
    return tokens;
  }

  public List<String> original() {
    return original;
  }

  public int size() {
    return tokens.size();
  }

  public String get(int i) {
    return tokens.get(i);
  }
}
