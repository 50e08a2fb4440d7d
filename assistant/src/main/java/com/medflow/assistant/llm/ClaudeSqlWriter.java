package com.medflow.assistant.llm;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.medflow.assistant.retrieval.Retriever;
import com.medflow.assistant.semantic.SemanticModel;
import com.medflow.config.MedflowConfig;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Claude writes the SQL from retrieved definitions, schema and examples. It never sees claim rows
 * or personal data: only the question, the semantic model's documents and earlier errors.
 */
public final class ClaudeSqlWriter implements SqlWriter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FENCED = Pattern.compile("```(?:sql)?\\s*(.+?)```", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern OBJECT = Pattern.compile("\\{.*\\}", Pattern.DOTALL);

  private final ChatModel chat;
  private final String system;
  private final String model;

  public ClaudeSqlWriter(ChatModel chat, SemanticModel semantic, String model) {
    this.chat = requireNonNull(chat, "chat is null");
    this.system = systemPrompt(requireNonNull(semantic, "semantic is null"));
    this.model = requireNonNull(model, "model is null");
  }

  /** Claude through LangChain4j with the configured key, base URL, model, timeout and retries. */
  public static ClaudeSqlWriter fromConfig(MedflowConfig.Assistant config, SemanticModel semantic) {
    ChatModel chat = AnthropicChatModel.builder()
        .apiKey(config.anthropicApiKey().orElseThrow(() -> new IllegalStateException("No Anthropic API key configured")))
        .baseUrl(config.anthropicBaseUrl().toString())
        .modelName(config.model())
        .timeout(config.llmTimeout())
        .maxRetries(config.llmRetries())
        .maxTokens(1200)
        .temperature(0.0)
        .build();
    return new ClaudeSqlWriter(chat, semantic, config.model());
  }

  @Override
  public String name() {
    return "Claude (" + model + ")";
  }

  static String systemPrompt(SemanticModel m) {
    StringBuilder sb = new StringBuilder();
    sb.append("You write exactly one read-only Spark SQL query that answers a question about healthcare claims.\n")
        .append("Use only these tables: ").append(m.factTable())
        .append(", healthcare_gold.claims_monthly_summary, healthcare_gold.claims_approval_funnel,")
        .append(" healthcare_gold.provider_performance. Never modify data.\n")
        .append("Conventions:\n")
        .append("- Time words refer to service_date, relative to the latest service date in the data (query it with a subquery when needed).\n")
        .append("- Rates are fractions in [0,1] over adjudicated claims (APPROVED or DENIED); use NULLIF for zero denominators.\n")
        .append("- Claim amount = billed_amount; payments = paid_amount. Put dimensions first, then metrics.\n")
        .append("Metrics:\n");
    m.metrics().values().forEach(x -> sb.append("- ").append(x.name()).append(": ").append(x.sql()).append('\n'));
    sb.append("Business rules:\n");
    m.rules().forEach(r -> sb.append("- ").append(r).append('\n'));
    sb.append("Answer with JSON only: {\"sql\": \"...\", \"explanation\": \"one or two sentences\"}.");
    return sb.toString();
  }

  @Override
  public Draft write(String question, List<Retriever.Hit> context, String conversationSql, List<String> errors) {
    StringBuilder user = new StringBuilder("Relevant definitions and examples:\n");
    for (Retriever.Hit h : context) {
      user.append("### ").append(h.title()).append('\n').append(h.text()).append("\n\n");
    }
    if (conversationSql != null) {
      user.append("The previous question in this conversation was answered with:\n").append(conversationSql)
          .append("\nIf the new question refines it, change that query.\n\n");
    }
    if (!errors.isEmpty()) {
      user.append("Your earlier attempts failed; fix the problem:\n");
      errors.forEach(e -> user.append("- ").append(e).append('\n'));
      user.append('\n');
    }
    user.append("Question: ").append(question);
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from(system));
    messages.add(UserMessage.from(user.toString()));
    String text;
    try {
      text = chat.chat(messages).aiMessage().text();
    } catch (RuntimeException e) {
      throw new LlmException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
    return parse(text);
  }

  static Draft parse(String text) {
    if (text == null || text.isBlank()) {
      throw new LlmException("empty answer");
    }
    Matcher o = OBJECT.matcher(text);
    if (o.find()) {
      try {
        JsonNode n = JSON.readTree(o.group());
        if (n.hasNonNull("sql") && !n.get("sql").asText().isBlank()) {
          return new Draft(n.get("sql").asText().trim(), n.path("explanation").asText(""));
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException ignored) {
        // not JSON after all: try a fenced SQL block below
      }
    }
    Matcher f = FENCED.matcher(text);
    if (f.find() && !f.group(1).isBlank()) {
      return new Draft(f.group(1).trim(), "");
    }
    throw new LlmException("the answer held no SQL");
  }
}
