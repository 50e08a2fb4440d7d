package com.medflow.model;

import static com.medflow.model.Preconditions.checkArgument;

/** A table name {@code namespace.table} as written in the contract. */
public record TableId(String namespace, String name) {
  private static final String IDENT = "[a-z_][a-z0-9_]*";

  public TableId {
    checkArgument(namespace != null && namespace.matches(IDENT), "Invalid namespace: %s", namespace);
    checkArgument(name != null && name.matches(IDENT), "Invalid table name: %s", name);
  }

  public static TableId parse(String qualified) {
    checkArgument(qualified != null, "Invalid table name: null");
    String[] parts = qualified.trim().toLowerCase(java.util.Locale.ROOT).split("\\.");
    checkArgument(parts.length == 2, "Invalid table name: %s (expected namespace.table)", qualified);
    return new TableId(parts[0], parts[1]);
  }

  @Override
  public String toString() {
    return namespace + "." + name;
  }
}
