package com.medflow.query.guard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Names visible to the expressions of one SELECT. */
final class Scope {
  final Scope outer;
  final List<Relation> relations = new ArrayList<>();
  final Set<String> usingColumns = new HashSet<>();
  final List<Output> outputs = new ArrayList<>();

  Scope(Scope outer) {
    this.outer = outer;
  }
}
