package com.medflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.medflow.config.MedflowConfig;
import com.medflow.query.cache.MemoryResultCache;
import com.medflow.server.http.SecurityHeaders;
import com.medflow.server.testing.ServerHarness;
import com.medflow.server.testing.ServerHarness.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP-level hardening against a real server, partly over raw sockets (to send what well-behaved clients
 * do not): bad JSON bodies are 400 JSON, request bodies are limited with and without Content-Length (64 KB here),
 * Jetty's own errors are JSON, and every response carries the security headers.
 */
class HttpHardeningApiTest {
  static final long LIMIT = 64 * 1024;
  @TempDir
  static Path home;
  static ServerHarness h;
  static String admin;
  static String analyst;

  @BeforeAll
  static void start() {
    h = new ServerHarness(home, Map.of(), new MemoryResultCache(1000, Duration.ofHours(1)),
        new MedflowConfig.Server("127.0.0.1", 0, Optional.empty(), Optional.empty(), Duration.ofHours(1), 1000,
            1000, 1000, Duration.ofMinutes(15), LIMIT));
    admin = h.login("admin");
    analyst = h.login("analyst");
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void nullEmptyAndMalformedJsonBodiesAre400JsonOnEveryBodyEndpoint() {
    Map<String, String> endpoints = new LinkedHashMap<>();
    endpoints.put("POST /api/auth/login", null);
    endpoints.put("POST /api/sql", analyst);
    endpoints.put("POST /api/ask", analyst);
    endpoints.put("POST /api/pipeline/backfill", admin);
    endpoints.put("POST /api/verified", analyst);
    endpoints.put("PATCH /api/verified/v-1", analyst);
    endpoints.put("POST /api/feedback", analyst);
    for (var e : endpoints.entrySet()) {
      String[] mp = e.getKey().split(" ");
      for (String body : List.of("null", "", "   ", "{", "[1,2]", "\"text\"", "42", "{\"username\": {\"a\": [")) {
        Reply r = h.call(mp[0], mp[1], e.getValue(), body);
        assertThat(r.status()).as("%s with body <%s>: %s", e.getKey(), body, r.raw().body()).isEqualTo(400);
        assertThat(r.error()).as("%s with body <%s>", e.getKey(), body).isIn("BAD_JSON", "BAD_REQUEST");
      }
    }
  }

  @Test
  void aChunkedBodyOverTheLimitIs413JsonEvenBeforeLogin() throws Exception {
    byte[] chunk = ("{\"username\":\"" + "a".repeat(8000) + "\"}").getBytes(StandardCharsets.US_ASCII);
    Raw r = chunked("/api/auth/login", chunk, (int) (2 * LIMIT / chunk.length) + 1);
    assertThat(r.status).as(r.text).isEqualTo(413);
    assertThat(r.json().path("error").path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    assertSecurityHeaders(r.headers, "chunked 413");

    Raw small = chunked("/api/auth/login", "{\"username\":\"admin\",\"password\":\"admin\"}"
        .getBytes(StandardCharsets.US_ASCII), 1);
    assertThat(small.status).as("a small chunked body still works: " + small.text).isEqualTo(200);
    assertThat(small.json().path("token").asText()).contains(".");
  }

  @Test
  void aDeclaredContentLengthOverTheLimitIs413JsonWithoutReadingTheBody() throws Exception {
    Raw r = raw("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
        + (LIMIT * 100) + "\r\n\r\n{");
    assertThat(r.status).as(r.text).isEqualTo(413);
    assertThat(r.json().path("error").path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    assertSecurityHeaders(r.headers, "content-length 413");
    Reply sql = h.sql(analyst, "SELECT '" + "x".repeat((int) LIMIT) + "' AS big");
    assertThat(sql.status()).isEqualTo(413);
    assertThat(sql.error()).isEqualTo("PAYLOAD_TOO_LARGE");
  }

  @Test
  void jettysOwnErrorsAreJsonWithTheSecurityHeaders() throws Exception {
    Map<String, Integer> requests = new LinkedHashMap<>();
    requests.put("GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n", 431);
    requests.put("GET /api/" + "u".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414);
    requests.put("GET /api/health HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n", 400);
    requests.put("GET /api/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", 400);
    requests.put("GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", 400);
    for (var e : requests.entrySet()) {
      Raw r = raw(e.getKey());
      String what = e.getKey().substring(0, Math.min(60, e.getKey().length()));
      assertThat(r.status).as("%s: %s", what, r.text).isEqualTo(e.getValue());
      assertThat(r.headers.get("content-type")).as(what).startsWith("application/json");
      assertThat(r.json().path("error").path("code").asText()).as(what).isNotBlank();
      assertThat(r.text).as(what).doesNotContainIgnoringCase("<html").doesNotContain("<h1>");
      assertSecurityHeaders(r.headers, what);
    }
    for (String path : List.of("/api/no-such-endpoint", "/no-such-page.html")) {
      Reply r = h.call("GET", path, admin, null);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.error()).as(path).isEqualTo("NOT_FOUND");
    }
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    List<Reply> replies = List.of(h.call("GET", "/api/health", null, null), h.call("GET", "/api/tables", null, null),
        h.call("GET", "/api/tables", analyst, null), h.call("GET", "/api/audit", analyst, null),
        h.call("GET", "/api/nope", analyst, null), h.call("POST", "/api/auth/login", null, "null"),
        h.call("GET", "/", null, null), h.sql(analyst, "SELECT nope FROM healthcare.claims_clean"));
    for (Reply r : replies) {
      Map<String, String> headers = new LinkedHashMap<>();
      r.raw().headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
      assertSecurityHeaders(headers, r.raw().request().uri() + " " + r.status());
    }
    assertThat(replies).extracting(Reply::status).contains(200, 401, 403, 404, 400, 422);
    assertThat(SecurityHeaders.CSP).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("script-src 'self' 'unsafe-inline'").doesNotContain("*");
  }

  private static void assertSecurityHeaders(Map<String, String> headers, String what) {
    assertThat(headers.get("x-content-type-options")).as(what).isEqualTo("nosniff");
    assertThat(headers.get("x-frame-options")).as(what).isEqualTo("DENY");
    assertThat(headers.get("content-security-policy")).as(what).isEqualTo(SecurityHeaders.CSP);
    assertThat(headers.get("referrer-policy")).as(what).isEqualTo("no-referrer");
  }

  /** A response read from a raw socket. */
  record Raw(int status, Map<String, String> headers, String text) {
    JsonNode json() throws IOException {
      return ServerHarness.JSON.readTree(text);
    }
  }

  private static Raw chunked(String path, byte[] chunk, int chunks) throws IOException {
    URI u = URI.create(h.base);
    try (Socket s = new Socket(u.getHost(), u.getPort())) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      try {
        for (int i = 0; i < chunks; i++) {
          out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException closedEarly) {
        // the server may answer and close before the whole body is sent; the answer is read below
      }
      return read(s.getInputStream());
    }
  }

  private static Raw raw(String request) throws IOException {
    URI u = URI.create(h.base);
    try (Socket s = new Socket(u.getHost(), u.getPort())) {
      s.setSoTimeout(20_000);
      String req = request.contains("Connection:") ? request
          : request.replaceFirst("\r\n", "\r\nConnection: close\r\n");
      s.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      return read(s.getInputStream());
    }
  }

  private static Raw read(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] b = new byte[8192];
    try {
      for (int n; (n = in.read(b)) >= 0; ) {
        buf.write(b, 0, n);
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // keep what arrived
    }
    String all = buf.toString(StandardCharsets.UTF_8);
    int end = all.indexOf("\r\n\r\n");
    assertThat(end).as("a complete response head: " + all).isPositive();
    String[] lines = all.substring(0, end).split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int c = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim());
    }
    String body = all.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      StringBuilder sb = new StringBuilder();
      int pos = 0;
      while (true) {
        int nl = body.indexOf("\r\n", pos);
        int size = Integer.parseInt(body.substring(pos, nl).trim(), 16);
        if (size == 0) {
          break;
        }
        sb.append(body, nl + 2, nl + 2 + size);
        pos = nl + 2 + size + 2;
      }
      body = sb.toString();
    }
    return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
  }
}
