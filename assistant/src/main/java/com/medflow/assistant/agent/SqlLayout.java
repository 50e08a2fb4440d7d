package com.medflow.assistant.agent;

import java.util.List;
import java.util.Locale;

/**
 * Lays SQL out for reading: each top-level clause (FROM, WHERE, GROUP BY, ...) on its own line.
 * Only whitespace outside strings changes, so the text is the same statement that ran.
 */
public final class SqlLayout {
  private static final List<String> CLAUSES = List.of("FROM ", "WHERE ", "GROUP BY ", "HAVING ", "ORDER BY ", "LIMIT ",
      "UNION ALL ", "UNION ");

  private SqlLayout() {}

  public static String pretty(String sql) {
    if (sql == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(sql.length() + 16);
    boolean[] top = TopLevel.mask(sql);
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (top[i] && c == ' ' && i + 1 < sql.length()) {
        String rest = sql.substring(i + 1, Math.min(sql.length(), i + 11)).toUpperCase(Locale.ROOT);
        if (CLAUSES.stream().anyMatch(rest::startsWith)) {
          out.append('\n');
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }
}
