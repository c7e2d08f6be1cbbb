package io.edgetimedb.server.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code edgetimedb sql JDBC-URL "statement" [--csv]}: runs one statement and prints its rows as an
 * aligned table (or CSV) or its update count. Scripts read the exit code: 0 on success, 1 when
 * the statement fails, with "ERROR [SQLSTATE] message" on stderr.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Run one SQL statement and print its result.")
final class SqlCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "JDBC URL, e.g. jdbc:edgetimedb:remote:url=http://localhost:8765")
  String url;

  @Parameters(index = "1", description = "The statement.")
  String sql;

  @Option(names = "--csv", description = "Print rows as CSV (RFC 4180) instead of a table.")
  boolean csv;

  @Option(names = {"-u", "--user"}, description = "User name (HTTP BASIC for a remote URL).")
  String user;

  @Option(names = {"-p", "--password"}, description = "Password.")
  String password;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Connection c = DriverManager.getConnection(url, credentials()); Statement s = c.createStatement()) {
      if (s.execute(sql)) {
        try (ResultSet rs = s.getResultSet()) {
          if (csv) {
            CsvRows.print(rs, out);
          } else {
            AlignedTable.print(rs, out);
          }
        }
      } else {
        long count = s.getLargeUpdateCount();
        out.println(count + (count == 1 ? " row" : " rows") + " affected");
      }
      out.flush();
      return 0;
    } catch (SQLException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("ERROR [" + e.getSQLState() + "] " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  private Properties credentials() {
    Properties p = new Properties();
    if (user != null) {
      p.setProperty("user", user);
      p.setProperty("password", password == null ? "" : password);
    }
    return p;
  }
}
