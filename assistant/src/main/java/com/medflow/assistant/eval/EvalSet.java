package com.medflow.assistant.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The evaluation set file: questions with gold SQL, multi-turn conversations, and requests that must be refused. */
public record EvalSet(List<Question> questions, List<Conversation> conversations, List<Refusal> mustRefuse) {
  public record Question(String id, String intent, String question, String sql) {}

  public record Conversation(String id, List<Question> turns) {}

  public record Refusal(String id, String question, String expect) {}

  public static EvalSet load(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the evaluation set " + file + ": " + e.getMessage(), e);
    }
    List<Question> questions = new ArrayList<>();
    for (JsonNode q : root.path("questions")) {
      questions.add(new Question(q.path("id").asText(), q.path("intent").asText(q.path("id").asText()),
          q.path("question").asText(), q.path("sql").asText()));
    }
    List<Conversation> conversations = new ArrayList<>();
    for (JsonNode c : root.path("conversations")) {
      List<Question> turns = new ArrayList<>();
      int i = 1;
      for (JsonNode t : c.path("turns")) {
        turns.add(new Question(c.path("id").asText() + "#" + i++, c.path("id").asText(), t.path("question").asText(),
            t.path("sql").asText()));
      }
      conversations.add(new Conversation(c.path("id").asText(), turns));
    }
    List<Refusal> refusals = new ArrayList<>();
    for (JsonNode r : root.path("must_refuse")) {
      refusals.add(new Refusal(r.path("id").asText(), r.path("question").asText(), r.path("expect").asText("refused")));
    }
    if (questions.isEmpty() && conversations.isEmpty() && refusals.isEmpty()) {
      throw new IllegalArgumentException("The evaluation set " + file + " has no questions");
    }
    return new EvalSet(questions, conversations, refusals);
  }
}
