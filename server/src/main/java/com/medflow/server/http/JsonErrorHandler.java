package com.medflow.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own error responses (bad request lines and headers, 414, 431, ambiguous URIs, errors outside Javalin)
 * as the API's JSON error body with the security headers, instead of Jetty's HTML pages.
 */
public final class JsonErrorHandler extends ErrorHandler {
  private static final Map<Integer, String> CODES = Map.of(400, "BAD_REQUEST", 404, "NOT_FOUND", 405,
      "METHOD_NOT_ALLOWED", 408, "REQUEST_TIMEOUT", 413, "PAYLOAD_TOO_LARGE", 414, "URI_TOO_LONG", 431,
      "HEADERS_TOO_LARGE", 500, "INTERNAL", 501, "NOT_IMPLEMENTED", 505, "HTTP_VERSION_NOT_SUPPORTED");
  private static final Map<Integer, String> MESSAGES = Map.of(400, "The request is malformed", 404, "Not found",
      413, "The request body is too large", 414, "The request URI is too long", 431,
      "The request headers are too large", 500, "Something went wrong on the server");

  public static String code(int status) {
    return CODES.getOrDefault(status, "HTTP_" + status);
  }

  /** {@code {"error": {"code", "message"}}} as a string. */
  public static String body(String code, String message) {
    try {
      return Json.mapper().writeValueAsString(Map.of("error", Map.of("code", code, "message", message)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String message(int status, String reason) {
    String base = MESSAGES.getOrDefault(status, "HTTP error " + status);
    // Jetty's reasons are fixed phrases (e.g. "Ambiguous URI path separator"); keep them short and printable.
    if (reason == null || reason.isBlank() || reason.equals(org.eclipse.jetty.http.HttpStatus.getMessage(status))) {
      return base;
    }
    String r = reason.replaceAll("[^\\p{Print}]", "?");
    return base + ": " + (r.length() > 100 ? r.substring(0, 100) : r);
  }

  @Override
  public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    baseRequest.setHandled(true);
    int status = response.getStatus() < 400 ? 500 : response.getStatus();
    Object reason = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_MESSAGE);
    SecurityHeaders.apply(response::setHeader, request.isSecure());
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    byte[] bytes = body(code(status), message(status, reason == null ? null : reason.toString()))
        .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    SecurityHeaders.apply(fields::put, false);
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(code(status), message(status, reason)).getBytes(StandardCharsets.UTF_8));
  }
}
