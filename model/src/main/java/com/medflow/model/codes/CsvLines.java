package com.medflow.model.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/** Reads the small RFC 4180 CSV reference files shipped on the classpath (quoted fields, no embedded newlines). */
final class CsvLines {
  private CsvLines() {}

  static void read(String resource, Consumer<List<String>> row) {
    InputStream in = CsvLines.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Reference data missing from the classpath: " + resource);
    }
    try (InputStream raw = resource.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
         BufferedReader r = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), 1 << 16)) {
      r.readLine(); // header
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isEmpty()) {
          row.accept(split(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read reference data " + resource, e);
    }
  }

  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cur.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
