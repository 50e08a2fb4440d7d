package com.medflow.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads configuration in increasing precedence: defaults, {@code medflow.yaml} (or an explicit file),
 * {@code MEDFLOW_*} environment variables, then explicit overrides (command-line flags).
 * Unknown keys in the file are an error, so a typo never silently falls back to a default.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  public static MedflowConfig load(Optional<Path> file, Map<String, String> env, Map<String, String> overrides) {
    return load(file, true, env, overrides);
  }

  /** Ignores any {@code medflow.yaml} in the working directory: defaults, env map and overrides only. */
  public static MedflowConfig isolated(Map<String, String> env, Map<String, String> overrides) {
    return load(Optional.empty(), false, env, overrides);
  }

  /**
   * Every key with its effective value and where that value came from, after validating the whole
   * configuration; secrets (passwords, keys, the JWT secret) are shown as {@code (hidden)}.
   */
  public static java.util.List<EffectiveSetting> explain(Optional<Path> file, Map<String, String> env,
                                                         Map<String, String> overrides) {
    RawConfig raw = collect(file, true, env, overrides);
    MedflowConfig.from(raw);
    java.util.List<EffectiveSetting> out = new java.util.ArrayList<>();
    for (Setting s : Settings.ALL) {
      Optional<String> value = raw.optional(s);
      String shown = value.map(v -> s.secret() ? "(hidden)" : v).orElse("");
      out.add(new EffectiveSetting(s.key(), shown, raw.origin(s)));
    }
    return out;
  }

  /** One configuration key as a running process sees it. */
  public record EffectiveSetting(String key, String value, String origin) {
    public EffectiveSetting {
      java.util.Objects.requireNonNull(key, "key is null");
      java.util.Objects.requireNonNull(value, "value is null");
      java.util.Objects.requireNonNull(origin, "origin is null");
    }
  }

  private static MedflowConfig load(Optional<Path> file, boolean defaultFile, Map<String, String> env,
                                    Map<String, String> overrides) {
    return MedflowConfig.from(collect(file, defaultFile, env, overrides));
  }

  private static RawConfig collect(Optional<Path> file, boolean defaultFile, Map<String, String> env,
                                   Map<String, String> overrides) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> origins = new LinkedHashMap<>();
    Path yaml = file.orElse(Path.of("medflow.yaml"));
    if (file.isPresent() && !Files.isRegularFile(yaml)) {
      throw new ConfigException("Configuration file not found: " + yaml);
    }
    Map<String, String> fromFile = (file.isPresent() || defaultFile) && Files.isRegularFile(yaml) ? readYaml(yaml) : Map.of();
    Profile profile = profile(overrides, env, fromFile, yaml);
    for (Setting s : Settings.ALL) {
      Optional<String> fromProfile = profile.defaultFor(s);
      String v = fromProfile.orElse(s.defaultValue());
      if (v != null) {
        values.put(s.key(), v);
        origins.put(s.key(), fromProfile.isPresent() ? "profile " + profile.wireName() : "default");
      }
    }
    fromFile.forEach((k, v) -> {
      values.put(k, v);
      origins.put(k, yaml.toString());
    });
    for (Setting s : Settings.ALL) {
      String v = env.get(s.envVar());
      if (v != null) {
        values.put(s.key(), v);
        origins.put(s.key(), "env " + s.envVar());
      }
    }
    if (env.get("ANTHROPIC_API_KEY") != null && !origins.getOrDefault(Settings.ANTHROPIC_API_KEY.key(), "").startsWith("env")) {
      values.put(Settings.ANTHROPIC_API_KEY.key(), env.get("ANTHROPIC_API_KEY"));
      origins.put(Settings.ANTHROPIC_API_KEY.key(), "env ANTHROPIC_API_KEY");
    }
    overrides.forEach((k, v) -> {
      requireKnown(k, "command line");
      values.put(k, v);
      origins.put(k, "command line");
    });
    return new RawConfig(values, origins);
  }

  /** The profile in force: command line, then environment, then file, then {@code embedded}. */
  private static Profile profile(Map<String, String> overrides, Map<String, String> env, Map<String, String> fromFile,
                                 Path yaml) {
    String key = Settings.PROFILE.key();
    String origin;
    String value;
    if (overrides.containsKey(key)) {
      value = overrides.get(key);
      origin = "command line";
    } else if (env.containsKey(Settings.PROFILE.envVar())) {
      value = env.get(Settings.PROFILE.envVar());
      origin = "env " + Settings.PROFILE.envVar();
    } else if (fromFile.containsKey(key)) {
      value = fromFile.get(key);
      origin = yaml.toString();
    } else {
      return Profile.EMBEDDED;
    }
    return Profile.parse(value).orElseThrow(() -> new ConfigException("Invalid value for profile (from " + origin
        + "): '" + value + "'; expected embedded or production"));
  }

  /** Defaults plus environment only; what tests and {@code main} without a file use. */
  public static MedflowConfig fromEnvironment() {
    return load(Optional.empty(), System.getenv(), Map.of());
  }

  private static Map<String, String> readYaml(Path path) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(path.toFile());
    } catch (IOException e) {
      throw new ConfigException("Cannot read configuration file " + path + ": " + e.getMessage());
    }
    Map<String, String> flat = new LinkedHashMap<>();
    if (root != null && !root.isNull() && !root.isMissingNode()) {
      if (!root.isObject()) {
        throw new ConfigException("Configuration file " + path + " must be a mapping of keys to values");
      }
      flatten("", root, flat, path);
    }
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out, Path path) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      JsonNode v = e.getValue();
      if (v.isObject() && !Settings.BY_KEY.containsKey(key)) {
        flatten(key, v, out, path);
      } else if (v.isNull()) {
        requireKnown(key, path.toString());
      } else {
        requireKnown(key, path.toString());
        if (v.isContainerNode()) {
          throw new ConfigException("Invalid value for " + key + " in " + path + ": expected a single value");
        }
        out.put(key, v.asText());
      }
    }
  }

  private static void requireKnown(String key, String origin) {
    if (!Settings.BY_KEY.containsKey(key)) {
      throw new ConfigException("Unknown configuration key '" + key + "' in " + origin
          + " (known keys are listed in docs/OPERATIONS.md)");
    }
  }
}
