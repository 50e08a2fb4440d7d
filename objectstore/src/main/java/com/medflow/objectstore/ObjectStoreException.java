package com.medflow.objectstore;

import static java.util.Objects.requireNonNull;

/** An object-store operation failed; the message is one line naming the setting or location involved. */
public final class ObjectStoreException extends RuntimeException {
  /** What went wrong, for callers that react differently (retry later, fix a setting, re-list). */
  public enum Code {
    /** The endpoint does not answer (server down, wrong host or port). */
    UNREACHABLE,
    /** The store does not accept the credentials (unknown access key, wrong secret, none found). */
    BAD_CREDENTIALS,
    /** The credentials are valid but may not do this. */
    ACCESS_DENIED,
    NO_SUCH_BUCKET,
    NO_SUCH_OBJECT,
    /** The object changed since it was listed (its ETag differs). */
    CHANGED,
    FAILED
  }

  private final Code code;

  public ObjectStoreException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = requireNonNull(code, "code is null");
  }

  public Code code() {
    return code;
  }
}
