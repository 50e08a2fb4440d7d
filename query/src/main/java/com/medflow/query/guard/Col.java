package com.medflow.query.guard;

import java.util.Locale;

/** A column visible in a scope; {@code name} is null for an unnamed expression of a subquery. */
record Col(String name, boolean pii) {
  String key() {
    return name == null ? null : name.toLowerCase(Locale.ROOT);
  }
}
