package com.medflow.objectstore;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One object as listed or written: where it is, its size, its ETag (quotes removed) and when it was last written. */
public record ObjectInfo(S3Location location, long size, String etag, Instant lastModified) {
  public ObjectInfo {
    requireNonNull(location, "location is null");
    requireNonNull(etag, "etag is null");
    requireNonNull(lastModified, "lastModified is null");
    etag = unquote(etag);
  }

  static String unquote(String etag) {
    return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
  }
}
