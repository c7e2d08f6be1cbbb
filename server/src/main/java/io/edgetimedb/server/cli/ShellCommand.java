package io.edgetimedb.server.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sqlline.SqlLine;

/**
 * {@code edgetimedb shell [JDBC-URL]}: sqlline connected to a database, by default the local
 * server's Avatica endpoint. Any JDBC URL of the bundled driver works, embedded ones included.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
    description = "Open an interactive SQL shell (sqlline) on a database.")
final class ShellCommand implements Callable<Integer> {
  static final String DEFAULT_URL = "jdbc:edgetimedb:remote:url=http://localhost:8765";
  /** Table width when there is no terminal. */
  private static final int PIPED_WIDTH = 200;

  @Parameters(index = "0", arity = "0..1", defaultValue = DEFAULT_URL,
      description = "JDBC URL (default ${DEFAULT-VALUE}).")
  String url;

  @Option(names = {"-u", "--user"}, description = "User name (HTTP BASIC for a remote URL).")
  String user;

  @Option(names = {"-p", "--password"}, description = "Password.", interactive = true, arity = "0..1")
  String password;

  @Override
  public Integer call() throws IOException {
    // sqlline asks for a user name and password unless given some; empty ones mean "none".
    List<String> args = new ArrayList<>(List.of("-u", url, "-n", user == null ? "" : user,
        "-p", password == null ? "" : password, "--isolation=TRANSACTION_NONE"));
    if (System.console() == null) {
      // Input from a pipe or file: no terminal to size tables by, and sqlline would squeeze
      // every column to nothing.
      args.add("--maxWidth=" + PIPED_WIDTH);
    }
    SqlLine.Status status = new SqlLine().begin(args.toArray(String[]::new), null, false);
    return status == SqlLine.Status.OK ? 0 : 1;
  }
}
