package com.medflow.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.model.mapping.PayerMapping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A payer file read back the way a pipeline would: BOM, line ends, header, data lines split by the mapping. */
final class PayerFile {
  /** One non-blank data line. */
  record Line(int number, String raw, List<String> fields, Map<String, String> record) {
    String get(String column) {
      return record.get(column);
    }
  }

  final PayerMapping mapping;
  final boolean byteOrderMark;
  final String text;
  final String headerLine;
  final List<Line> lines = new ArrayList<>();
  final int blankLines;

  private PayerFile(PayerMapping mapping, String content) {
    this.mapping = mapping;
    this.byteOrderMark = content.startsWith("\uFEFF");
    this.text = byteOrderMark ? content.substring(1) : content;
    String[] physical = text.split("\n", -1);
    assertThat(physical[physical.length - 1]).as("file ends with a line end").isEmpty();
    headerLine = stripCr(physical[0]);
    int blanks = 0;
    for (int i = 1; i < physical.length - 1; i++) {
      String raw = stripCr(physical[i]);
      if (raw.isBlank()) {
        blanks++;
        continue;
      }
      List<String> fields = split(raw, mapping.delimiter(), mapping.quote());
      Map<String, String> record = new LinkedHashMap<>();
      if (fields != null && fields.size() == mapping.header().size()) {
        for (int c = 0; c < fields.size(); c++) {
          record.put(mapping.header().get(c), fields.get(c));
        }
      }
      lines.add(new Line(i + 1, raw, fields, record));
    }
    blankLines = blanks;
  }

  static PayerFile read(PayerMapping mapping, Path file) throws IOException {
    return new PayerFile(mapping, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
  }

  private static String stripCr(String s) {
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * Splits a line by RFC 4180 rules: a field starting with the quote runs to the matching quote ({@code ""} is a
   * quote) which must end the field; {@code null} when quoting is broken. No quote character: plain split.
   */
  static List<String> split(String line, char delimiter, String quote) {
    List<String> out = new ArrayList<>();
    if (quote.isEmpty()) {
      int start = 0;
      for (int i = 0; i <= line.length(); i++) {
        if (i == line.length() || line.charAt(i) == delimiter) {
          out.add(line.substring(start, i));
          start = i + 1;
        }
      }
      return out;
    }
    char q = quote.charAt(0);
    StringBuilder cur = new StringBuilder();
    int i = 0;
    while (true) {
      cur.setLength(0);
      if (i < line.length() && line.charAt(i) == q) {
        i++;
        while (true) {
          if (i >= line.length()) {
            return null; // unterminated quote
          }
          char ch = line.charAt(i);
          if (ch == q) {
            if (i + 1 < line.length() && line.charAt(i + 1) == q) {
              cur.append(q);
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            cur.append(ch);
            i++;
          }
        }
        if (i < line.length() && line.charAt(i) != delimiter) {
          return null; // text after the closing quote
        }
      } else {
        while (i < line.length() && line.charAt(i) != delimiter) {
          cur.append(line.charAt(i));
          i++;
        }
      }
      out.add(cur.toString());
      if (i >= line.length()) {
        return out;
      }
      i++; // delimiter
    }
  }
}
