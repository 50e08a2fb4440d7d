package com.medflow.cli.commands;

import com.medflow.assistant.agent.Answer;
import com.medflow.assistant.agent.AskRequest;
import com.medflow.assistant.agent.AskService;
import com.medflow.assistant.agent.TraceEvent;
import com.medflow.cli.MedflowCommand;
import com.medflow.cli.term.ResultPrinter;
import com.medflow.cli.term.Terminal;
import com.medflow.model.Role;
import com.medflow.query.engine.QueryResult;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medflow ask}: one question, answered like {@code POST /api/ask}. */
@Command(name = "ask", mixinStandardHelpOptions = true,
    description = {"Answer one plain-English question: the number, the SQL and the explanation.",
        "--format json prints the /api/ask answer object and nothing else."})
public final class AskCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "QUESTION")
  String question;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--role", defaultValue = "analyst", description = "Answer as this role (default: ${DEFAULT-VALUE}).")
  String role;

  @Override
  public Integer call() {
    Role r = Role.parse(role).orElseThrow(() ->
        new picocli.CommandLine.ParameterException(spec.commandLine(), "--role must be admin, analyst or business"));
    MedflowCommand root = (MedflowCommand) spec.root().userObject();
    AskService ask = root.services().askService();
    Terminal term = Terminal.stderr();
    boolean json = format.equalsIgnoreCase("json");
    Answer a = ask.ask(new AskRequest(question, Optional.empty(), "cli", r),
        e -> term.line(term.dim(String.format(Locale.ROOT, "  %-13s %4d ms  %s", e.agent(), e.ms(), e.summary()))));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(AskService.toJson(a));
      out.flush();
      return 0;
    }
    out.println();
    if (!Answer.OK.equals(a.status())) {
      out.println(a.status().toUpperCase(Locale.ROOT) + ": " + a.explanation());
    } else {
      if (a.rowCount() == 1 && a.columns().size() == 1) {
        out.println(a.columns().get(0).name() + " = " + a.rows().get(0).get(0));
      } else {
        ResultPrinter.print(new QueryResult(a.columns(), a.rows(), a.truncated(), a.latencyMs()), ResultPrinter.Format.TABLE, out);
      }
      out.println();
      out.println("SQL: " + a.sql());
      out.println();
      out.println(a.explanation());
      a.assumptions().forEach(x -> out.println("  - " + x));
    }
    if (!a.suggestions().isEmpty()) {
      out.println();
      out.println("Try next: " + String.join(" | ", a.suggestions()));
    }
    out.println(String.format(Locale.ROOT, "%n(%s engine, %d ms%s)", a.engine(), a.latencyMs(), a.cached() ? ", cached" : ""));
    out.flush();
    return 0;
  }
}
