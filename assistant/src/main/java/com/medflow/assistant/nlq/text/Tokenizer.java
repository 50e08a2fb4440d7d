package com.medflow.assistant.nlq.text;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a question into {@link Token}s. Money ({@code $5,000}, {@code $5k}, {@code 2 million dollars}),
 * percentages ({@code 10%}, {@code 10 percent}), numbers ({@code 1,000}, {@code 2.5}, number words up to
 * a hundred), and dates ({@code 2025-03-01}, {@code 3/1/2025}) become one token each with their value;
 * contractions are expanded ({@code what's} → {@code what is}); possessives, hyphens, slashes and
 * punctuation are dropped, except dots inside codes ({@code E11.9}); {@code 65+} reads {@code 65 plus}
 * and {@code 0-17} reads {@code 0 to 17}.
 */
public final class Tokenizer {
  private static final Pattern MONEY = Pattern.compile(
      "\\$\\s?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(k|K|thousand|m|M|mm|million|b|billion)?(?![A-Za-z0-9])"
          + "|(?<![A-Za-z0-9.])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(k|thousand|m|million)?\\s+(?:dollars|usd|bucks)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern PERCENT = Pattern.compile("(?<![A-Za-z0-9.])(\\d+(?:\\.\\d+)?)\\s*(%|percent\\b|pct\\b)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
  private static final Pattern US_DATE = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})\\b");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?");
  /** A year written with an apostrophe: "in '25", "Sept '24". */
  private static final Pattern SHORT_YEAR = Pattern.compile("'(\\d{2})(?![\\p{L}\\p{N}'])");
  /** A calendar year written as one word: "CY2024", "cy 2025" reads as "cy 2024". */
  /** A claim adjustment group code before a reason code ("CO-16", "PR-1"): the reason code, a CARC. */
  private static final Pattern CARC_WITH_GROUP = Pattern.compile("(?i)\\b(?:co|pr|oa|pi|cr)-(\\d{1,3})\\b");
  private static final Pattern CALENDAR_YEAR = Pattern.compile("(?i)(cy)(\\d{4})");
  /** A hyphen between two months is a range: "July-Sept" reads "July to Sept". */
  private static final Pattern MONTH_RANGE = Pattern.compile("(?i)\\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
      + "[a-z]*\\.?)\\s*[-–]\\s*(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b)");
  private static final Pattern NUMBER_RANGE = Pattern.compile("(?<![A-Za-z0-9.])(\\d+)\\s*[-–]\\s*(\\d+)(?![A-Za-z0-9.])");
  private static final Map<String, String> CONTRACTIONS = Map.ofEntries(Map.entry("what's", "what is"),
      Map.entry("whats", "what is"), Map.entry("who's", "who is"), Map.entry("where's", "where is"),
      Map.entry("how's", "how is"), Map.entry("that's", "that is"), Map.entry("there's", "there is"),
      Map.entry("it's", "it is"), Map.entry("let's", "let us"), Map.entry("don't", "do not"),
      Map.entry("doesn't", "does not"), Map.entry("didn't", "did not"), Map.entry("isn't", "is not"),
      Map.entry("aren't", "are not"), Map.entry("wasn't", "was not"), Map.entry("weren't", "were not"),
      Map.entry("haven't", "have not"), Map.entry("hasn't", "has not"), Map.entry("hadn't", "had not"),
      Map.entry("can't", "can not"), Map.entry("cannot", "can not"), Map.entry("won't", "will not"),
      Map.entry("i'm", "i am"), Map.entry("we're", "we are"), Map.entry("they're", "they are"),
      Map.entry("i'd", "i would"), Map.entry("we'd", "we would"), Map.entry("i've", "i have"),
      Map.entry("we've", "we have"), Map.entry("you're", "you are"), Map.entry("y'all", "you"));
  private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("two", 2), Map.entry("three", 3),
      Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
      Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
      Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
      Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
      Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
      Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90), Map.entry("hundred", 100),
      Map.entry("dozen", 12));

  private Tokenizer() {}

  public static List<Token> tokenize(String question) {
    String q = question.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"')
        .replace('—', ' ').replace('\u00a0', ' ');
    List<Token> out = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    int i = 0;
    while (i < q.length()) {
      Optional<Special> s = special(q, i);
      if (s.isPresent()) {
        words(plain.toString(), out);
        plain.setLength(0);
        out.add(s.get().token.at(out.size()));
        i = s.get().end;
      } else {
        plain.append(q.charAt(i));
        i++;
      }
    }
    words(plain.toString(), out);
    return List.copyOf(numberWords(out));
  }

  private static final Map<String, Integer> SCALES = Map.of("thousand", 1_000, "million", 1_000_000);

  /**
   * Runs of number words become one number: "fifty thousand" 50000, "two thousand twenty-four" 2024,
   * "twenty twenty five" 2025 (a year said in pairs); "one" counts only after "at least", "more than", "only".
   */
  private static List<Token> numberWords(List<Token> in) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < in.size()) {
      Token t = in.get(i);
      boolean word = t.isNumber() && !t.original().matches("[0-9.,]+");
      if (!word && t.isWord() && t.text().equals("one") && i > 0
          && Set.of("least", "than", "only", "exactly", "just").contains(in.get(i - 1).text())) {
        out.add(new Token(out.size(), "1", t.original(), Token.Type.NUMBER, Optional.of(BigDecimal.ONE), Optional.empty()));
        i++;
        continue;
      }
      if (!word) {
        out.add(t.at(out.size()));
        i++;
        continue;
      }
      List<Token> run = new ArrayList<>();
      int k = i;
      while (k < in.size() && (in.get(k).isNumber() && !in.get(k).original().matches("[0-9.,]+")
          || in.get(k).isWord() && SCALES.containsKey(in.get(k).text()) && !run.isEmpty()
          || in.get(k).isWord() && in.get(k).text().equals("and") && !run.isEmpty() && k + 1 < in.size()
              && in.get(k + 1).isNumber() && !in.get(k + 1).original().matches("[0-9.,]+"))) {
        run.add(in.get(k));
        k++;
      }
      long value = value(run);
      String original = String.join(" ", run.stream().map(Token::original).toList());
      BigDecimal v = BigDecimal.valueOf(value);
      if (k < in.size() && in.get(k).isWord() && Set.of("dollars", "dollar", "bucks").contains(in.get(k).text())) {
        // "fifty thousand dollars": an amount, as "$50,000" is
        out.add(new Token(out.size(), "money:" + v.toPlainString(), original + " " + in.get(k).original(),
            Token.Type.MONEY, Optional.of(v), Optional.empty()));
        i = k + 1;
        continue;
      }
      out.add(new Token(out.size(), v.toPlainString(), original, Token.Type.NUMBER, Optional.of(v), Optional.empty()));
      i = k;
    }
    return out;
  }

  private static long value(List<Token> run) {
    List<Long> parts = new ArrayList<>();
    for (Token t : run) {
      if (t.isNumber()) {
        parts.add(t.value().longValue());
      } else if (SCALES.containsKey(t.text())) {
        parts.add(-(long) SCALES.get(t.text()));
      }
    }
    // "twenty twenty five": two pairs make a year
    if (parts.size() >= 2 && parts.get(0) >= 19 && parts.get(0) <= 20 && parts.get(1) >= 10
        && parts.stream().noneMatch(p -> p < 0)) {
      long rest = parts.subList(1, parts.size()).stream().mapToLong(Long::longValue).sum();
      if (rest < 100) {
        return parts.get(0) * 100 + rest;
      }
    }
    long total = 0;
    long current = 0;
    for (long p : parts) {
      if (p < 0) {
        long scale = -p;
        current = (current == 0 ? 1 : current) * scale;
        if (scale >= 1000) {
          total += current;
          current = 0;
        }
      } else if (p == 100) {
        current = (current == 0 ? 1 : current) * 100;
      } else {
        current += p;
      }
    }
    return total + current;
  }

  private record Special(Token token, int end) {}

  /** Money, a percentage or a date starting exactly at {@code i}. */
  private static Optional<Special> special(String q, int i) {
    if (i > 0 && Character.isLetterOrDigit(q.charAt(i - 1)) && q.charAt(i) != '$') {
      return Optional.empty();
    }
    Matcher m = MONEY.matcher(q).region(i, q.length());
    if (m.lookingAt()) {
      boolean dollar = m.group(1) != null;
      BigDecimal v = new BigDecimal((dollar ? m.group(1) : m.group(4)).replace(",", "")
          + Optional.ofNullable(dollar ? m.group(2) : m.group(5)).orElse(""));
      String unit = dollar ? m.group(3) : m.group(6);
      if (unit != null) {
        String u = unit.toLowerCase(Locale.ROOT);
        v = v.multiply(u.startsWith("k") || u.startsWith("t") ? BigDecimal.valueOf(1_000)
            : u.startsWith("b") ? BigDecimal.valueOf(1_000_000_000) : BigDecimal.valueOf(1_000_000));
      }
      String original = m.group().trim();
      return Optional.of(new Special(new Token(0, "money:" + v.stripTrailingZeros().toPlainString(), original,
          Token.Type.MONEY, Optional.of(v), Optional.empty()), m.end()));
    }
    m = PERCENT.matcher(q).region(i, q.length());
    if (m.lookingAt()) {
      BigDecimal v = new BigDecimal(m.group(1));
      return Optional.of(new Special(new Token(0, "percent:" + v.toPlainString(), m.group().trim(),
          Token.Type.PERCENT, Optional.of(v), Optional.empty()), m.end()));
    }
    m = ISO_DATE.matcher(q).region(i, q.length());
    if (m.lookingAt()) {
      return date(m, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
    m = US_DATE.matcher(q).region(i, q.length());
    if (m.lookingAt()) {
      int y = Integer.parseInt(m.group(3));
      return date(m, y < 100 ? 2000 + y : y, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    m = SHORT_YEAR.matcher(q).region(i, q.length());
    if (m.lookingAt()) {
      BigDecimal y = BigDecimal.valueOf(2000 + Integer.parseInt(m.group(1)));
      return Optional.of(new Special(new Token(0, y.toPlainString(), m.group(), Token.Type.NUMBER, Optional.of(y),
          Optional.empty()), m.end()));
    }
    m = NUMBER_RANGE.matcher(q).region(i, q.length());
    if (m.lookingAt() && !(m.group(1).length() == 4 && m.group(2).length() == 2)) {
      return Optional.empty(); // handled as words: "0-17" becomes "0 to 17" in words()
    }
    return Optional.empty();
  }

  private static Optional<Special> date(Matcher m, int y, int month, int day) {
    try {
      LocalDate d = LocalDate.of(y, month, day);
      return Optional.of(new Special(new Token(0, "date:" + d, m.group(), Token.Type.DATE, Optional.empty(),
          Optional.of(d)), m.end()));
    } catch (DateTimeException e) {
      return Optional.empty(); // not a calendar date: read as plain numbers
    }
  }

  private static void words(String text, List<Token> out) {
    if (text.strip().equals("-") || text.strip().equals("–")) {
      out.add(Token.word(out.size(), "to", text.strip())); // "$0-$100": a range between two amounts
      return;
    }
    String t = NUMBER_RANGE.matcher(MONTH_RANGE.matcher(CARC_WITH_GROUP.matcher(text).replaceAll("carc $1"))
        .replaceAll("$1 to ")).replaceAll("$1 to $2");
    t = t.replace("+", " plus ").replace("&", " and ").replace("#", " number ").replace("%", " percent ");
    for (String raw : t.split("\\s+")) {
      String lower = raw.toLowerCase(Locale.ROOT);
      String stripped = lower.replaceAll("^[^\\p{L}\\p{N}$']+|[^\\p{L}\\p{N}]+$", "");
      String expanded = CONTRACTIONS.get(stripped);
      if (expanded != null) {
        for (String w : expanded.split(" ")) {
          out.add(Token.word(out.size(), w, w));
        }
        continue;
      }
      String cleaned = raw.replaceAll("(?i)'s\\b", "").replaceAll("(?i)s'(?=\\W|$)", "s")
          .replaceAll("[^\\p{L}\\p{N}.,]+", " ");
      for (String part : cleaned.trim().split("\\s+")) {
        addPart(part, out);
      }
    }
  }

  private static void addPart(String part, List<Token> out) {
    String p = part;
    while (!p.isEmpty() && (p.endsWith(".") || p.endsWith(","))) {
      p = p.substring(0, p.length() - 1);
    }
    while (!p.isEmpty() && (p.startsWith(".") || p.startsWith(","))) {
      p = p.substring(1);
    }
    if (p.isEmpty()) {
      return;
    }
    if (NUMBER.matcher(p).matches()) {
      BigDecimal v = new BigDecimal(p.replace(",", ""));
      out.add(new Token(out.size(), v.toPlainString(), p, Token.Type.NUMBER, Optional.of(v), Optional.empty()));
      return;
    }
    if (p.contains(",")) {
      for (String piece : p.split(",")) {
        addPart(piece, out);
      }
      return;
    }
    String lower = p.toLowerCase(Locale.ROOT);
    Matcher cy = CALENDAR_YEAR.matcher(p);
    if (cy.matches()) {
      addPart(cy.group(1), out);
      addPart(cy.group(2), out);
      return;
    }
    Integer n = NUMBER_WORDS.get(lower);
    if (n != null) {
      BigDecimal v = BigDecimal.valueOf(n);
      out.add(new Token(out.size(), v.toPlainString(), p, Token.Type.NUMBER, Optional.of(v), Optional.empty()));
      return;
    }
    out.add(Token.word(out.size(), lower, p));
  }

  /** A phrase normalized as a question would be, for vocabulary keys. */
  public static String normalize(String phrase) {
    List<String> words = new ArrayList<>();
    for (Token t : tokenize(phrase)) {
      words.add(t.text());
    }
    return String.join(" ", words);
  }
}
