package com.medflow.pipeline.landing;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a full read of a file established before anything is written: its content hash, its header,
 * the 0-based physical line index of the header, and how many data lines (non-blank, after the header) it has;
 * {@code badUtf8Lines} data lines are not valid UTF-8, the first of them (1-based) in {@code firstBadUtf8Lines}.
 */
public record PreflightResult(LandingFile file, String sha256, List<String> header, long headerLineIndex,
                              long dataLines, long blankLines, long badUtf8Lines, List<Long> firstBadUtf8Lines) {
  public PreflightResult {
    requireNonNull(file, "file is null");
    requireNonNull(sha256, "sha256 is null");
    header = List.copyOf(header);
    firstBadUtf8Lines = List.copyOf(firstBadUtf8Lines);
  }

  public PreflightResult(LandingFile file, String sha256, List<String> header, long headerLineIndex, long dataLines,
                         long blankLines) {
    this(file, sha256, header, headerLineIndex, dataLines, blankLines, 0, List.of());
  }

  /** "aetna/b1.csv: 2 data line(s) not valid UTF-8 (lines 4, 9)", or empty when every line is. */
  public java.util.Optional<String> encodingProblem() {
    if (badUtf8Lines == 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(file.displayName() + ": " + badUtf8Lines + " data line(s) not valid UTF-8 (line"
        + (firstBadUtf8Lines.size() > 1 ? "s " : " ") + String.join(", ", firstBadUtf8Lines.stream().map(String::valueOf)
        .toList()) + (badUtf8Lines > firstBadUtf8Lines.size() ? ", …" : "") + "), quarantined as INVALID_ENCODING");
  }
}
