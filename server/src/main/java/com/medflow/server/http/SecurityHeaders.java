package com.medflow.server.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Headers sent with every response (API, web app, Jetty's own errors): no MIME sniffing, no framing, a
 * Content-Security-Policy for the bundled React app (everything from this origin only; inline styles are allowed
 * because the SQL editor and the charts set them, inline scripts are not), no referrer to other sites.
 */
public final class SecurityHeaders {
  public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
      + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';"
      + " form-action 'self'; frame-ancestors 'none'";
  public static final Map<String, String> ALL;

  static {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("X-Content-Type-Options", "nosniff");
    m.put("X-Frame-Options", "DENY");
    m.put("Content-Security-Policy", CSP);
    m.put("Referrer-Policy", "no-referrer");
    ALL = java.util.Collections.unmodifiableMap(m);
  }

  private SecurityHeaders() {}

  /** Sets every header with {@code set}; {@code secure} adds Strict-Transport-Security (HTTPS only). */
  public static void apply(BiConsumer<String, String> set, boolean secure) {
    ALL.forEach(set);
    if (secure) {
      set.accept("Strict-Transport-Security", "max-age=31536000");
    }
  }
}
