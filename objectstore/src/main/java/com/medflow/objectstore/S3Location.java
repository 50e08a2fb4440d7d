package com.medflow.objectstore;

import static java.util.Objects.requireNonNull;

import com.medflow.model.Preconditions;
import java.io.Serializable;

/** An {@code s3://bucket/key} location: an object, or a prefix when the key is empty or ends with {@code /}. */
public record S3Location(String bucket, String key) implements Serializable {
  public S3Location {
    requireNonNull(bucket, "bucket is null");
    requireNonNull(key, "key is null");
    Preconditions.checkArgument(bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]"), "Invalid bucket name: %s", bucket);
    Preconditions.checkArgument(!key.startsWith("/"), "Invalid key (leading /): %s", key);
  }

  /** Parses {@code s3://bucket}, {@code s3://bucket/} or {@code s3://bucket/some/key}. */
  public static S3Location parse(String uri) {
    Preconditions.checkArgument(uri != null && uri.regionMatches(true, 0, "s3://", 0, 5), "Not an s3:// location: %s", uri);
    String rest = uri.substring(5);
    int slash = rest.indexOf('/');
    return slash < 0 ? new S3Location(rest, "") : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
  }

  /** This location as a prefix: the key with a trailing {@code /} (empty for the bucket root). */
  public S3Location asPrefix() {
    return key.isEmpty() || key.endsWith("/") ? this : new S3Location(bucket, key + "/");
  }

  /** {@code name} under this prefix. */
  public S3Location resolve(String name) {
    Preconditions.checkArgument(name != null && !name.isEmpty() && !name.startsWith("/"), "Invalid name: %s", name);
    return new S3Location(bucket, asPrefix().key() + name);
  }

  /** The last part of the key (the file name of an object). */
  public String name() {
    String k = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
    return k.substring(k.lastIndexOf('/') + 1);
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}
