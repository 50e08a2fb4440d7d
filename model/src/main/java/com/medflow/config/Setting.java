package com.medflow.config;

import static java.util.Objects.requireNonNull;

/**
 * One documented configuration key. {@code key} is the dotted name used in {@code medflow.yaml};
 * the environment variable is {@code MEDFLOW_} + the key upper-cased with dots and dashes as
 * underscores. {@code defaultValue} may reference {@code ${home}}; null means "unset".
 */
public record Setting(String key, String defaultValue, String description) {
  public Setting {
    requireNonNull(key, "key is null");
    requireNonNull(description, "description is null");
  }

  /** Passwords, API keys and token secrets: never printed. */
  public boolean secret() {
    return key.endsWith("password") || key.endsWith("api-key") || key.endsWith("secret")
        || key.endsWith("secret-key");
  }

  public String envVar() {
    return "MEDFLOW_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
