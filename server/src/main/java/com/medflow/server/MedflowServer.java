package com.medflow.server;

import static java.util.Objects.requireNonNull;

import com.medflow.config.MedflowConfig;
import com.medflow.query.engine.QueryCancelledException;
import com.medflow.query.engine.QueryFailedException;
import com.medflow.query.engine.QueryTimeoutException;
import com.medflow.query.engine.QueryTooExpensiveException;
import com.medflow.query.guard.SqlRefusedException;
import com.medflow.query.run.TooManyQueriesException;
import com.medflow.server.http.ApiException;
import com.medflow.server.http.BodyLimitFilter;
import com.medflow.server.http.JsonErrorHandler;
import com.medflow.server.http.QueryErrors;
import com.medflow.server.http.Json;
import com.medflow.server.routes.ApiRoutes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the JSON API of API.md under {@code /api}, and the web app at {@code /}.
 * Errors are always {@code {"error": {"code", "message"}}}; stack traces stay in the server log.
 */
public final class MedflowServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MedflowServer.class);
  private final Javalin app;
  private final MedflowConfig.Server config;
  private final ApiRoutes routes;

  public MedflowServer(MedflowConfig.Server config, ApiRoutes routes) {
    this.config = requireNonNull(config, "config is null");
    this.routes = requireNonNull(routes, "routes is null");
    boolean web = MedflowServer.class.getResource("/web/index.html") != null;
    this.app = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
      cfg.http.maxRequestSize = config.maxRequestBytes();
      cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
      cfg.jetty.modifyServletContextHandler(handler -> {
        handler.setErrorHandler(new JsonErrorHandler());
        handler.addFilter(new org.eclipse.jetty.servlet.FilterHolder(new BodyLimitFilter(config.maxRequestBytes())),
            "/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
      });
      cfg.useVirtualThreads = false;
      if (web) {
        cfg.staticFiles.add(sf -> {
          sf.hostedPath = "/";
          sf.directory = "/web";
          sf.location = Location.CLASSPATH;
        });
        cfg.spaRoot.addFile("/", "/web/index.html", Location.CLASSPATH);
      }
      config.tls().ifPresent(tls -> cfg.jetty.addConnector((server, http) -> {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keystore().toString());
        ssl.setKeyStorePassword(tls.password());
        ssl.setKeyStoreType("PKCS12");
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
            new HttpConnectionFactory(https));
        connector.setHost(config.host());
        connector.setPort(config.port());
        return connector;
      }));
    });
    routes.register(app);
    exception(ApiException.class, (e, ctx) -> {
      if (e.status() == 413) {
        ctx.header("Connection", "close"); // the rest of an oversized body is not read
      }
      error(ctx, e.status(), e.code(), e.getMessage());
    });
    for (Class<? extends RuntimeException> query : java.util.List.of(SqlRefusedException.class,
        QueryTimeoutException.class, QueryFailedException.class, QueryTooExpensiveException.class,
        QueryCancelledException.class, TooManyQueriesException.class)) {
      exception(query, (e, ctx) -> {
        QueryErrors q = QueryErrors.of(e).orElseThrow();
        if (q.status() == 429 || q.status() == 503) {
          ctx.header("Retry-After", "1");
        }
        error(ctx, q.status(), q.code(), e.getMessage());
      });
    }
    exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
        e.getStatus() == 404 || e.getStatus() == 405 || e.getStatus() == 413 ? JsonErrorHandler.code(e.getStatus())
            : e.getStatus() >= 500 ? "INTERNAL" : "BAD_REQUEST",
        e.getStatus() == 404 ? "No endpoint " + ctx.method() + " " + ctx.path() : e.getMessage()));
    exception(com.fasterxml.jackson.core.JacksonException.class,
        (e, ctx) -> error(ctx, 400, "BAD_JSON", "The request body is not valid JSON for this endpoint"));
    exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, "BAD_REQUEST", e.getMessage()));
    exception(Exception.class, (e, ctx) -> {
      String id = UUID.randomUUID().toString().substring(0, 8);
      LOG.error("Request {} {} failed (error id {})", ctx.method(), ctx.path(), id, e);
      error(ctx, 500, "INTERNAL", "Something went wrong on the server (error id " + id + ")");
    });
    app.error(404, ctx -> {
      String body = ctx.result();
      if (body == null || !body.startsWith("{\"error\"")) {
        error(ctx, 404, "NOT_FOUND", ctx.path().startsWith("/api") ? "No endpoint " + ctx.method() + " " + ctx.path()
            : "Not found");
      }
    });
  }

  /** Maps {@code type} to an answer, recording the exception on the request's span first. */
  private <E extends Exception> void exception(Class<E> type, io.javalin.http.ExceptionHandler<? super E> handler) {
    app.exception(type, (e, ctx) -> {
      routes.failed(ctx, e);
      handler.handle(e, ctx);
    });
  }

  private static void error(Context ctx, int status, String code, String message) {
    ctx.status(status).json(Map.of("error", Map.of("code", code, "message", message == null ? code : message)));
  }

  public Javalin app() {
    return app;
  }

  /** Starts on the configured host and port (or the TLS connector); returns the bound port. */
  public int start() {
    if (config.tls().isPresent()) {
      app.start();
    } else {
      app.start(config.host(), config.port());
    }
    return app.port();
  }

  public String url() {
    String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
    return (config.tls().isPresent() ? "https" : "http") + "://" + host + ":" + app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
