package com.medflow.cli;

import com.medflow.cli.commands.AskCommand;
import com.medflow.cli.commands.BenchCommand;
import com.medflow.cli.commands.ConfigCommand;
import com.medflow.cli.commands.DemoCommand;
import com.medflow.cli.commands.EvalCommand;
import com.medflow.cli.commands.ServeCommand;
import com.medflow.cli.commands.SqlCommand;
import com.medflow.cli.commands.UsersCommand;
import com.medflow.cli.commands.GenerateCommand;
import com.medflow.cli.commands.PipelineCommand;
import com.medflow.cli.commands.TablesCommand;
import com.medflow.config.ConfigLoader;
import com.medflow.config.MedflowConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code ./medflow}: the top command; holds the global options and the services of this process. */
@Command(name = "medflow", mixinStandardHelpOptions = true, version = "MedFlow 0.1.0",
    description = "Healthcare-claims analytics: medallion pipeline on Spark + Iceberg and plain-English questions.",
    subcommands = {DemoCommand.class, GenerateCommand.class, PipelineCommand.class, SqlCommand.class, TablesCommand.class,
        ServeCommand.class, AskCommand.class, EvalCommand.class, UsersCommand.class, BenchCommand.class,
        ConfigCommand.class, com.medflow.cli.commands.S3Command.class, com.medflow.cli.commands.UploadCommand.class,
        com.medflow.cli.commands.SemanticCommand.class, com.medflow.cli.commands.TrinoCommand.class,
        com.medflow.cli.commands.MaintainCommand.class})
public final class MedflowCommand {
  @Option(names = "--config", scope = ScopeType.INHERIT, description = "Configuration file (default: ./medflow.yaml if present).")
  Path configFile;

  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces and Spark logs.")
  boolean verbose;

  @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
      description = "Set of defaults: embedded (local files) or production (PostgreSQL, S3, Redis); default: profile"
          + " setting, MEDFLOW_PROFILE, else embedded.")
  String profile;

  private Services services;

  public Path configFile() {
    return configFile;
  }

  public boolean verbose() {
    return verbose;
  }

  public MedflowConfig config(Map<String, String> overrides) {
    return ConfigLoader.load(Optional.ofNullable(configFile), System.getenv(), withProfile(overrides));
  }

  /** Command-line overrides plus {@code --profile} when given. */
  public Map<String, String> withProfile(Map<String, String> overrides) {
    if (profile == null) {
      return overrides;
    }
    Map<String, String> all = new java.util.HashMap<>(overrides);
    all.put(com.medflow.config.Settings.PROFILE.key(), profile);
    return all;
  }

  /** The services of this process, built on first use from the configuration. */
  public synchronized Services services() {
    if (services == null) {
      services = new Services(config(Map.of()), Clock.systemUTC());
    }
    return services;
  }

  /** Services built with configuration overrides (command-line flags); replaces any built before. */
  public synchronized Services services(Map<String, String> overrides) {
    if (services != null) {
      services.close();
    }
    services = new Services(config(overrides), Clock.systemUTC());
    return services;
  }

  public synchronized void close() {
    if (services != null) {
      services.close();
    }
  }
}
