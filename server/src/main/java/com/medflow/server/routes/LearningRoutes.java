package com.medflow.server.routes;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.medflow.assistant.agent.AskException;
import com.medflow.assistant.agent.Verifications;
import com.medflow.model.Role;
import com.medflow.server.http.ApiException;
import com.medflow.server.http.Json;
import com.medflow.server.http.Principal;
import com.medflow.store.conversations.ConversationStore;
import com.medflow.store.feedback.Feedback;
import com.medflow.store.feedback.FeedbackStore;
import com.medflow.store.feedback.LoggedAnswer;
import com.medflow.store.feedback.MissedQuestions;
import com.medflow.store.verified.VerifiedAnswer;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Verified answers ({@code /api/verified}), feedback on answers ({@code /api/feedback}), the admin's
 * "what we could not answer or got wrong" report ({@code /api/feedback/missed}) and reloading the
 * semantic model ({@code /api/semantic/reload}); see docs/API.md.
 */
public final class LearningRoutes implements ApiRoutes.RouteGroup {
  private static final ObjectMapper JSON = Json.mapper();

  /** Reloads the semantic model and answers with what was loaded (counts of metrics, dimensions...). */
  @FunctionalInterface
  public interface ModelReloader {
    Map<String, Object> reload();
  }

  private final Verifications verifications;
  private final FeedbackStore feedback;
  private final ConversationStore conversations;
  private final ModelReloader reloader;
  private final Clock clock;

  public LearningRoutes(Verifications verifications, FeedbackStore feedback, ConversationStore conversations,
                        ModelReloader reloader, Clock clock) {
    this.verifications = requireNonNull(verifications, "verifications is null");
    this.feedback = requireNonNull(feedback, "feedback is null");
    this.conversations = requireNonNull(conversations, "conversations is null");
    this.reloader = requireNonNull(reloader, "reloader is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  record VerifyBody(String answerId, String note) {}

  record EditBody(String question, String note) {}

  record FeedbackBody(String answerId, String rating, String comment) {}

  @Override
  public void register(Javalin app, ApiRoutes api) {
    app.get("/api/verified", ctx -> {
      api.require(ctx, Role.ANALYST, Role.ADMIN);
      ctx.json(Map.of("verified", verifications.list().stream().map(LearningRoutes::verified).toList()));
    });
    app.post("/api/verified", ctx -> {
      Principal p = api.require(ctx, Role.ANALYST, Role.ADMIN);
      VerifyBody b = ApiRoutes.body(ctx, VerifyBody.class);
      if (b == null || b.answerId() == null || b.answerId().isBlank()) {
        throw ApiException.badRequest("Send {\"answer_id\": \"...\", \"note\": \"...\"}");
      }
      VerifiedAnswer v = guarded(() -> verifications.verify(b.answerId(), p.username(), p.role(),
          Optional.ofNullable(b.note())));
      ctx.status(201).json(verified(v));
    });
    app.patch("/api/verified/{id}", ctx -> {
      api.require(ctx, Role.ANALYST, Role.ADMIN);
      EditBody b = ApiRoutes.body(ctx, EditBody.class);
      if (b == null) {
        throw ApiException.badRequest("Send {\"question\": \"...\", \"note\": \"...\"}");
      }
      ctx.json(verified(guarded(() -> verifications.edit(ctx.pathParam("id"), b.question(), Optional.ofNullable(b.note())))));
    });
    app.delete("/api/verified/{id}", ctx -> {
      api.require(ctx, Role.ANALYST, Role.ADMIN);
      guarded(() -> {
        verifications.remove(ctx.pathParam("id"));
        return null;
      });
      ctx.status(204);
    });
    app.post("/api/feedback", ctx -> {
      Principal p = api.principal(ctx);
      FeedbackBody b = ApiRoutes.body(ctx, FeedbackBody.class);
      if (b == null || b.answerId() == null || b.answerId().isBlank()) {
        throw ApiException.badRequest("Send {\"answer_id\": \"...\", \"rating\": \"up\"|\"down\", \"comment\": \"...\"}");
      }
      ConversationStore.OwnedTurn t = conversations.turnOfAnswer(b.answerId())
          .orElseThrow(() -> ApiException.notFound("No answer " + b.answerId()));
      if (!t.owner().equals(p.username())) {
        throw ApiException.forbidden("That answer was given to another user");
      }
      LoggedAnswer a = feedback.answer(b.answerId())
          .orElseThrow(() -> ApiException.notFound("No answer " + b.answerId()));
      Feedback f = new Feedback(a.answerId(), p.username(), Feedback.Rating.parse(b.rating()),
          Optional.ofNullable(b.comment()).map(String::strip).filter(c -> !c.isEmpty()), a.question(), a.status(), a.sql(),
          clock.instant());
      feedback.save(f);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("answer_id", f.answerId());
      out.put("rating", f.rating().wireName());
      out.put("comment", f.comment().orElse(null));
      out.put("at", f.at());
      ctx.status(201).json(out);
    });
    app.get("/api/feedback/missed", ctx -> {
      api.require(ctx, Role.ADMIN);
      MissedQuestions.Report r = new MissedQuestions(feedback).report(ApiRoutes.intParam(ctx, "limit", 1000, 1, 10000));
      ctx.json(Map.of("groups", r.groups().stream().map(g -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", g.kind());
        m.put("question", g.question());
        m.put("count", g.count());
        m.put("users", g.users());
        m.put("last_at", g.lastAt());
        m.put("leftover_words", g.leftoverWords());
        m.put("comments", g.comments());
        m.put("sql", g.sql().orElse(null));
        return m;
      }).toList(), "leftover_words", r.leftoverWords().stream().map(w -> Map.of("word", w.word(), "count", w.count()))
          .toList(), "answers_read", r.answersRead(), "feedback_read", r.feedbackRead()));
    });
    app.post("/api/semantic/reload", ctx -> {
      api.require(ctx, Role.ADMIN);
      ctx.json(reloader.reload());
    });
  }

  private static Map<String, Object> verified(VerifiedAnswer v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.id());
    m.put("question", v.question());
    try {
      m.put("semantic_query", JSON.readTree(v.semanticQuery()).get("query"));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Stored semantic query of " + v.id() + " is not JSON", e);
    }
    m.put("sql", v.sql());
    m.put("verified_by", v.verifiedBy());
    m.put("verified_at", v.verifiedAt());
    m.put("note", v.note().orElse(null));
    m.put("updated_at", v.updatedAt());
    return m;
  }

  private static <T> T guarded(Supplier<T> body) {
    try {
      return body.get();
    } catch (AskException e) {
      throw new ApiException(e.status(), e.code(), e.getMessage());
    }
  }
}
