package com.medflow.model.codes;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ICD-10-CM code set MedFlow ships (FY2022 order file: 95,524 codes, headers and billable).
 * Codes are kept without dots; {@link #format} writes the standard dotted form.
 */
public final class Icd10Cm implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String RESOURCE = "/medflow/codes/icd10cm_order_fy2022.csv.gz";

  private final Map<String, Entry> codes;

  /** One code: its short description and whether it is billable. */
  public record Entry(String code, boolean billable, String shortDescription) implements Serializable {}

  private Icd10Cm(Map<String, Entry> codes) {
    this.codes = codes;
  }

  /** Loads the shipped code set from the classpath (about 100 ms). */
  public static Icd10Cm load() {
    Map<String, Entry> map = new HashMap<>(200_000);
    CsvLines.read(RESOURCE, f -> {
      String code = f.get(1).trim();
      map.put(code, new Entry(code, "1".equals(f.get(2).trim()), f.get(3).trim()));
    });
    return new Icd10Cm(map);
  }

  /** Strips a dot and surrounding space and upper-cases: {@code " e11.9"} becomes {@code E119}. */
  public static String normalize(String code) {
    if (code == null) {
      return null;
    }
    return code.trim().replace(".", "").toUpperCase(Locale.ROOT);
  }

  /** Dotted form of an undotted code: {@code E119} becomes {@code E11.9}, {@code I10} stays. */
  public static String format(String undotted) {
    return undotted.length() > 3 ? undotted.substring(0, 3) + "." + undotted.substring(3) : undotted;
  }

  public boolean contains(String code) {
    String n = normalize(code);
    return n != null && codes.containsKey(n);
  }

  /** Accepts a code only in a well-formed shape: at most one dot, right after the third character. */
  public boolean isValid(String code) {
    if (code == null) {
      return false;
    }
    String t = code.trim();
    int dot = t.indexOf('.');
    if (dot >= 0 && (dot != 3 || t.indexOf('.', dot + 1) >= 0 || t.length() == 4)) {
      return false;
    }
    return contains(t);
  }

  public Optional<Entry> lookup(String code) {
    return Optional.ofNullable(codes.get(normalize(code)));
  }

  public int size() {
    return codes.size();
  }

  public java.util.Collection<Entry> entries() {
    return java.util.Collections.unmodifiableCollection(codes.values());
  }
}
