package com.medflow.pipeline.landing;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a full read of a file established before anything is written: its content hash, its header,
 * the 0-based physical line index of the header, and how many data lines (non-blank, after the header) it has.
 */
public record PreflightResult(LandingFile file, String sha256, List<String> header, long headerLineIndex,
                              long dataLines, long blankLines) {
  public PreflightResult {
    requireNonNull(file, "file is null");
    requireNonNull(sha256, "sha256 is null");
    header = List.copyOf(header);
  }
}
