package com.medflow.assistant.retrieval;

import java.util.List;

/** Finds the knowledge-base documents (definitions, schema, glossary, rules, examples) nearest a question. */
public interface Retriever {
  /** A document and its fused relevance score. */
  record Hit(String id, String kind, String title, String text, double score) {}

  List<Hit> search(String question, int k);
}
