package com.medflow.model.codes;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** CMS place-of-service codes (two digits) with short names derived from the CMS display text. */
public final class PlaceOfService {
  private static final String RESOURCE = "/medflow/codes/place_of_service.csv";
  private final Map<String, String> names;

  private PlaceOfService(Map<String, String> names) {
    this.names = names;
  }

  public static PlaceOfService load() {
    Map<String, String> map = new LinkedHashMap<>();
    CsvLines.read(RESOURCE, f -> map.put(f.get(0).trim(), shortName(f.get(1))));
    return new PlaceOfService(map);
  }

  /** "OFFICE - LOCATION, OTHER THAN ..." becomes "Office". */
  static String shortName(String display) {
    String head = display.split(" - |\\(|- ", 2)[0].trim();
    if (head.isEmpty()) {
      head = display.trim();
    }
    String lower = head.toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  public Optional<String> name(String code) {
    return Optional.ofNullable(names.get(code));
  }

  public Map<String, String> all() {
    return java.util.Collections.unmodifiableMap(names);
  }
}
