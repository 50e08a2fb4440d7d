package com.medflow.model.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.medflow.model.ClaimStatus;
import com.medflow.model.rules.Amounts;
import com.medflow.model.rules.TextCase;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The payer mappings in force: the built-in files ({@code bluecross}, {@code aetna},
 * {@code unitedhealth}) plus every {@code *.yaml} in an optional extra folder. A broken mapping
 * file fails loading with its file name and the field at fault.
 */
public final class PayerMappings implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final List<String> BUILT_IN = List.of("bluecross", "aetna", "unitedhealth");

  private final Map<String, PayerMapping> byFolder;

  public PayerMappings(Collection<PayerMapping> mappings) {
    Map<String, PayerMapping> map = new LinkedHashMap<>();
    for (PayerMapping m : mappings) {
      if (map.put(m.folder(), m) != null) {
        throw new IllegalArgumentException("Two payer mappings use the folder " + m.folder());
      }
    }
    this.byFolder = map;
  }

  public static PayerMappings load(Optional<Path> extraDir) {
    List<PayerMapping> all = new ArrayList<>();
    for (String name : BUILT_IN) {
      String resource = "/medflow/payers/" + name + ".yaml";
      try (InputStream in = PayerMappings.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("Built-in payer mapping missing: " + resource);
        }
        all.add(parse(new ObjectMapper(new YAMLFactory()).readTree(in), "built-in " + resource.substring(1)));
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read payer mapping " + resource + ": " + e.getMessage(), e);
      }
    }
    if (extraDir.isPresent()) {
      try (Stream<Path> files = Files.list(extraDir.get())) {
        for (Path p : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
          all.add(parseFile(p));
        }
      } catch (IOException e) {
        throw new IllegalStateException("Cannot list payer mappings in " + extraDir.get() + ": " + e.getMessage(), e);
      }
    }
    return new PayerMappings(all);
  }

  public static PayerMapping parseFile(Path file) {
    try {
      return parse(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read payer mapping " + file + ": " + e.getMessage(), e);
    }
  }

  static PayerMapping parse(JsonNode root, String source) {
    try {
      JsonNode format = need(root, "format");
      Map<StandardField, String> columns = new LinkedHashMap<>();
      Map<StandardField, List<String>> alternates = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = need(root, "columns").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        StandardField f = StandardField.fromKey(e.getKey()).orElseThrow(() ->
            new IllegalArgumentException("unknown standard field '" + e.getKey() + "' under columns"));
        if (e.getValue().isArray()) { // [first choice, fallback, ...]: the first non-empty value is used
          List<String> choices = new ArrayList<>();
          e.getValue().forEach(c -> choices.add(c.asText()));
          if (choices.isEmpty()) {
            throw new IllegalArgumentException("columns." + e.getKey() + " is an empty list");
          }
          columns.put(f, choices.get(0));
          if (choices.size() > 1) {
            alternates.put(f, choices.subList(1, choices.size()));
          }
        } else {
          columns.put(f, e.getValue().asText());
        }
      }
      FileFormat fileFormat = MappingOptionsParser.format(format);
      Map<String, ClaimStatus> statuses = new LinkedHashMap<>();
      need(root, "statuses").fields().forEachRemaining(e -> {
        try {
          statuses.put(e.getKey(), ClaimStatus.valueOf(e.getValue().asText().trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException("status '" + e.getKey() + "' maps to unknown status '"
              + e.getValue().asText() + "' (use APPROVED, DENIED, PENDING or IN_REVIEW)");
        }
      });
      Map<String, String> genders = new LinkedHashMap<>();
      need(root, "genders").fields().forEachRemaining(e -> genders.put(e.getKey(), e.getValue().asText()));
      List<String> header = new ArrayList<>();
      (fileFormat == FileFormat.DELIMITED ? need(root, "header") : root.path("header")).forEach(h -> header.add(h.asText()));
      JsonNode diag = root.path("diagnoses");
      List<String> extra = new ArrayList<>();
      diag.path("extra_columns").forEach(c -> extra.add(c.asText()));
      String delimiter = fileFormat == FileFormat.DELIMITED ? need(format, "delimiter").asText()
          : format.path("delimiter").asText("*");
      if (delimiter.length() != 1) {
        throw new IllegalArgumentException("format.delimiter must be one character, got '" + delimiter + "'");
      }
      String quote = format.path("quote").asText("");
      if (quote.length() > 1) {
        throw new IllegalArgumentException("format.quote must be one character or empty, got '" + quote + "'");
      }
      Amounts.Format amount;
      try {
        amount = Amounts.Format.valueOf(need(format, "amount").asText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("format.amount must be dollars, decimal or cents");
      }
      return new PayerMapping(
          need(root, "payer").asText(),
          need(root, "folder").asText(),
          delimiter.charAt(0),
          quote,
          header,
          columns,
          diag.path("list_column").asText(""),
          diag.path("separator").asText("|"),
          extra,
          need(format, "date").asText(),
          amount,
          statuses,
          genders,
          root.path("denial_code_pattern").asText("^\\s*(\\d+)\\s*$"),
          textCase(root.path("text_case")),
          MappingOptionsParser.parse(root, fileFormat, alternates),
          source);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid payer mapping " + source + ": " + e.getMessage(), e);
    }
  }

  private static Map<StandardField, TextCase.Mode> textCase(JsonNode node) {
    Map<StandardField, TextCase.Mode> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      StandardField f = StandardField.fromKey(e.getKey()).orElseThrow(() ->
          new IllegalArgumentException("unknown standard field '" + e.getKey() + "' under text_case"));
      try {
        out.put(f, TextCase.Mode.valueOf(e.getValue().asText().trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException("text_case." + e.getKey() + " must be as_is or title");
      }
    });
    return out;
  }

  private static JsonNode need(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing '" + field + "'");
    }
    return v;
  }

  public Optional<PayerMapping> byFolder(String folder) {
    return Optional.ofNullable(byFolder.get(folder));
  }

  public Optional<PayerMapping> byPayer(String payer) {
    return byFolder.values().stream().filter(m -> m.payer().equals(payer)).findFirst();
  }

  public Collection<PayerMapping> all() {
    return java.util.Collections.unmodifiableCollection(byFolder.values());
  }
}
