package com.medflow.model.codes;

import static com.medflow.model.Preconditions.checkArgument;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shipped code lists ({@code code,display} CSV files under {@code /medflow/codes/}) that payer
 * mappings can name to translate a field's codes, such as {@code cms_provider_specialty}.
 */
public final class CodeLists {
  private CodeLists() {}

  /** Code to display text of the shipped list {@code name}; fails when there is no such list. */
  public static Map<String, String> load(String name) {
    checkArgument(name.matches("[a-z0-9_]+"), "Invalid code list name: %s", name);
    String resource = "/medflow/codes/" + name + ".csv";
    checkArgument(CodeLists.class.getResource(resource) != null, "Unknown code list: %s", name);
    Map<String, String> out = new LinkedHashMap<>();
    CsvLines.read(resource, f -> out.put(f.get(0).trim(), f.get(1).trim()));
    return out;
  }
}
