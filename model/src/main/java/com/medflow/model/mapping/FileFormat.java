package com.medflow.model.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a payer's files are laid out: delimited text with a header row (one record per line), or
 * X12 837P professional claims EDI (one record per claim, keyed by loop and element designators).
 */
public enum FileFormat {
  /** Delimited text with a header row; record keys are the header's column names. */
  DELIMITED("delimited", List.of(".csv")),
  /**
   * X12 005010X222A1 (837P). Record keys are X12 designators, prefixed with the loop for loop
   * segments: {@code BHT04}, {@code 2010AA.NM109}, {@code 2300.CLM05-1}, {@code 2400[1].SV101-2}; DTP,
   * REF and AMT are keyed by their qualifier: {@code 2400[1].DTP-472.03}, {@code 2010AA.REF-EI.02}.
   */
  X12_837P("x12-837p", List.of(".837", ".edi", ".x12", ".txt"));

  private static final Pattern X12_KEY = Pattern.compile(
      "^(?:\\d{4}[A-F]{0,2}(?:\\[\\d{1,4}])?\\.)?(?:[A-Z][A-Z0-9]{1,2}\\d{2}(?:-\\d{1,2})?"
          + "|(?:DTP|REF|AMT)-[A-Z0-9]{1,3}\\.\\d{2}(?:-\\d{1,2})?)$");

  private final String key;
  private final List<String> extensions;

  FileFormat(String key, List<String> extensions) {
    this.key = key;
    this.extensions = extensions;
  }

  /** The name used in mapping files ({@code format.type}). */
  public String key() {
    return key;
  }

  /** File name endings listed in the landing zone when a mapping names none. */
  public List<String> defaultExtensions() {
    return extensions;
  }

  /** Whether {@code key} is a record key this format can produce (for X12: a well-formed designator). */
  public boolean isRecordKey(String recordKey, List<String> header) {
    return this == DELIMITED ? header.contains(recordKey) : X12_KEY.matcher(recordKey).matches();
  }

  public static Optional<FileFormat> fromKey(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT);
    for (FileFormat f : values()) {
      if (f.key.equals(k)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
