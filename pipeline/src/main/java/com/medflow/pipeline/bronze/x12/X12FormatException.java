package com.medflow.pipeline.bronze.x12;

import java.util.List;

/**
 * An X12 file that cannot be ingested: broken envelope (ISA/GS/ST counts or control numbers), wrong
 * delimiters, not an 837P, or segments out of place. Every problem names its segment position.
 */
public final class X12FormatException extends RuntimeException {
  private final List<String> problems;

  public X12FormatException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
