package com.medflow.assistant.llm;

import com.medflow.assistant.retrieval.Retriever;
import java.util.List;

/**
 * Writes SQL for a question from retrieved context (an LLM). {@code errors} holds what went wrong
 * with earlier attempts (guard refusals, engine errors) so it can correct itself.
 */
public interface SqlWriter {
  /** A draft: the SQL and the writer's one-paragraph explanation. */
  record Draft(String sql, String explanation) {}

  String name();

  Draft write(String question, List<Retriever.Hit> context, String conversationSql, List<String> errors);
}
