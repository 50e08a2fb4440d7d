package com.medflow.assistant.nlq.match;

import static java.util.Objects.requireNonNull;

import com.medflow.assistant.nlq.text.Spelling;
import com.medflow.assistant.nlq.text.Token;
import com.medflow.assistant.nlq.time.TimeScanner;
import com.medflow.assistant.nlq.time.TimeSpan;
import com.medflow.assistant.nlq.vocab.Kind;
import com.medflow.assistant.nlq.vocab.Term;
import com.medflow.assistant.nlq.vocab.Vocabulary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads tokens as phrases of the vocabulary: periods first (time scanner), then the longest known
 * phrase at each position; numbers, money, percentages and dates become their own spans. A word
 * that is neither known nor a function word is corrected when the correction is unambiguous, or
 * reported as unknown. Function words are accounted for but make no span.
 */
public final class Matcher {
  /** Words the time scanner reads: known, so never "corrected" into something else. */
  private static final java.util.Set<String> TIME_WORDS = java.util.Set.of("january", "february", "march", "april", "may",
      "june", "july", "august", "september", "october", "november", "december", "sept", "quarter", "quarters", "half",
      "first", "second", "third", "fourth", "final", "last", "previous", "prior", "past", "preceding", "trailing",
      "current", "latest", "recent", "since", "until", "through", "before", "after", "between", "starting", "beginning",
      "onward", "onwards", "earlier", "weeks", "months", "years", "days", "date");
  private final Vocabulary vocabulary;
  private final Spelling spelling;
  private final Function<Token, List<Term>> codes;

  /**
   * @param codes meanings of a token as a code (procedure, diagnosis, NPI, state), from the data
   */
  public Matcher(Vocabulary vocabulary, Function<Token, List<Term>> codes) {
    this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
    this.codes = requireNonNull(codes, "codes is null");
    java.util.Set<String> known = new java.util.HashSet<>(vocabulary.knownWords());
    known.addAll(TIME_WORDS);
    this.spelling = new Spelling(known);
  }

  /** One candidate, or the only one of several that makes a known phrase with the word before or after. */
  private Optional<String> inContext(List<String> candidates, List<Token> tokens, int i) {
    if (candidates.size() <= 1) {
      return candidates.stream().findFirst();
    }
    String before = i > 0 ? tokens.get(i - 1).text() + " " : null;
    String after = i + 1 < tokens.size() ? " " + tokens.get(i + 1).text() : null;
    List<String> fit = candidates.stream().filter(c -> before != null && !vocabulary.lookup(before + c).isEmpty()
        || after != null && !vocabulary.lookup(c + after).isEmpty()).toList();
    return fit.size() == 1 ? Optional.of(fit.get(0)) : Optional.empty();
  }

  public Matched match(List<Token> tokens, LocalDate earliest, LocalDate latest) {
    List<String> corrections = new ArrayList<>();
    List<String> words = new ArrayList<>();
    List<Token> fixed = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      String w = t.text();
      if (t.isWord() && !spelling.isKnown(w) && codes.apply(t).isEmpty()) {
        Optional<String> c = inContext(spelling.candidates(w), tokens, i);
        if (c.isPresent()) {
          corrections.add("read '" + t.original() + "' as '" + c.get() + "'");
          w = c.get();
          t = Token.word(t.index(), w, t.original());
        }
      }
      words.add(w);
      fixed.add(t);
    }
    List<Span> spans = new ArrayList<>();
    boolean[] used = new boolean[fixed.size()];
    for (TimeSpan ts : TimeScanner.scan(fixed, earliest, latest)) {
      spans.add(new Span(ts.start(), ts.end(), List.of(Term.of(Kind.TIME, "period", ts.period().label())),
          text(fixed, ts.start(), ts.end()), Optional.empty(), Optional.of(ts.period()), ts.endpoints()));
      for (int k = ts.start(); k < ts.end(); k++) {
        used[k] = true;
      }
    }
    List<String> unknown = new ArrayList<>();
    int i = 0;
    while (i < fixed.size()) {
      if (used[i]) {
        i++;
        continue;
      }
      Optional<Span> s = phrase(words, fixed, used, i);
      if (s.isEmpty()) {
        s = single(fixed.get(i));
      }
      if (s.isPresent()) {
        spans.add(s.get());
        i = s.get().end();
        continue;
      }
      if (!vocabulary.isFunctionWord(words.get(i))) {
        unknown.add(fixed.get(i).original());
      }
      i++;
    }
    spans.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return new Matched(spans, unknown, corrections);
  }

  private Optional<Span> phrase(List<String> words, List<Token> tokens, boolean[] used, int i) {
    for (int len = Math.min(vocabulary.longest(), words.size() - i); len >= 1; len--) {
      boolean free = true;
      for (int k = i; k < i + len; k++) {
        free &= !used[k];
      }
      if (!free) {
        continue;
      }
      List<Term> terms = vocabulary.lookup(words, i, len);
      if (len == 1) {
        List<Term> asCode = codes.apply(tokens.get(i));
        if (!asCode.isEmpty()) {
          List<Term> all = new ArrayList<>(asCode);
          terms.stream().filter(x -> !all.contains(x)).forEach(all::add);
          terms = all;
        }
      }
      if (!terms.isEmpty()) {
        return Optional.of(new Span(i, i + len, terms, text(tokens, i, i + len), Optional.empty(), Optional.empty()));
      }
    }
    return Optional.empty();
  }

  private static Optional<Span> single(Token t) {
    Kind kind = switch (t.type()) {
      case NUMBER -> Kind.NUMBER;
      case MONEY -> Kind.MONEY;
      case PERCENT -> Kind.PERCENT;
      case DATE -> Kind.DATE;
      case WORD -> null;
    };
    if (kind == null) {
      return Optional.empty();
    }
    return Optional.of(new Span(t.index(), t.index() + 1, List.of(Term.of(kind, t.text(), t.original())), t.original(),
        Optional.of(t), Optional.empty()));
  }

  private static String text(List<Token> tokens, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int k = from; k < to; k++) {
      if (k > from) {
        sb.append(' ');
      }
      sb.append(tokens.get(k).original());
    }
    return sb.toString();
  }
}
