package com.medflow.pipeline.demo;

import static com.medflow.model.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link DemoDataGenerator#write} wrote.
 *
 * @param files one report per payer file, in the order BlueCross, Aetna, UnitedHealth
 * @param claims claims written that should become clean claims: {@link DemoSpec#claims()} for a base batch (rows
 *     dirtied only with a warn-only problem included), the number of status updates for a follow-up batch
 * @param dirtyRows rows deliberately made dirty, over all files (the sum of {@code dirtyByCode})
 * @param dirtyByCode dirty rows by the one quality check each was made to break (the {@code QualityCheck} name, such
 *     as {@code INVALID_NPI} or the warn-only {@code DENIED_WITHOUT_REASON}); every check is a key, in
 *     {@code QualityCheck} order, with 0 when none was written
 */
public record GenerationReport(List<FileReport> files, long claims, long dirtyRows, Map<String, Long> dirtyByCode) {
  /** Validates and copies the report. */
  public GenerationReport {
    files = List.copyOf(requireNonNull(files, "files is null"));
    requireNonNull(dirtyByCode, "dirtyByCode is null");
    checkArgument(claims >= 0, "Invalid claim count: %s", claims);
    checkArgument(dirtyRows >= 0, "Invalid dirty row count: %s", dirtyRows);
    long sum = dirtyByCode.values().stream().mapToLong(Long::longValue).sum();
    checkArgument(sum == dirtyRows, "Invalid dirty row count %s: the codes add up to %s", dirtyRows, sum);
    dirtyByCode = Collections.unmodifiableMap(new LinkedHashMap<>(dirtyByCode));
  }

  /** Data lines over all files. */
  public long dataLines() {
    return files.stream().mapToLong(FileReport::dataLines).sum();
  }
}
