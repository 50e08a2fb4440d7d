package com.medflow.assistant.nlq.vocab;

import com.medflow.assistant.nlq.text.Tokenizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every phrase the engine knows, normalized like a question, with its meanings ({@link Term}s),
 * plus the function words that carry no meaning of their own. Built by {@link VocabularyBuilder}
 * from the semantic model, the language file, the values in the data and the reference code sets.
 */
public final class Vocabulary {
  private final Map<String, List<Term>> phrases = new HashMap<>();
  private final Set<String> functionWords = new HashSet<>();
  private final Set<String> words = new HashSet<>();
  private final Set<String> derivedKeys = new HashSet<>(); // keys only ever made as plural/singular forms
  private int longest = 1;

  /** Adds {@code phrase} with meaning {@code term}, and its other grammatical number for nouns. */
  public void add(String phrase, Term term) {
    String key = Tokenizer.normalize(phrase);
    if (key.isEmpty()) {
      return;
    }
    derivedKeys.remove(key);
    put(key, term);
  }

  /** Adds {@code phrase} and the plural or singular of its last word. */
  public void addWithNumber(String phrase, Term term) {
    String key = Tokenizer.normalize(phrase);
    if (key.isEmpty()) {
      return;
    }
    derivedKeys.remove(key);
    put(key, term);
    int space = key.lastIndexOf(' ');
    String last = key.substring(space + 1);
    String head = key.substring(0, space + 1);
    if (last.length() > 2 && last.matches("[a-z]+")) {
      if (last.endsWith("ies")) {
        derived(head + last.substring(0, last.length() - 3) + "y", term);
      } else if (last.endsWith("s") && !last.endsWith("ss") && !last.endsWith("us") && !last.endsWith("is")) {
        derived(head + last.substring(0, last.length() - 1), term); // "dos" gives "do": a function word wins
      } else if (!last.endsWith("s")) {
        derived(head + (last.endsWith("y") && !last.matches(".*[aeiou]y") ? last.substring(0, last.length() - 1) + "ies"
            : last.endsWith("sh") || last.endsWith("ch") || last.endsWith("x") ? last + "es" : last + "s"), term);
      }
    }
  }

  /** A plural or singular made from a phrase: never one that is a function word ("do" from "dos"). */
  private void derived(String key, Term term) {
    if (functionWords.contains(key)) {
      return;
    }
    if (!phrases.containsKey(key)) {
      derivedKeys.add(key);
    }
    put(key, term);
  }

  private void put(String key, Term term) {
    List<Term> terms = phrases.computeIfAbsent(key, k -> new ArrayList<>());
    if (!terms.contains(term)) {
      terms.add(term);
    }
    String[] parts = key.split(" ");
    longest = Math.max(longest, parts.length);
    Collections.addAll(words, parts);
  }

  public void addFunctionWord(String word) {
    String w = Tokenizer.normalize(word);
    functionWords.add(w);
    words.add(w);
    if (derivedKeys.remove(w)) {
      phrases.remove(w);
    }
  }

  /** Meanings of the phrase of {@code length} words starting at {@code start}, or none. */
  public List<Term> lookup(List<String> words, int start, int length) {
    if (start + length > words.size()) {
      return List.of();
    }
    return phrases.getOrDefault(String.join(" ", words.subList(start, start + length)), List.of());
  }

  public List<Term> lookup(String phrase) {
    return phrases.getOrDefault(Tokenizer.normalize(phrase), List.of());
  }

  public boolean isFunctionWord(String word) {
    return functionWords.contains(word);
  }

  /** Every word of every phrase and every function word: what spelling correction may correct to. */
  public Set<String> knownWords() {
    return Collections.unmodifiableSet(words);
  }

  public int longest() {
    return longest;
  }
}
