package io.edgetimedb.server.cli;

import io.edgetimedb.server.security.PasswordHash;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code hash-password}: reads a password (from the terminal without echo, else the first line of
 * standard input) and prints the form the users file stores it in, so clear-text passwords need
 * not be written anywhere: {@code alice admin $(edgetimedb hash-password)}.
 */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
    description = "Print the users-file form (pbkdf2-sha256:...) of a password read from the terminal or stdin.",
    exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1)
final class HashPasswordCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    String password = read();
    if (password == null || password.isEmpty()) {
      spec.commandLine().getErr().println("no password given (type it, or pipe it on standard input)");
      return 2;
    }
    spec.commandLine().getOut().println(PasswordHash.create(password));
    spec.commandLine().getOut().flush();
    return 0;
  }

  private static String read() throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] typed = console.readPassword("password: ");
      return typed == null ? null : new String(typed);
    }
    return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
  }
}
