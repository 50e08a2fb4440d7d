package com.medflow.pipeline.landing;

import static java.util.Objects.requireNonNull;

/** A payer file found in the landing zone: {@code <root>/<payer folder>/<name>.csv}. */
public record LandingFile(String payerFolder, String uri, String name, long bytes) {
  public LandingFile {
    requireNonNull(payerFolder, "payerFolder is null");
    requireNonNull(uri, "uri is null");
    requireNonNull(name, "name is null");
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
}
