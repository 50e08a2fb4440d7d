package com.medflow.server.routes;

import static java.util.Objects.requireNonNull;

import com.medflow.model.Role;
import com.medflow.query.run.RunningQueries;
import com.medflow.query.run.RunningQuery;
import com.medflow.server.http.ApiException;
import com.medflow.server.http.Principal;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/queries}: the queries running now (admins see everyone's, others their own);
 * {@code DELETE /api/queries/{id}}: cancel one (admins any, others their own). See docs/API.md.
 */
final class QueryRoutes {
  private final RunningQueries running;

  QueryRoutes(RunningQueries running) {
    this.running = requireNonNull(running, "running is null");
  }

  void register(Javalin app, ApiRoutes api) {
    app.get("/api/queries", ctx -> {
      Principal p = api.principal(ctx);
      List<Map<String, Object>> out = running.list().stream()
          .filter(q -> p.role() == Role.ADMIN || q.caller().user().equals(p.username()))
          .map(QueryRoutes::json).toList();
      ctx.json(Map.of("queries", out));
    });
    app.delete("/api/queries/{id}", ctx -> cancel(ctx, api));
  }

  private void cancel(Context ctx, ApiRoutes api) {
    Principal p = api.principal(ctx);
    String id = ctx.pathParam("id");
    RunningQuery q = running.get(id).orElseThrow(() -> ApiException.notFound("No running query " + id
        + " (it may have finished already)"));
    if (p.role() != Role.ADMIN && !q.caller().user().equals(p.username())) {
      throw ApiException.forbidden("Only an admin or the user who started it may cancel query " + id);
    }
    String by = q.caller().user().equals(p.username()) ? "by its user" : "by admin " + p.username();
    running.cancel(id, "cancelled " + by);
    api.auditor().record(p, "cancel", null, q.sql(), "ok", null, q.elapsed().toMillis(),
        "cancelled query " + id + " of " + q.caller().user());
    ctx.status(202).json(json(q));
  }

  static Map<String, Object> json(RunningQuery q) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("query_id", q.id());
    m.put("username", q.caller().user());
    m.put("role", q.caller().role().wireName());
    m.put("source", q.caller().source());
    m.put("sql", q.sql());
    m.put("started_at", q.startedAt());
    m.put("elapsed_ms", q.elapsed().toMillis());
    m.put("state", q.state().name().toLowerCase(Locale.ROOT));
    m.put("pool", q.pool());
    return m;
  }
}
