package io.edgetimedb.server.simulation;

import io.edgetimedb.server.cli.EdgeTimeDbCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code edgetimedb simulate ...} in this JVM and keeps its exit code, stdout and stderr. */
public record SimulateCli(int exitCode, String out, String err) {
  public static SimulateCli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("simulate", "--quiet"));
    all.addAll(List.of(args));
    CommandLine cli = new CommandLine(new EdgeTimeDbCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(all.toArray(String[]::new));
    return new SimulateCli(code, out.toString(), err.toString());
  }
}
