package com.medflow.pipeline.landing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lines of a byte stream exactly as Spark's text reader (Hadoop's {@code LineReader}) returns
 * them: split at {@code \n}, {@code \r\n} or a lone {@code \r}; no empty line after a final line
 * end; a UTF-8 byte-order mark at the very start dropped; bytes decoded as UTF-8 with malformed
 * sequences replaced. Reads lazily, so an object of any
 * size streams through in constant memory. Closes the stream at the end.
 */
public final class PhysicalLines implements Iterator<String>, AutoCloseable {
  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
  private int pos;
  private int len;
  private boolean eof;
  private String next;
  private boolean first = true;

  public PhysicalLines(InputStream in) {
    this.in = in;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !eof) {
      next = read();
    }
    return next != null;
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String l = next;
    next = null;
    return l;
  }

  private String read() {
    if (first) {
      first = false;
      skipByteOrderMark();
    }
    line.reset();
    boolean any = false;
    while (true) {
      if (pos == len && !fill()) {
        close();
        return any ? line.toString(StandardCharsets.UTF_8) : null;
      }
      byte b = buf[pos++];
      any = true;
      if (b == '\n') {
        return line.toString(StandardCharsets.UTF_8);
      }
      if (b == '\r') {
        if (pos == len && !fill()) {
          close();
        } else if (buf[pos] == '\n') {
          pos++;
        }
        return line.toString(StandardCharsets.UTF_8);
      }
      line.write(b);
    }
  }

  /** Hadoop's line reader drops a UTF-8 BOM (EF BB BF) that starts the file; so does this reader. */
  private void skipByteOrderMark() {
    while (len - pos < 3 && !eof) {
      int n;
      try {
        if (pos > 0) {
          System.arraycopy(buf, pos, buf, 0, len - pos);
          len -= pos;
          pos = 0;
        }
        n = in.read(buf, len, buf.length - len);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read landing object: " + e.getMessage(), e);
      }
      if (n <= 0) {
        eof = true;
      } else {
        len += n;
      }
    }
    if (len - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
      pos += 3;
    }
  }

  private boolean fill() {
    if (eof) {
      return false;
    }
    try {
      int n = in.read(buf);
      if (n <= 0) {
        eof = true;
        return false;
      }
      pos = 0;
      len = n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read landing object: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    eof = true;
    pos = len = 0;
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
