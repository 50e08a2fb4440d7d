package com.medflow.pipeline.run;

import com.medflow.objectstore.S3Connection;
import com.medflow.objectstore.S3Errors;
import java.util.Optional;

/** The one line a failed task reports: what the object store said, else the root cause's message. */
final class FailureMessage {
  private FailureMessage() {}

  static String of(Throwable t, Optional<S3Connection> s3) {
    return s3.flatMap(c -> S3Errors.explain(t, c)).orElseGet(() -> rootMessage(t));
  }

  static String rootMessage(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) {
      r = r.getCause();
    }
    String m = r.getMessage();
    if (r != t && t.getMessage() != null && !t.getMessage().contains(String.valueOf(m))) {
      return t.getMessage();
    }
    return m == null ? r.getClass().getSimpleName() : m;
  }
}
