package com.medflow.server;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.medflow.model.Role;
import com.medflow.query.QueryService;
import com.medflow.server.testing.ServerHarness;
import com.medflow.server.testing.ServerHarness.Reply;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The raw personal data of the fixture lake (every member id and birth date of claims_clean, read as an analyst,
 * dates also as the payers write them) and the checks of a business-role reply against it.
 */
final class PiiProbe {
  static final String MASK = "•••••";
  private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/yyyy");

  private final Set<String> memberIds;
  private final Set<String> values;

  private PiiProbe(Set<String> memberIds, Set<String> values) {
    this.memberIds = memberIds;
    this.values = values;
  }

  static PiiProbe read(QueryService queries) {
    requireNonNull(queries, "queries is null");
    var rows = queries.run("SELECT DISTINCT member_id, patient_birth_date FROM healthcare.claims_clean "
        + "WHERE member_id IS NOT NULL ORDER BY member_id", Role.ANALYST, OptionalInt.of(10_000)).result().rows();
    Set<String> ids = new LinkedHashSet<>();
    Set<String> values = new LinkedHashSet<>();
    for (List<Object> row : rows) {
      ids.add((String) row.get(0));
      values.add((String) row.get(0));
      if (row.get(1) instanceof LocalDate d) {
        values.add(d.toString());
        values.add(d.format(US));
      }
    }
    return new PiiProbe(ids, values);
  }

  List<String> memberIds() {
    return List.copyOf(memberIds);
  }

  /** A birth date of the fixture, ISO. */
  String birthDate() {
    return values.stream().filter(v -> v.matches("\\d{4}-\\d{2}-\\d{2}")).findFirst().orElseThrow();
  }

  int size() {
    return values.size();
  }

  /** The raw values in {@code body} that the caller did not send itself ({@code sent}: its question or SQL). */
  List<String> leaked(String body, String sent) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (body.contains(v) && !sent.contains(v)) {
        out.add(v);
      }
    }
    return out;
  }

  void assertNoRawValue(Reply r, String sent) {
    assertThat(leaked(r.raw().body(), sent)).as("raw personal data in %s", r.raw().body()).isEmpty();
  }

  // ---- answers -------------------------------------------------------------------------------------

  static String askBody(String question, String conversationId) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("question", question);
    if (conversationId != null) {
      body.put("conversation_id", conversationId);
    }
    try {
      return ServerHarness.JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code answer} event of a streamed reply. */
  static JsonNode streamedAnswer(Reply r) {
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    String[] lines = r.raw().body().split("\n");
    for (int i = 0; i + 1 < lines.length; i++) {
      if (lines[i].equals("event: answer") && lines[i + 1].startsWith("data: ")) {
        try {
          return ServerHarness.JSON.readTree(lines[i + 1].substring(6));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new AssertionError("no answer event in " + r.raw().body());
  }

  /** An ok answer with rows, each value of each named column masked (or null). */
  static void assertMasked(JsonNode answer, String... columns) {
    assertThat(answer.get("status").asText()).as("status of %s", answer).isEqualTo("ok");
    assertThat(answer.get("row_count").asInt()).isPositive();
    for (String column : columns) {
      int i = columnIndex(answer, column);
      for (JsonNode row : answer.get("rows")) {
        assertThat(row.get(i).isNull() || row.get(i).asText().equals(MASK)).as("%s masked in %s", column, row).isTrue();
      }
    }
  }

  /** A refused answer whose explanation names the personal-data column; nothing ran. */
  static void assertRefusedNaming(JsonNode answer, String column) {
    assertThat(answer.get("status").asText()).as("status of %s", answer).isEqualTo("refused");
    assertThat(answer.get("explanation").asText()).contains(column + " is personal data");
    assertThat(answer.get("sql").isNull()).isTrue();
    assertThat(answer.get("rows")).isEmpty();
  }

  static int columnIndex(JsonNode answer, String name) {
    JsonNode columns = answer.get("columns");
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).get("name").asText().equals(name)) {
        return i;
      }
    }
    throw new AssertionError("no column " + name + " in " + columns);
  }
}
