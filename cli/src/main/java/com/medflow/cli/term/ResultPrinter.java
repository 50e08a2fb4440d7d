package com.medflow.cli.term;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.medflow.query.engine.QueryResult;
import com.medflow.query.engine.ResultColumn;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints a query result as an aligned table, JSON ({@code {"columns", "rows"}}) or CSV. */
public final class ResultPrinter {
  public enum Format { TABLE, JSON, CSV }

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private ResultPrinter() {}

  public static void print(QueryResult r, Format format, PrintWriter out) {
    switch (format) {
      case JSON -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("columns", r.columns().stream().map(c -> Map.of("name", c.name(), "type", c.type())).toList());
        body.put("rows", r.rows());
        try {
          out.println(JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException("Cannot write the result as JSON", e);
        }
      }
      case CSV -> {
        out.println(String.join(",", r.columns().stream().map(c -> csv(c.name())).toList()));
        for (List<Object> row : r.rows()) {
          out.println(String.join(",", row.stream().map(v -> v == null ? "" : csv(String.valueOf(v))).toList()));
        }
      }
      case TABLE -> table(r, out);
      default -> throw new IllegalArgumentException("Unknown format " + format);
    }
    out.flush();
  }

  static String csv(String s) {
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  private static void table(QueryResult r, PrintWriter out) {
    int n = r.columns().size();
    int[] width = new int[n];
    List<String[]> cells = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      width[i] = r.columns().get(i).name().length();
    }
    for (List<Object> row : r.rows()) {
      String[] c = new String[n];
      for (int i = 0; i < n; i++) {
        Object v = row.get(i);
        c[i] = v == null ? "null" : String.valueOf(v);
        width[i] = Math.min(60, Math.max(width[i], c[i].length()));
      }
      cells.add(c);
    }
    StringBuilder header = new StringBuilder();
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < n; i++) {
      header.append(i == 0 ? "" : " │ ").append(pad(r.columns().get(i).name(), width[i], false));
      rule.append(i == 0 ? "" : "─┼─").append("─".repeat(width[i]));
    }
    out.println(header);
    out.println(rule);
    for (String[] c : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < n; i++) {
        ResultColumn col = r.columns().get(i);
        boolean numeric = col.type().equals("integer") || col.type().equals("decimal") || col.type().equals("double");
        line.append(i == 0 ? "" : " │ ").append(pad(c[i], width[i], numeric));
      }
      out.println(line);
    }
    out.println("(" + r.rowCount() + " row" + (r.rowCount() == 1 ? "" : "s") + (r.truncated() ? ", truncated" : "") + ")");
  }

  private static String pad(String s, int w, boolean right) {
    if (s.length() > w) {
      return s.substring(0, w - 1) + "…";
    }
    String fill = " ".repeat(w - s.length());
    return right ? fill + s : s + fill;
  }
}
