package com.medflow.pipeline.landing;

/** A landing file cannot be read at all (binary, wrong delimiter, missing columns); nothing of it is ingested. */
public final class UnreadableFileException extends RuntimeException {
  private final String file;
  private final String reason;

  public UnreadableFileException(String file, String reason) {
    super(file + ": " + reason);
    this.file = file;
    this.reason = reason;
  }

  /** Several unreadable files reported together, each with its reason. */
  public static UnreadableFileException of(java.util.List<UnreadableFileException> all) {
    if (all.size() == 1) {
      return all.get(0);
    }
    return new UnreadableFileException(all.size() + " landing files",
        "cannot be read: " + String.join("; ", all.stream().map(Throwable::getMessage).toList()));
  }

  public String file() {
    return file;
  }

  /** Why the file cannot be read, without its name. */
  public String reason() {
    return reason;
  }
}
