package com.medflow.query.guard;

import java.util.List;
import java.util.Optional;

/** CTEs visible at a point of the query. */
record Ctes(Ctes parent, String name, List<Col> cols) {
  static final Ctes NONE = new Ctes(null, null, List.of());

  Optional<List<Col>> lookup(String lower) {
    for (Ctes c = this; c != null; c = c.parent) {
      if (lower.equals(c.name)) {
        return Optional.of(c.cols);
      }
    }
    return Optional.empty();
  }
}
