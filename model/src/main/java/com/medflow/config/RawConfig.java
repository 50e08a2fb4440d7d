package com.medflow.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** String values with their origins; typed accessors that fail fast naming the key and where it came from. */
final class RawConfig {
  private final Map<String, String> values;
  private final Map<String, String> origins;
  private String home;

  RawConfig(Map<String, String> values, Map<String, String> origins) {
    this.values = Map.copyOf(values);
    this.origins = Map.copyOf(origins);
  }

  void home(String home) {
    this.home = home;
  }

  String origin(Setting s) {
    return origins.getOrDefault(s.key(), "default");
  }

  Optional<String> optional(Setting s) {
    String v = values.get(s.key());
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(home == null ? v : v.replace("${home}", home));
  }

  String string(Setting s) {
    return optional(s).orElseThrow(() -> new ConfigException("Missing configuration value for " + s.key()
        + " (set it in medflow.yaml or " + s.envVar() + ")"));
  }

  int integer(Setting s, int min, int max) {
    String v = string(s);
    try {
      int i = Integer.parseInt(v.trim());
      if (i < min || i > max) {
        throw bad(s, v, "an integer in [" + min + ", " + max + "]");
      }
      return i;
    } catch (NumberFormatException e) {
      throw bad(s, v, "an integer in [" + min + ", " + max + "]");
    }
  }

  long longInteger(Setting s, long min, long max) {
    String v = string(s);
    try {
      long i = Long.parseLong(v.trim().replace("_", ""));
      if (i < min || i > max) {
        throw bad(s, v, "an integer in [" + min + ", " + max + "]");
      }
      return i;
    } catch (NumberFormatException e) {
      throw bad(s, v, "an integer in [" + min + ", " + max + "]");
    }
  }

  double fraction(Setting s) {
    String v = string(s);
    try {
      double d = Double.parseDouble(v.trim());
      if (!(d >= 0.0 && d <= 1.0)) {
        throw bad(s, v, "a fraction in [0, 1]");
      }
      return d;
    } catch (NumberFormatException e) {
      throw bad(s, v, "a fraction in [0, 1]");
    }
  }

  boolean bool(Setting s) {
    String v = string(s).trim().toLowerCase(java.util.Locale.ROOT);
    return switch (v) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw bad(s, v, "true or false");
    };
  }

  Duration duration(Setting s) {
    String v = string(s);
    try {
      Duration d = Duration.parse(v.trim());
      if (d.isNegative() || d.isZero()) {
        throw bad(s, v, "a positive ISO-8601 duration such as PT30S");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw bad(s, v, "an ISO-8601 duration such as PT30S");
    }
  }

  Path path(Setting s) {
    return Path.of(string(s)).toAbsolutePath().normalize();
  }

  URI uri(Setting s) {
    String v = string(s);
    try {
      return URI.create(v.trim());
    } catch (IllegalArgumentException e) {
      throw bad(s, v, "a URI");
    }
  }

  <E extends Enum<E>> E choice(Setting s, Class<E> type) {
    String v = string(s);
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(v.trim())) {
        return e;
      }
    }
    throw bad(s, v, "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT));
  }

  ConfigException bad(Setting s, String value, String expected) {
    return new ConfigException("Invalid value for " + s.key() + " (from " + origins.getOrDefault(s.key(), "default")
        + "): '" + value + "'; expected " + expected);
  }
}
