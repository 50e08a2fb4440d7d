package com.medflow.assistant.agent;

/** Which characters of a SQL statement are at its top level: outside every parenthesis and string literal. */
public final class TopLevel {
  private TopLevel() {}

  /** {@code mask[i]} is true when character {@code i} is neither inside parentheses nor inside quotes. */
  public static boolean[] mask(String sql) {
    boolean[] top = new boolean[sql.length()];
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'' && (i == 0 || sql.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else {
        top[i] = !quoted && depth == 0;
      }
    }
    return top;
  }

  /** Whether the outermost query orders its rows (ORDER BY at the top level). */
  public static boolean ordersRows(String sql) {
    boolean[] top = mask(sql);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < sql.length(); i++) {
      if (top[i]) {
        s.append(sql.charAt(i));
      }
    }
    return java.util.regex.Pattern.compile("(?i)\\border\\s+by\\b").matcher(s).find();
  }
}
