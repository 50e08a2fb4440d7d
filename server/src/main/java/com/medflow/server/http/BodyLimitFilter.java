package com.medflow.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * First on every request: the security headers, and the request body limit. A declared Content-Length above
 * the limit is answered 413 at once (the body is not read); a body without one (chunked) is counted while it is
 * read and reading past the limit throws a 413 {@link ApiException}, so no handler holds more than the limit.
 */
public final class BodyLimitFilter implements Filter {
  private final long maxBytes;

  public BodyLimitFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletResponse res = (HttpServletResponse) response;
    SecurityHeaders.apply(res::setHeader, request.isSecure());
    HttpServletRequest req = (HttpServletRequest) request;
    if (req.getContentLengthLong() > maxBytes) {
      res.setStatus(413);
      res.setHeader("Connection", "close");
      res.setContentType("application/json");
      res.getOutputStream().write(JsonErrorHandler.body("PAYLOAD_TOO_LARGE", tooLarge()).getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(new Limited(req, maxBytes), response);
  }

  private String tooLarge() {
    return "The request body is larger than " + maxBytes + " bytes";
  }

  private final class Limited extends HttpServletRequestWrapper {
    private final long max;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), max);
      }
      return stream;
    }
  }

  private final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long max;
    private long count;

    CountingStream(ServletInputStream in, long max) {
      this.in = in;
      this.max = max;
    }

    private void add(long n) {
      if (n > 0) {
        count += n;
        if (count > max) {
          throw new ApiException(413, "PAYLOAD_TOO_LARGE", tooLarge());
        }
      }
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      add(n);
      return n;
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
