package com.medflow.server.testing;

import static java.util.Objects.requireNonNull;

import com.medflow.assistant.llm.LlmException;
import com.medflow.assistant.llm.SqlWriter;
import com.medflow.assistant.retrieval.Retriever;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the LLM of /api/ask: writes the SQL scripted for a question word for word, as an LLM that obeys
 * every instruction in the question would; for any other question it fails, so the offline engine answers.
 */
public final class ScriptedSqlWriter implements SqlWriter {
  private final Map<String, String> script = new ConcurrentHashMap<>();

  /** The SQL written for {@code question} from now on. */
  public ScriptedSqlWriter on(String question, String sql) {
    script.put(requireNonNull(question, "question is null"), requireNonNull(sql, "sql is null"));
    return this;
  }

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public Draft write(String question, List<Retriever.Hit> context, String conversationSql, List<String> errors) {
    String sql = script.get(question);
    if (sql == null) {
      throw new LlmException("no scripted SQL for this question");
    }
    return new Draft(sql, "Scripted SQL for: " + question);
  }
}
