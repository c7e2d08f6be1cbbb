package io.edgetimedb.server.cli;

import io.edgetimedb.engine.durability.DirectoryCheck;
import io.edgetimedb.engine.durability.DirectoryCheck.CheckedFile;
import io.edgetimedb.engine.durability.DirectoryCheck.FileKind;
import io.edgetimedb.engine.vfs.RealFileSystem;
import io.edgetimedb.engine.wal.WalCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Verifies every checkpoint and log segment of a database directory and prints one line per
 * file, then what a start would lose, judged as the server judges it before refusing to start;
 * changes nothing unless asked to repair. Exit code 0 when every file is intact (or was
 * repaired), 1 when damage was found and left, 2 for a usage error or a directory that cannot be
 * read.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Verify the checkpoints and write-ahead log of a database directory (stop the database first).",
    exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 2)
final class CheckCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "The database's data directory.")
  Path dir;

  @Option(names = "--repair",
      description = "Cut the log at its first bad record and move damaged checkpoints aside, "
          + "copying each file to <name>.bak first.")
  boolean repair;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isDirectory(dir)) {
      spec.commandLine().getErr().println("not a directory: " + dir);
      return 2;
    }
    RealFileSystem fs = new RealFileSystem();
    DirectoryCheck check = DirectoryCheck.run(fs, dir);
    print(out, check);
    if (check.isClean() || !repair) {
      out.println(check.isClean() ? "clean" : "damage found; nothing was changed (--repair fixes it)");
      out.flush();
      return check.isClean() ? 0 : 1;
    }
    List<Path> backups = check.repair();
    backups.forEach(backup -> out.println("kept " + backup));
    DirectoryCheck after = DirectoryCheck.run(fs, dir);
    out.println("after repair:");
    print(out, after);
    out.println(after.isClean() ? "repaired, clean" : "still damaged after repair");
    out.flush();
    return after.isClean() ? 0 : 1;
  }

  private void print(PrintWriter out, DirectoryCheck check) {
    long records = 0;
    long points = 0;
    for (CheckedFile file : check.files()) {
      out.println(line(file));
      records += file.records();
      points += file.points();
    }
    out.printf("%d files, %,d log records, %,d points%n", check.files().size(), records, points);
    out.println(check.recoveryLoss().isNone() ? "a start loses nothing"
        : "a start would lose " + check.recoveryLoss().describe() + " (the server refuses to start without "
            + "--accept-loss)");
  }

  private String line(CheckedFile file) {
    String name = dir.relativize(file.path()).toString();
    String contents = file.kind() == FileKind.CHECKPOINT
        ? String.format("checkpoint of sequence %d: %,d series, %,d points", file.sequence(), file.series(),
            file.points())
        : String.format("log from sequence %d: %,d records, %,d points", file.sequence(), file.records(),
            file.points());
    if (file.state() == WalCheck.State.INTACT) {
      return String.format("ok       %s (%s, %,d bytes)", name, contents, file.bytes());
    }
    String label = file.state() == WalCheck.State.TORN_TAIL ? "torn" : "damaged";
    return String.format("%-8s %s (%s, %,d bytes): %s; lost: %s", label, name, contents, file.bytes(),
        file.problem(), file.loss());
  }
}
