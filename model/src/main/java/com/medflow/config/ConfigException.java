package com.medflow.config;

/** A configuration value is missing, malformed or out of range. The message names the key and its origin. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
