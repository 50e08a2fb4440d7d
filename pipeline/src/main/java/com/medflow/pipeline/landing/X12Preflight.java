package com.medflow.pipeline.landing;

import com.medflow.pipeline.bronze.x12.X12ClaimReader;
import com.medflow.pipeline.bronze.x12.X12FormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Preflight of an X12 837P file: one full read that hashes it, checks its envelope and structure
 * and counts its claims (its bronze rows). A broken file is unreadable, named with every problem
 * and its segment position, and nothing of it is ingested.
 */
final class X12Preflight {
  private X12Preflight() {}

  /** Reads {@code input} (the file's bytes) to its end and closes it. */
  static PreflightResult check(InputStream input, LandingFile file) {
    MessageDigest sha = FilePreflight.sha256();
    X12ClaimReader.Summary summary;
    try (InputStream in = new DigestInputStream(input, sha)) {
      summary = X12ClaimReader.check(in);
      in.transferTo(java.io.OutputStream.nullOutputStream()); // hash what the reader left unread
    } catch (X12FormatException e) {
      throw new UnreadableFileException(file.displayName(), "X12 837P: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.displayName() + ": " + e.getMessage(), e);
    }
    return new PreflightResult(file, HexFormat.of().formatHex(sha.digest()), List.of(), -1, summary.claims(), 0);
  }
}
