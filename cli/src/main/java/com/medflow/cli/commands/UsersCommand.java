package com.medflow.cli.commands;

import com.medflow.cli.MedflowCommand;
import com.medflow.model.Role;
import com.medflow.store.users.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medflow users add|list|remove}: accounts in the application database. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage users.",
    subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Remove.class})
public final class UsersCommand {
  static MedflowCommand root(CommandSpec spec) {
    return (MedflowCommand) spec.root().userObject();
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user or change their role and password.")
  static final class Add implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Option(names = "--role", required = true, description = "admin, analyst or business.")
    String role;

    @Option(names = "--password", description = "The password (default: read one line from standard input).")
    String password;

    @Override
    public Integer call() throws IOException {
      Role r = Role.parse(role).orElseThrow(() ->
          new picocli.CommandLine.ParameterException(spec.commandLine(), "--role must be admin, analyst or business"));
      String pw = password;
      if (pw == null) {
        pw = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      }
      root(spec).services().accounts().add(username, pw, r);
      spec.commandLine().getOut().println("user " + username + " (" + r.wireName() + ") saved");
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
  static final class ListUsers implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      for (User u : root(spec).services().accounts().store().list()) {
        spec.commandLine().getOut().printf("%-24s %-9s %s%n", u.username(), u.role().wireName(), u.createdAt());
      }
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user.")
  static final class Remove implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Override
    public Integer call() {
      if (!root(spec).services().accounts().store().remove(username)) {
        throw new IllegalArgumentException("No user " + username);
      }
      spec.commandLine().getOut().println("user " + username + " removed");
      return 0;
    }
  }
}
