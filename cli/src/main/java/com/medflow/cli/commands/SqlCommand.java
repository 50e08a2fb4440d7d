package com.medflow.cli.commands;

import com.medflow.cli.MedflowCommand;
import com.medflow.cli.term.ResultPrinter;
import com.medflow.model.Role;
import com.medflow.query.SqlAnswer;
import java.io.PrintWriter;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medflow sql}: one read-only query through the same guard the API uses (as an admin: PII visible). */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Run one read-only query (SELECT / WITH ... SELECT) against the catalog.",
        "Anything else is refused with the reason. Results go to standard output."})
public final class SqlCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SQL", description = "The query.")
  String sql;

  @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--limit", paramLabel = "N", description = "Most rows to return (default: query.default-limit).")
  Integer limit;

  @Override
  public Integer call() {
    ResultPrinter.Format f;
    try {
      f = ResultPrinter.Format.valueOf(format.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format must be table, json or csv");
    }
    MedflowCommand root = (MedflowCommand) spec.root().userObject();
    SqlAnswer a = root.services().queryService().run(sql, Role.ADMIN,
        limit == null ? OptionalInt.empty() : OptionalInt.of(limit));
    PrintWriter out = spec.commandLine().getOut();
    ResultPrinter.print(a.result(), f, out);
    return 0;
  }
}
