package com.medflow.pipeline.landing;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A payer file found in the landing zone: {@code <root>/<payer folder>/<name>.csv}, a local or
 * Hadoop file, or an S3 object with the ETag it had when listed.
 */
public record LandingFile(String payerFolder, String uri, String name, long bytes, Optional<String> etag) {
  public LandingFile {
    requireNonNull(payerFolder, "payerFolder is null");
    requireNonNull(uri, "uri is null");
    requireNonNull(name, "name is null");
    requireNonNull(etag, "etag is null");
  }

  /** A file on a file system (no ETag). */
  public LandingFile(String payerFolder, String uri, String name, long bytes) {
    this(payerFolder, uri, name, bytes, Optional.empty());
  }

  /** The file name without extension, the default batch id. */
  public String stem() {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** {@code payerFolder/name}: how files are named in messages and tables. */
  public String displayName() {
    return payerFolder + "/" + name;
  }

  public boolean onObjectStore() {
    return uri.startsWith("s3://");
  }
}
