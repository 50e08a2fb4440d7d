package com.medflow.model;

/** Argument checks with formatted messages, in the style of Guava's. */
public final class Preconditions {
  private Preconditions() {}

  public static void checkArgument(boolean condition, String message, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, message, args));
    }
  }

  public static void checkState(boolean condition, String message, Object... args) {
    if (!condition) {
      throw new IllegalStateException(String.format(java.util.Locale.ROOT, message, args));
    }
  }
}
