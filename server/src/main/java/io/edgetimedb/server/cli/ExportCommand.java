package io.edgetimedb.server.cli;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.memory.MeasurementMemory;
import io.edgetimedb.server.transfer.CsvExport;
import io.edgetimedb.server.transfer.LineProtocolExport;
import io.edgetimedb.server.transfer.PointExport;
import io.edgetimedb.server.transfer.TransferProgress;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code export --measurement m [--from ts] [--to ts] [--format lp|csv] [--data DIR] [--out
 * FILE]}: writes the rows of a measurement in [from, to) as line protocol or typed CSV, to a
 * file or stdout, in a form {@code import} reads back unchanged.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export a measurement of a database directory as line protocol or CSV.",
    exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 2)
final class ExportCommand implements Callable<Integer> {
  @Option(names = "--measurement", required = true, paramLabel = "NAME", description = "The measurement.")
  String measurement;

  @Option(names = "--from", paramLabel = "TS", description = "First time (epoch ms or ISO-8601), inclusive.")
  String from;

  @Option(names = "--to", paramLabel = "TS", description = "Last time (epoch ms or ISO-8601), exclusive.")
  String to;

  @Option(names = "--out", paramLabel = "FILE", description = "Output file (default stdout).")
  Path out;

  @Mixin
  DataOptions options;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    boolean csv = options.csv(out);
    PointExport export = csv ? new CsvExport() : new LineProtocolExport(options.precision(false));
    long rows;
    try (Database db = Database.open(DatabaseConfig.defaults().withDataDirectory(options.data));
        Writer writer = writer();
        TransferProgress progress = TransferProgress.start("export", points(db), "rows", options.quiet || out == null)) {
      if (!db.measurements().contains(measurement)) {
        spec.commandLine().getErr().println("unknown measurement '" + measurement + "'");
        spec.commandLine().getErr().flush();
        return 2;
      }
      rows = export.run(db, measurement, time(from, Long.MIN_VALUE), time(to, Long.MAX_VALUE), writer,
          progress::advance);
    }
    PrintWriter err = spec.commandLine().getErr();
    err.printf("exported %,d rows%n", rows);
    err.flush();
    return 0;
  }

  private Writer writer() throws IOException {
    return new BufferedWriter(out == null
        ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
        : Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }

  private long points(Database db) {
    return db.memoryUsage().measurements().stream().filter(m -> m.measurement().equals(measurement))
        .mapToLong(MeasurementMemory::points).sum();
  }

  private static long time(String text, long absent) {
    if (text == null) {
      return absent;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return Instant.parse(text).toEpochMilli();
    }
  }
}
