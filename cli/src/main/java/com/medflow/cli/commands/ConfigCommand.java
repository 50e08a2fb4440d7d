package com.medflow.cli.commands;

import com.medflow.cli.MedflowCommand;
import com.medflow.config.ConfigLoader;
import com.medflow.config.ConfigLoader.EffectiveSetting;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code medflow config}: the effective configuration, each value with where it came from. */
@Command(name = "config", mixinStandardHelpOptions = true,
    description = {"Validate and print the effective configuration: every key, its value and where it came from",
        "(default, the configuration file, a MEDFLOW_* variable). Secrets are shown as (hidden).",
        "Exit code 2 when a value is invalid."})
public final class ConfigCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    MedflowCommand root = (MedflowCommand) spec.root().userObject();
    List<EffectiveSetting> entries = ConfigLoader.explain(Optional.ofNullable(root.configFile()), System.getenv(),
        root.withProfile(Map.of()));
    int keyWidth = entries.stream().mapToInt(e -> e.key().length()).max().orElse(10);
    int valueWidth = Math.min(60, entries.stream().mapToInt(e -> e.value().length()).max().orElse(10));
    PrintWriter out = spec.commandLine().getOut();
    String format = "%-" + keyWidth + "s  %-" + valueWidth + "s  %s%n";
    for (EffectiveSetting e : entries) {
      out.printf(format, e.key(), e.value().isEmpty() ? "-" : e.value(), e.origin());
    }
    out.flush();
    return 0;
  }
}
