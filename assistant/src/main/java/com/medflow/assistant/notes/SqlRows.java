package com.medflow.assistant.notes;

import java.util.List;

/** Runs a read-only query the product built (never user text) and returns its rows. */
@FunctionalInterface
public interface SqlRows {
  List<List<Object>> rows(String sql);
}
