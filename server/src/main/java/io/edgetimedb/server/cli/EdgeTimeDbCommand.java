package io.edgetimedb.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar edgetimedb.jar <command>}: the one entry point of the runnable jar. */
@Command(
    name = "edgetimedb",
    mixinStandardHelpOptions = true,
    version = "EdgeTimeDB 0.1.0",
    description = "Time-series database for industrial IoT edge devices.",
    subcommands = {ServerCommand.class, ShellCommand.class, SqlCommand.class, ImportCommand.class,
        ExportCommand.class, CheckCommand.class, DemoCommand.class, SimulateCommand.class, BenchCommand.class,
        HashPasswordCommand.class})
public final class EdgeTimeDbCommand implements Runnable {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    FatalErrorHalt.install();
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (tests call this instead of main). */
  public static int run(String... args) {
    return new CommandLine(new EdgeTimeDbCommand()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
