package com.medflow.assistant.nlq.match;

import static java.util.Objects.requireNonNull;

import com.medflow.assistant.nlq.text.Token;
import com.medflow.assistant.nlq.time.Period;
import com.medflow.assistant.nlq.vocab.Kind;
import com.medflow.assistant.nlq.vocab.Term;
import java.util.List;
import java.util.Optional;

/**
 * A run of tokens [start, end) that the matcher read as one phrase: its meanings ({@code terms},
 * more than one when the phrase is ambiguous), the words as typed, and for numbers and periods
 * their value.
 */
public record Span(int start, int end, List<Term> terms, String text, Optional<Token> number,
                   Optional<Period> period, List<Period> endpoints) {
  public Span {
    terms = List.copyOf(terms);
    requireNonNull(text, "text is null");
    requireNonNull(number, "number is null");
    requireNonNull(period, "period is null");
    endpoints = List.copyOf(endpoints);
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("A span needs at least one meaning: " + text);
    }
  }

  public Span(int start, int end, List<Term> terms, String text, Optional<Token> number, Optional<Period> period) {
    this(start, end, terms, text, number, period, List.of());
  }

  public Term term() {
    return terms.get(0);
  }

  public Kind kind() {
    return terms.get(0).kind();
  }

  public boolean is(Kind k) {
    return terms.get(0).kind() == k;
  }

  public boolean is(Kind k, String key) {
    return terms.get(0).is(k, key);
  }

  public boolean ambiguous() {
    return terms.size() > 1;
  }

  /** The same span read with one meaning only. */
  public Span with(Term t) {
    return new Span(start, end, List.of(t), text, number, period, endpoints);
  }
}
