package com.medflow.model.rules;

import java.util.Locale;
import java.util.Set;

/** Title case for names sent in capitals ("LAKESIDE FAMILY MEDICINE, PC" to "Lakeside Family Medicine, PC"). */
public final class TextCase {
  private static final Set<String> SMALL = Set.of("and", "of", "the", "for", "in", "on", "at", "to", "a", "an", "or");
  private static final Set<String> ACRONYMS = Set.of("PC", "LLC", "PLLC", "LLP", "LP", "MD", "DO", "PA", "NP", "DDS",
      "DMD", "RN", "II", "III", "IV", "USA", "ENT", "ER", "ICU", "PT", "OB", "GYN", "OBGYN", "HMO", "PPO", "UC");

  /** How a mapping wants a text column written. */
  public enum Mode { AS_IS, TITLE }

  private TextCase() {}

  public static String apply(String text, Mode mode) {
    return mode == Mode.TITLE ? title(text) : text;
  }

  public static String title(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    boolean first = true;
    while (i < text.length()) {
      int j = i;
      while (j < text.length() && Character.isLetterOrDigit(text.charAt(j)) || j < text.length() && text.charAt(j) == '\'') {
        j++;
      }
      if (j > i) {
        String word = text.substring(i, j);
        String upper = word.toUpperCase(Locale.ROOT);
        String lower = word.toLowerCase(Locale.ROOT);
        if (ACRONYMS.contains(upper)) {
          out.append(upper);
        } else if (!first && SMALL.contains(lower)) {
          out.append(lower);
        } else {
          out.append(Character.toUpperCase(lower.charAt(0))).append(lower, 1, lower.length());
        }
        first = false;
        i = j;
      } else {
        out.append(text.charAt(i));
        i++;
      }
    }
    return out.toString();
  }
}
