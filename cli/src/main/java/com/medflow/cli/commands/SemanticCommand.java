package com.medflow.cli.commands;

import com.medflow.assistant.semantic.ModelValidator;
import com.medflow.cli.MedflowCommand;
import com.medflow.cli.Services;
import com.medflow.model.Role;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medflow semantic validate}: every metric, dimension, example and verified answer compiled and run. */
@Command(name = "semantic", mixinStandardHelpOptions = true, description = "Work with the semantic model.",
    subcommands = {SemanticCommand.Validate.class})
public final class SemanticCommand {
  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Compile and run every metric, dimension, example and verified answer; report failures (exit 1 if any).")
  static final class Validate implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--all", description = "Print every check, not only failures.")
    boolean all;

    @Override
    public Integer call() {
      Services services = ((MedflowCommand) spec.root().userObject()).services();
      PrintWriter out = spec.commandLine().getOut();
      var ask = services.askService();
      ModelValidator validator = new ModelValidator(ask.engine(),
          sql -> services.queryService().run(sql, Role.ADMIN, OptionalInt.of(10)).result().rowCount());
      List<ModelValidator.NamedSql> verified = services.verifications().list().stream()
          .map(v -> new ModelValidator.NamedSql(v.question() + " (verified by " + v.verifiedBy() + ")", v.sql())).toList();
      int[] n = {0};
      List<ModelValidator.Check> checks = validator.validate(services.dataFacts(), verified, c -> {
        n[0]++;
        if (all || !c.ok()) {
          out.printf(Locale.ROOT, "%-4s %-16s %-60s %6d ms  %s%n", c.ok() ? "ok" : "FAIL", c.kind(), c.name(), c.ms(),
              c.detail());
        } else if (n[0] % 10 == 0) {
          out.printf(Locale.ROOT, "... %d checks%n", n[0]);
        }
        out.flush();
      });
      long failed = checks.stream().filter(c -> !c.ok()).count();
      java.util.Map<String, Long> byKind = new java.util.TreeMap<>();
      checks.forEach(c -> byKind.merge(c.kind(), 1L, Long::sum));
      out.printf(Locale.ROOT, "%d checks (%s): %d passed, %d failed%n", checks.size(), byKind.entrySet().stream()
          .map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + ", " + b).orElse("none"),
          checks.size() - failed, failed);
      out.flush();
      return failed == 0 ? 0 : 1;
    }
  }
}
