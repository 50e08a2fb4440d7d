package com.medflow.assistant.nlq.match;

import java.util.List;

/**
 * What the matcher made of a question: its spans in order, the words it could not place
 * ({@code unknown}, as typed), and the spelling corrections it made ("endocrinolgy" → "endocrinology").
 */
public record Matched(List<Span> spans, List<String> unknown, List<String> corrections) {
  public Matched {
    spans = List.copyOf(spans);
    unknown = List.copyOf(unknown);
    corrections = List.copyOf(corrections);
  }
}
