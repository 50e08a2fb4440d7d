package com.medflow.query.guard;

/** A resolved column reference; {@code piiName} names the personal data it reads, for messages. */
record ColumnRef(String sql, String name, boolean pii, String piiName) {
  ColumnRef(String sql, String name, boolean pii) {
    this(sql, name, pii, name);
  }
}
