package com.medflow.model;

import java.util.Locale;
import java.util.Optional;

/** Who a user is to MedFlow (API.md): what they may call, which tables they may read, whether PII is masked. */
public enum Role {
  /** Everything, including user administration, audit and starting pipeline runs. */
  ADMIN,
  /** Ask, raw SQL, all tables, PII visible. */
  ANALYST,
  /** Ask only; gold tables and claims_clean; member_id and patient_birth_date masked. */
  BUSINESS;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    for (Role r : values()) {
      if (r.name().equalsIgnoreCase(s.trim())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  public boolean seesPii() {
    return this != BUSINESS;
  }

  public boolean mayRunRawSql() {
    return this != BUSINESS;
  }

  /** Tables this role may read: business gets the gold tables and claims_clean only. */
  public boolean mayRead(TableId table) {
    if (this != BUSINESS) {
      return Tables.spec(table).isPresent();
    }
    return table.equals(Tables.CLAIMS_CLEAN) || table.namespace().equals(Tables.GOLD_NAMESPACE)
        && Tables.spec(table).isPresent();
  }
}
