package com.medflow.assistant.nlq.text;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One token of a question: its normalized text (lower case), the text as typed, and for numbers,
 * money, percentages and dates their value. Position {@code index} is the token's place in the question.
 */
public record Token(int index, String text, String original, Type type, Optional<BigDecimal> number,
                    Optional<LocalDate> date) {
  public enum Type { WORD, NUMBER, MONEY, PERCENT, DATE }

  public Token {
    requireNonNull(text, "text is null");
    requireNonNull(original, "original is null");
    requireNonNull(type, "type is null");
    requireNonNull(number, "number is null");
    requireNonNull(date, "date is null");
  }

  public static Token word(int index, String text, String original) {
    return new Token(index, text, original, Type.WORD, Optional.empty(), Optional.empty());
  }

  public boolean isWord() {
    return type == Type.WORD;
  }

  public boolean isWord(String w) {
    return type == Type.WORD && text.equals(w);
  }

  /** A plain number (not money, not a percentage). */
  public boolean isNumber() {
    return type == Type.NUMBER;
  }

  /** A plain whole number such as a count, an age or a year. */
  public boolean isInteger() {
    return type == Type.NUMBER && number.orElseThrow().stripTrailingZeros().scale() <= 0;
  }

  public int intValue() {
    return number.orElseThrow().intValueExact();
  }

  public BigDecimal value() {
    return number.orElseThrow();
  }

  public Token at(int newIndex) {
    return new Token(newIndex, text, original, type, number, date);
  }
}
