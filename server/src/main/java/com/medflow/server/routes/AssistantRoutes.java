package com.medflow.server.routes;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.medflow.assistant.agent.Answer;
import com.medflow.assistant.agent.AskException;
import com.medflow.assistant.agent.AskRequest;
import com.medflow.assistant.agent.AskService;
import com.medflow.server.http.ApiException;
import com.medflow.server.http.Json;
import com.medflow.server.http.Principal;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /api/ask}, its Server-Sent Events stream, example questions and conversations. */
public final class AssistantRoutes implements ApiRoutes.RouteGroup {
  private static final ObjectMapper JSON = Json.mapper();
  private final AskService ask;

  public AssistantRoutes(AskService ask) {
    this.ask = requireNonNull(ask, "ask is null");
  }

  record AskBody(String question, String conversationId) {}

  @Override
  public void register(Javalin app, ApiRoutes api) {
    app.get("/api/ask/examples", ctx -> {
      api.principal(ctx);
      ctx.json(Map.of("examples", ask.examples()));
    });
    app.post("/api/ask", ctx -> {
      AskRequest req = request(ctx, api);
      Answer a = api.watchingClient(ctx, () -> answer(api, req, e -> { }));
      ctx.json(a);
    });
    app.post("/api/ask/stream", ctx -> stream(ctx, api, request(ctx, api)));
    app.get("/api/conversations/{id}", ctx -> {
      Principal p = api.principal(ctx);
      List<Object> answers = new ArrayList<>();
      for (String json : guarded(() -> ask.conversation(ctx.pathParam("id"), p.username()))) {
        answers.add(JSON.readTree(json));
      }
      ctx.json(Map.of("conversation_id", ctx.pathParam("id"), "answers", answers));
    });
  }

  private AskRequest request(Context ctx, ApiRoutes api) {
    Principal p = api.principal(ctx);
    api.limit(ctx, p, "ask");
    AskBody body = ApiRoutes.body(ctx, AskBody.class);
    if (body == null || body.question() == null || body.question().isBlank()) {
      throw ApiException.badRequest("Send {\"question\": \"...\"}");
    }
    if (body.question().length() > 2000) {
      throw ApiException.badRequest("The question is too long (2,000 characters at most)");
    }
    return new AskRequest(body.question(), Optional.ofNullable(body.conversationId()).filter(s -> !s.isBlank()),
        p.username(), p.role());
  }

  private Answer answer(ApiRoutes api, AskRequest req, com.medflow.assistant.agent.TraceListener listener) {
    Principal p = new Principal(req.username(), req.role());
    Answer a;
    try {
      a = guarded(() -> ask.ask(req, listener));
    } catch (RuntimeException e) {
      api.auditor().record(p, "ask", req.question(), null, com.medflow.server.http.QueryErrors.outcome(e), null, null,
          e.getMessage());
      throw e;
    }
    api.metrics().count("medflow_answers_total", "status", a.status(), "engine", a.engine(), "cached",
        Boolean.toString(a.cached()));
    api.metrics().observe("medflow_answer_duration_seconds", a.latencyMs() / 1000.0, "status", a.status());
    api.auditor().record(p, "ask", req.question(), a.sql(), a.status(), (long) a.rowCount(), a.latencyMs(),
        a.engine() + (a.cached() ? ", cached" : "") + (Answer.OK.equals(a.status()) ? "" : ": " + a.explanation()));
    return a;
  }

  private static <T> T guarded(java.util.function.Supplier<T> body) {
    try {
      return body.get();
    } catch (AskException e) {
      throw new ApiException(e.status(), e.code(), e.getMessage());
    }
  }

  /** Streams one {@code trace} event per agent step as it finishes, then the {@code answer} (or an {@code error}). */
  private void stream(Context ctx, ApiRoutes api, AskRequest req) throws IOException {
    ctx.res().setStatus(200);
    ctx.res().setContentType("text/event-stream");
    ctx.res().setCharacterEncoding("UTF-8");
    ctx.res().setHeader("Cache-Control", "no-cache");
    ctx.res().setHeader("X-Accel-Buffering", "no");
    OutputStream out = ctx.res().getOutputStream();
    try {
      streamAnswer(ctx, api, req, out);
    } catch (UncheckedIOException e) {
      org.slf4j.LoggerFactory.getLogger(AssistantRoutes.class).info("The client of a streamed answer went away: {}",
          e.getMessage());
    }
  }

  private void streamAnswer(Context ctx, ApiRoutes api, AskRequest req, OutputStream out) {
    try {
      Answer a = api.watchingClient(ctx, () -> answer(api, req, e -> send(out, "trace", e)));
      send(out, "answer", a);
    } catch (ApiException e) {
      send(out, "error", Map.of("error", Map.of("code", e.code(), "message", e.getMessage())));
    } catch (RuntimeException e) {
      var known = com.medflow.server.http.QueryErrors.of(e);
      if (known.isPresent()) {
        send(out, "error", Map.of("error", Map.of("code", known.get().code(), "message", e.getMessage())));
        return;
      }
      send(out, "error", Map.of("error", Map.of("code", "INTERNAL", "message",
          "Something went wrong while answering; the error was logged")));
      org.slf4j.LoggerFactory.getLogger(AssistantRoutes.class).error("Streaming answer failed", e);
    }
  }

  private static void send(OutputStream out, String event, Object data) {
    try {
      String payload = "event: " + event + "\ndata: " + JSON.writeValueAsString(data) + "\n\n";
      out.write(payload.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("The client went away while streaming", e);
    }
  }
}
