package com.medflow.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;

/**
 * Tells whether the client of a request that is still being handled has closed its connection. Jetty reads
 * nothing from a connection while its request is handled, so a closed socket goes unnoticed until the
 * response is written; the probe does a non-blocking read on the connection: -1 means the client has gone.
 * Only the thread handling the request may call it. A client that already sent more bytes (a pipelined
 * request, which browsers do not send) has them consumed; the probe then stops and the response closes the
 * connection ({@code Connection: close}) so that request is never misread.
 */
public final class ClientProbe implements BooleanSupplier {
  private final Context ctx;
  private final EndPoint endPoint;
  private final ByteBuffer buffer = ByteBuffer.allocate(1);
  private boolean gone;
  private boolean disabled;

  private ClientProbe(Context ctx, EndPoint endPoint) {
    this.ctx = ctx;
    this.endPoint = endPoint;
  }

  /** A probe for the connection of {@code ctx} (one that never reports a disconnect when it cannot tell). */
  public static BooleanSupplier of(Context ctx) {
    Request base = Request.getBaseRequest(ctx.req());
    if (base == null || base.getHttpChannel() == null || base.getHttpChannel().getEndPoint() == null) {
      return () -> false;
    }
    return new ClientProbe(ctx, base.getHttpChannel().getEndPoint());
  }

  @Override
  public boolean getAsBoolean() {
    if (gone) {
      return true;
    }
    if (disabled) {
      return false;
    }
    if (!endPoint.isOpen() || endPoint.isInputShutdown()) {
      gone = true;
      return true;
    }
    try {
      buffer.clear();
      buffer.flip(); // Jetty fills from the limit on: an empty buffer with room for one byte
      int n = endPoint.fill(buffer);
      if (n < 0) {
        gone = true;
      } else if (n > 0) {
        disabled = true;
        ctx.header("Connection", "close");
      }
    } catch (IOException e) {
      gone = true;
    }
    return gone;
  }
}
