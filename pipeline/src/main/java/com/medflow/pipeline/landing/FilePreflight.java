package com.medflow.pipeline.landing;

import com.medflow.model.mapping.PayerMapping;
import com.medflow.pipeline.bronze.LineSplitter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads a landing file once, before anything is written: hashes it, rejects binary content and
 * headers that do not fit the payer mapping (wrong delimiter, missing columns), and counts its
 * lines exactly as Spark's text reader splits them ({@code \n}, {@code \r\n} or a lone {@code \r}).
 */
public final class FilePreflight {
  private static final int SNIFF = 64 * 1024;

  private FilePreflight() {}

  public static PreflightResult check(FileSystem fs, LandingFile file, PayerMapping mapping) {
    try {
      return check(fs.open(new Path(java.net.URI.create(file.uri())), 1 << 16), file, mapping);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.displayName() + ": " + e.getMessage(), e);
    }
  }

  /** Reads {@code input} (the file's bytes) to its end and closes it. */
  public static PreflightResult check(InputStream input, LandingFile file, PayerMapping mapping) {
    if (mapping.options().fileFormat() == com.medflow.model.mapping.FileFormat.X12_837P) {
      return X12Preflight.check(input, file);
    }
    MessageDigest sha = sha256();
    long physical = 0;
    long blank = 0;
    long data = 0;
    long headerIndex = -1;
    List<String> header = null;
    ByteArrayOutputStream line = new ByteArrayOutputStream(512);
    boolean lineHasContent = false;
    long sniffed = 0;
    Utf8Lines utf8 = new Utf8Lines();
    try (InputStream in = input) {
      byte[] buf = new byte[1 << 16];
      int n;
      boolean pendingCr = false;
      while ((n = in.read(buf)) > 0) {
        sha.update(buf, 0, n);
        for (int i = 0; i < n; i++) {
          byte b = buf[i];
          if (sniffed < SNIFF) {
            sniffed++;
            if (b == 0) {
              throw new UnreadableFileException(file.displayName(), "binary content (NUL bytes); not a text file");
            }
          }
          if (pendingCr) {
            pendingCr = false;
            if (b == '\n') {
              continue; // \r\n ends one line
            }
          }
          if (b == '\n' || b == '\r') {
            pendingCr = b == '\r';
            // end of a physical line
            if (header == null) {
              if (lineHasContent) {
                header = parseHeader(file, mapping, line.toByteArray(), physical);
                headerIndex = physical;
              } else {
                blank++;
              }
            } else if (lineHasContent) {
              data++;
            } else {
              blank++;
            }
            utf8.endLine(physical + 1, header != null && headerIndex != physical && lineHasContent);
            physical++;
            line.reset();
            lineHasContent = false;
            continue;
          }
          if (header == null) {
            line.write(b);
          } else {
            utf8.accept(b);
          }
          if (!lineHasContent && !isBlankByte(b)) {
            lineHasContent = true;
          }
        }
      }
      if (lineHasContent || line.size() > 0) { // last line without a line end
        if (header == null) {
          if (lineHasContent) {
            header = parseHeader(file, mapping, line.toByteArray(), physical);
            headerIndex = physical;
          }
        } else if (lineHasContent) {
          data++;
          utf8.endLine(physical + 1, true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.displayName() + ": " + e.getMessage(), e);
    }
    if (header == null) {
      throw new UnreadableFileException(file.displayName(), "empty file: no header row");
    }
    return new PreflightResult(file, HexFormat.of().formatHex(sha.digest()), header, headerIndex, data, blank,
        utf8.badLines(), utf8.firstBadLines());
  }

  /** Like {@link String#trim()}: control characters, spaces and the UTF-8 BOM bytes do not make a line non-blank. */
  private static boolean isBlankByte(byte b) {
    return (b & 0xFF) <= 0x20 || b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF;
  }

  static List<String> parseHeader(LandingFile file, PayerMapping mapping, byte[] bytes, long index) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new UnreadableFileException(file.displayName(), "header is not UTF-8 text");
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    List<String> fields = new LineSplitter(mapping.delimiter(), mapping.quoteChar()).split(text);
    if (fields == null) {
      throw new UnreadableFileException(file.displayName(), "header row (line " + (index + 1) + ") has broken quoting");
    }
    List<String> trimmed = fields.stream().map(String::trim).toList();
    List<String> missing = mapping.header().stream().filter(c -> !trimmed.contains(c)).toList();
    if (!missing.isEmpty()) {
      String hint = trimmed.size() == 1 ? " (the header has one field: is the delimiter '" + mapping.delimiter() + "'?)" : "";
      throw new UnreadableFileException(file.displayName(), "header (line " + (index + 1) + ") does not match the "
          + mapping.payer() + " format; missing columns " + missing + hint);
    }
    return trimmed;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
