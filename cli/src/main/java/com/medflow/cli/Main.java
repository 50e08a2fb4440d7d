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
    MedflowCommand root = new MedflowCommand();
    CommandLine cli = new CommandLine(root);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      PrintWriter err = cmd.getErr();
      err.println(cmd.getColorScheme().errorText("medflow: " + message(e)));
      if (root.verbose()) {
        e.printStackTrace(err);
      }
      err.flush();
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
