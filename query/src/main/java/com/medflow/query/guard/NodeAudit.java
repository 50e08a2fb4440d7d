package com.medflow.query.guard;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fail-closed check on JSqlParser nodes: the guard handles a known set of fields of each node class;
 * any other field carrying a value (a TOP clause, a hint, a PIVOT, a string prefix, a future parser
 * feature...) means the tree holds something the guard would not print or check, so it refuses.
 */
final class NodeAudit {
  private NodeAudit() {}

  private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
    @Override
    protected List<Field> computeValue(Class<?> type) {
      List<Field> out = new ArrayList<>();
      for (Class<?> c = type; c != null && c.getName().startsWith("net.sf.jsqlparser."); c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic() || f.getName().equals("node")) {
            continue;
          }
          f.setAccessible(true);
          out.add(f);
        }
      }
      return List.copyOf(out);
    }
  };

  /** Human names for fields that hold clauses the guard refuses. */
  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("top", "TOP"), Map.entry("first", "FIRST"), Map.entry("skip", "SKIP"),
      Map.entry("fetch", "FETCH FIRST (use LIMIT)"), Map.entry("oracleHint", "query hints (/*+ ... */)"),
      Map.entry("pivot", "PIVOT"), Map.entry("unPivot", "UNPIVOT"), Map.entry("unpivot", "UNPIVOT"),
      Map.entry("qualify", "QUALIFY"), Map.entry("windowDefinitions", "named WINDOW clauses (write OVER (...) inline)"),
      Map.entry("sampleClause", "TABLESAMPLE"), Map.entry("prefix", "string literal prefixes (N'', E'', R'', X'')"),
      Map.entry("natural", "NATURAL JOIN (use JOIN ... ON)"), Map.entry("apply", "APPLY joins"),
      Map.entry("timeTravelStrAfterAlias", "time travel after the alias (write VERSION AS OF before the alias)"),
      Map.entry("namedParameters", "keyword function arguments (position(a IN b), substring(a FROM b); use locate/substring(a, b, c))"),
      Map.entry("keywordArguments", "keyword function arguments"), Map.entry("orderByElements", "ORDER BY inside a function"),
      Map.entry("nullHandling", "IGNORE/RESPECT NULLS here"), Map.entry("distinct", "DISTINCT here"),
      Map.entry("limitBy", "LIMIT BY"), Map.entry("recursive", "recursive CTEs"),
      Map.entry("aliasColumns", "column aliases here"), Map.entry("exceptColumns", "SELECT * EXCEPT"),
      Map.entry("replaceExpressions", "SELECT * REPLACE"), Map.entry("forUpdateTables", "FOR UPDATE"),
      Map.entry("forMode", "FOR UPDATE/SHARE"), Map.entry("isolation", "isolation clauses"),
      Map.entry("mySqlSelectIntoClause", "SELECT ... INTO"), Map.entry("intoTempTable", "SELECT ... INTO"));

  /**
   * Refuses with {@link RefusalCode#TOO_COMPLEX} unless every field of {@code node} outside {@code handled}
   * holds its empty value.
   */
  static void check(Object node, Set<String> handled) {
    for (Field f : FIELDS.get(node.getClass())) {
      if (handled.contains(f.getName())) {
        continue;
      }
      Object v;
      try {
        v = f.get(node);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + f, e);
      }
      if (!isEmpty(f.getName(), v)) {
        String what = NAMES.getOrDefault(f.getName(), null);
        throw SqlRefusedException.refuse(RefusalCode.TOO_COMPLEX,
            "The SQL uses %s, which the guard does not support.",
            what != null ? what : "a construct it cannot check (" + node.getClass().getSimpleName() + "." + f.getName() + ")");
      }
    }
  }

  /** Whether a list clause of a node is absent or empty. */
  static boolean isEmpty(java.util.Collection<?> c) {
    return c == null || c.isEmpty();
  }

  private static boolean isEmpty(String name, Object v) {
    if (v == null) {
      return true;
    }
    if (v instanceof Boolean b) {
      return !b;
    }
    if (v instanceof Number n) {
      return n.longValue() == 0;
    }
    if (v instanceof Character c) {
      return c == 0;
    }
    if (v instanceof CharSequence s) {
      return s.length() == 0;
    }
    if (v instanceof Collection<?> c) {
      return c.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return m.isEmpty();
    }
    if (v instanceof Enum<?> e) {
      return e.name().equals("NONE") || e.name().equals("DEFAULT");
    }
    // Objects JSqlParser always creates, empty unless filled.
    if (v instanceof net.sf.jsqlparser.expression.OrderByClause o) {
      return o.getOrderByElements() == null || o.getOrderByElements().isEmpty();
    }
    return false;
  }
}
