package com.medflow.query.guard;

import java.util.Locale;

/** An output column of a SELECT list, for aliases and ordinals in ORDER BY / GROUP BY / HAVING. */
record Output(String name, boolean piiBare, String source) {
  String key() {
    return name == null ? null : name.toLowerCase(Locale.ROOT);
  }

  String describe() {
    return source == null || source.equalsIgnoreCase(name) ? String.valueOf(name) : name + " (an alias of " + source + ")";
  }
}
