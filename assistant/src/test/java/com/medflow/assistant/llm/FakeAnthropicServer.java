package com.medflow.assistant.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for the Anthropic Messages API on a local port (there is no network here). Replies
 * are queued: a text to send back in the Messages format, {@link #STALL} to hang past the client's
 * timeout, or {@link #BROKEN} for a non-JSON body. Every request body is kept for assertions.
 */
final class FakeAnthropicServer implements AutoCloseable {
  static final String STALL = "\u0000stall";
  static final String BROKEN = "\u0000broken";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ConcurrentLinkedDeque<String> replies = new ConcurrentLinkedDeque<>();
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch release = new CountDownLatch(1);

  FakeAnthropicServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/v1/messages", exchange -> {
      requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String reply = replies.isEmpty() ? BROKEN : replies.pollFirst();
      if (reply.equals(STALL)) {
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        exchange.close();
        return;
      }
      byte[] body = reply.equals(BROKEN) ? "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8)
          : JSON.writeValueAsBytes(Map.of("id", "msg_test", "type", "message", "role", "assistant",
              "model", "claude-test", "content", List.of(Map.of("type", "text", "text", reply)),
              "stop_reason", "end_turn", "usage", Map.of("input_tokens", 10, "output_tokens", 20)));
      exchange.getResponseHeaders().add("Content-Type", reply.equals(BROKEN) ? "text/html" : "application/json");
      exchange.sendResponseHeaders(reply.equals(BROKEN) ? 502 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  void reply(String... texts) {
    replies.addAll(List.of(texts));
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
