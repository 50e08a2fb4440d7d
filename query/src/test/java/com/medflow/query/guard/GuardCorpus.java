package com.medflow.query.guard;

import com.medflow.model.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a test corpus: entries start with a header line {@code @@ field | field | ...}; the SQL is
 * every line up to the next header. Lines that are {@code #} or start with {@code "# "} are comments.
 * {@code {U+XXXX}} stands for that character, so that invisible characters stay visible in the file.
 */
final class GuardCorpus {
  private GuardCorpus() {}

  record Entry(int line, List<String> fields, String sql) {
    String field(int i) {
      return fields.get(i);
    }

    @Override
    public String toString() {
      return "line " + line + ": " + String.join(" | ", fields);
    }
  }

  private static final Pattern CODE_POINT = Pattern.compile("\\{U\\+([0-9A-Fa-f]{4,6})}");

  static List<Entry> load(String resource) {
    String text;
    try (InputStream in = GuardCorpus.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource " + resource);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Entry> out = new ArrayList<>();
    List<String> header = null;
    int headerLine = 0;
    StringBuilder sql = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("@@ ")) {
        if (header != null) {
          out.add(new Entry(headerLine, header, decode(sql)));
        }
        header = new ArrayList<>();
        for (String f : line.substring(3).split("\\|")) {
          header.add(decode(new StringBuilder(f)));
        }
        headerLine = i + 1;
        sql.setLength(0);
      } else if (line.equals("#") || line.startsWith("# ")) {
        continue;
      } else if (header != null) {
        sql.append(line).append('\n');
      }
    }
    if (header != null) {
      out.add(new Entry(headerLine, header, decode(sql)));
    }
    return out;
  }

  private static String decode(StringBuilder raw) {
    String s = raw.toString().strip();
    Matcher m = CODE_POINT.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(new String(Character.toChars(Integer.parseInt(m.group(1), 16)))));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  static Role role(String field) {
    Optional<Role> r = Role.parse(field);
    return r.orElseThrow(() -> new IllegalArgumentException("Unknown role " + field));
  }
}
