package com.medflow.lake;

/** A catalog or table operation failed; the message names the table. */
public final class LakeException extends RuntimeException {
  public LakeException(String message) {
    super(message);
  }

  public LakeException(String message, Throwable cause) {
    super(message, cause);
  }
}
