package com.medflow.cli;

import com.medflow.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of {@code ./medflow}: runs one command and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs one command writing results to {@code out} and errors to {@code err}; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    MedflowCommand root = new MedflowCommand();
    CommandLine cli = new CommandLine(root).setOut(out).setErr(err);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      PrintWriter errors = cmd.getErr();
      errors.println(cmd.getColorScheme().errorText("medflow: " + message(e)));
      if (root.verbose()) {
        e.printStackTrace(errors);
      }
      errors.flush();
      return e instanceof ConfigException ? 2 : 1;
    });
    try {
      return cli.execute(args);
    } finally {
      root.close();
    }
  }

  static String message(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      Throwable c = e.getCause();
      m = c != null && c.getMessage() != null ? c.getMessage() : e.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }
}
