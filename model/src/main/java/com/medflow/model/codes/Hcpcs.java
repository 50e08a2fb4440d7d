package com.medflow.model.codes;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** HCPCS Level II procedure codes with their short and long descriptions (CMS 2019 file; contains no CPT). */
public final class Hcpcs {
  private static final String RESOURCE = "/medflow/codes/hcpcs_level2_2019.csv.gz";
  private final Map<String, String> descriptions;
  private final Map<String, String> longDescriptions;

  private Hcpcs(Map<String, String> descriptions, Map<String, String> longDescriptions) {
    this.descriptions = descriptions;
    this.longDescriptions = longDescriptions;
  }

  public static Hcpcs load() {
    Map<String, String> map = new HashMap<>(10_000);
    Map<String, String> longer = new HashMap<>(10_000);
    CsvLines.read(RESOURCE, f -> {
      if ("procedure".equals(f.get(1))) {
        map.put(f.get(0).trim(), f.get(3).trim());
        longer.put(f.get(0).trim(), f.get(2).trim());
      }
    });
    return new Hcpcs(map, longer);
  }

  public Optional<String> description(String code) {
    return Optional.ofNullable(descriptions.get(code));
  }

  /** The long description ("Injection, pembrolizumab, 1 mg"). */
  public Optional<String> longDescription(String code) {
    return Optional.ofNullable(longDescriptions.get(code));
  }

  public int size() {
    return descriptions.size();
  }
}
