package com.medflow.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A named set of defaults. {@code embedded} (the default) keeps everything in local files under
 * home; {@code production} points the same code at PostgreSQL (catalog and app data), an S3 store
 * (landing zone and warehouse) and Redis. A profile only changes defaults: any value set in the
 * file, the environment or on the command line still wins.
 */
public enum Profile {
  EMBEDDED(Map.of()),
  PRODUCTION(production());

  /** The database the production profile's catalog and app data share on the local PostgreSQL server. */
  public static final String PRODUCTION_DATABASE_URL = "jdbc:postgresql://127.0.0.1:5432/medflow";

  private final Map<String, String> defaults;

  Profile(Map<String, String> defaults) {
    this.defaults = Map.copyOf(defaults);
  }

  private static Map<String, String> production() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put(Settings.CATALOG_URI.key(), PRODUCTION_DATABASE_URL);
    d.put(Settings.CATALOG_USER.key(), "postgres");
    d.put(Settings.WAREHOUSE.key(), "s3://medflow-warehouse/");
    d.put(Settings.LANDING.key(), "s3://medflow-landing/");
    d.put(Settings.APP_DB_URL.key(), PRODUCTION_DATABASE_URL);
    d.put(Settings.APP_DB_USER.key(), "postgres");
    d.put(Settings.CACHE_TYPE.key(), "redis");
    return d;
  }

  /** This profile's default for {@code s}, when it differs from the setting's own default. */
  public Optional<String> defaultFor(Setting s) {
    return Optional.ofNullable(defaults.get(s.key()));
  }

  /** Keys whose default this profile changes. */
  public java.util.Set<String> changedKeys() {
    return defaults.keySet();
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code embedded} or {@code production} (any case); empty for anything else. */
  public static Optional<Profile> parse(String value) {
    for (Profile p : values()) {
      if (p.wireName().equalsIgnoreCase(value.trim())) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
