package com.medflow.model.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.medflow.model.QualityCheck;
import com.medflow.model.Severity;
import com.medflow.model.codes.CodeLists;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the optional sections of a mapping file ({@code files}, {@code optional}, {@code defaults}, ...). */
final class MappingOptionsParser {
  /** Rules a payer may not relax: without them a row cannot be told apart or found again. */
  private static final Set<QualityCheck> FIXED = EnumSet.of(QualityCheck.MALFORMED_ROW, QualityCheck.MISSING_CLAIM_ID,
      QualityCheck.MISSING_MEMBER_ID, QualityCheck.DUPLICATE_CLAIM_ID);

  private MappingOptionsParser() {}

  static FileFormat format(JsonNode format) {
    String type = format.path("type").asText("delimited");
    return FileFormat.fromKey(type).orElseThrow(() ->
        new IllegalArgumentException("format.type must be delimited or x12-837p, got '" + type + "'"));
  }

  static MappingOptions parse(JsonNode root, FileFormat format, Map<StandardField, List<String>> alternates) {
    List<String> files = new ArrayList<>();
    root.path("files").forEach(n -> files.add(n.asText()));
    Set<StandardField> optional = EnumSet.noneOf(StandardField.class);
    root.path("optional").forEach(n -> optional.add(field(n.asText(), "optional")));
    Map<StandardField, String> defaults = new LinkedHashMap<>();
    root.path("defaults").fields().forEachRemaining(e -> defaults.put(field(e.getKey(), "defaults"), e.getValue().asText()));
    Map<QualityCheck, Severity> severities = new LinkedHashMap<>();
    root.path("rules").fields().forEachRemaining(e -> {
      QualityCheck check;
      try {
        check = QualityCheck.valueOf(e.getKey().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException("rules: unknown rule '" + e.getKey() + "'");
      }
      if (FIXED.contains(check)) {
        throw new IllegalArgumentException("rules: " + check + " cannot be changed per payer");
      }
      String level = e.getValue().asText().trim().toUpperCase(Locale.ROOT);
      try {
        severities.put(check, Severity.valueOf(level));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException("rules." + e.getKey() + " must be quarantine or warn");
      }
    });
    Map<StandardField, Map<String, String>> valueMaps = new LinkedHashMap<>();
    root.path("value_maps").fields().forEachRemaining(e -> {
      StandardField f = field(e.getKey(), "value_maps");
      JsonNode v = e.getValue();
      if (v.has("code_set")) {
        valueMaps.put(f, CodeLists.load(v.get("code_set").asText()));
      } else {
        Map<String, String> m = new LinkedHashMap<>();
        v.fields().forEachRemaining(c -> m.put(c.getKey(), c.getValue().asText()));
        valueMaps.put(f, m);
      }
    });
    JsonNode r = root.get("roll_up");
    RollUp rollUp = null;
    if (r != null && !r.isNull()) {
      JsonNode line = r.get("line_number");
      if (line == null || line.asText().isBlank()) {
        throw new IllegalArgumentException("missing 'roll_up.line_number'");
      }
      Set<StandardField> sum = EnumSet.noneOf(StandardField.class);
      r.path("sum").forEach(n -> sum.add(field(n.asText(), "roll_up.sum")));
      Set<StandardField> first = EnumSet.noneOf(StandardField.class);
      r.path("first_present").forEach(n -> first.add(field(n.asText(), "roll_up.first_present")));
      Map<StandardField, String> totals = new LinkedHashMap<>();
      r.path("totals").fields().forEachRemaining(e -> totals.put(field(e.getKey(), "roll_up.totals"), e.getValue().asText()));
      rollUp = new RollUp(line.asText(), sum, first, totals);
    }
    return new MappingOptions(format, files.isEmpty() ? format.defaultExtensions() : files, alternates, optional,
        defaults, severities, valueMaps, rollUp);
  }

  static StandardField field(String key, String section) {
    return StandardField.fromKey(key.trim()).orElseThrow(() ->
        new IllegalArgumentException("unknown standard field '" + key + "' under " + section));
  }
}
