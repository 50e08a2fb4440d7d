package com.medflow.pipeline.demo;

import static com.medflow.model.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One file written by {@link DemoDataGenerator}.
 *
 * @param payer payer name as in the payer mapping ({@code BlueCross}, {@code Aetna}, {@code UnitedHealth})
 * @param file the file written
 * @param dataLines lines after the header that are not blank (clean and dirty rows)
 * @param bytes file size in bytes
 */
public record FileReport(String payer, Path file, long dataLines, long bytes) {
  /** Validates the report. */
  public FileReport {
    requireNonNull(payer, "payer is null");
    requireNonNull(file, "file is null");
    checkArgument(dataLines >= 0, "Invalid data line count: %s", dataLines);
    checkArgument(bytes >= 0, "Invalid byte count: %s", bytes);
  }
}
