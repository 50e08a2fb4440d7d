package com.medflow.pipeline.bronze;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one physical line into fields: RFC 4180 quoting when the format has a quote character
 * (a quoted field may contain the delimiter and doubled quotes), plain splitting otherwise.
 * Returns null for broken quoting (an unterminated quoted field or text right after a closing quote).
 */
public final class LineSplitter implements Serializable {
  private static final long serialVersionUID = 1L;
  private final char delimiter;
  private final char quote;
  private final boolean quoting;

  public LineSplitter(char delimiter, java.util.Optional<Character> quote) {
    this.delimiter = delimiter;
    this.quoting = quote.isPresent();
    this.quote = quote.orElse('\0');
  }

  public List<String> split(String line) {
    List<String> fields = new ArrayList<>(24);
    int n = line.length();
    int i = 0;
    while (true) {
      if (quoting && i < n && line.charAt(i) == quote) {
        StringBuilder sb = new StringBuilder();
        i++;
        boolean closed = false;
        while (i < n) {
          char ch = line.charAt(i);
          if (ch == quote) {
            if (i + 1 < n && line.charAt(i + 1) == quote) {
              sb.append(quote);
              i += 2;
            } else {
              closed = true;
              i++;
              break;
            }
          } else {
            sb.append(ch);
            i++;
          }
        }
        if (!closed || (i < n && line.charAt(i) != delimiter)) {
          return null;
        }
        fields.add(sb.toString());
      } else {
        int end = line.indexOf(delimiter, i);
        if (end < 0) {
          end = n;
        }
        String field = line.substring(i, end);
        if (quoting && field.indexOf(quote) >= 0) {
          return null; // a stray quote inside an unquoted field: the quoting is broken
        }
        fields.add(field);
        i = end;
      }
      if (i >= n) {
        return fields;
      }
      i++; // skip the delimiter
      if (i == n) {
        fields.add("");
        return fields;
      }
    }
  }
}
