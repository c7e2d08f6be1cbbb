package io.edgetimedb.server.cli;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.server.transfer.CsvImport;
import io.edgetimedb.server.transfer.HttpPointSink;
import io.edgetimedb.server.transfer.ImportReport;
import io.edgetimedb.server.transfer.LineProtocolImport;
import io.edgetimedb.server.transfer.PointSink;
import io.edgetimedb.server.transfer.TransferProgress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import FILE [--format lp|csv] [--data DIR | --url http://host:8086] [--measurement m] [--tags a,b]}:
 * writes a file into the database in the directory, or into a running server through its HTTP
 * port (the server holds its directory's lock). Bad rows are listed with line and column and
 * skipped; good ones are kept. Exit code 0 when every row was written, 1 when some were refused, 2 when
 * nothing could be imported.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import line protocol or CSV into a database directory.",
    exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 2)
final class ImportCommand implements Callable<Integer> {
  private static final int ERRORS_SHOWN = 20;

  @Parameters(index = "0", paramLabel = "FILE", description = "The file to import.")
  Path file;

  @Mixin
  DataOptions options;

  @Option(names = "--url", paramLabel = "URL",
      description = "Import into a running server through its HTTP port (http://host:8086) instead of --data.")
  String url;

  @Option(names = "--measurement", paramLabel = "NAME", description = "CSV: the measurement the rows go to.")
  String measurement;

  @Option(names = "--tags", paramLabel = "COLUMN", split = ",",
      description = "CSV: columns that are tags (besides those whose header says name:tag).")
  List<String> tags = List.of();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    boolean csv = options.csv(file);
    if (csv && measurement == null) {
      spec.commandLine().getErr().println("a CSV import needs --measurement");
      spec.commandLine().getErr().flush();
      return 2;
    }
    ImportReport report;
    try {
      report = url != null ? importInto(new HttpPointSink(url), csv) : importIntoDirectory(csv);
    } catch (UncheckedIOException e) {
      spec.commandLine().getErr().println("import stopped: " + e.getCause().getMessage() + "; what was sent before "
          + "stays stored, and importing the file again is safe (a point written twice keeps one value)");
      spec.commandLine().getErr().flush();
      return 2;
    }
    report.errors().stream().limit(ERRORS_SHOWN).forEach(e -> out.println(file + ": " + e));
    if (report.errorCount() > ERRORS_SHOWN) {
      out.printf("... and %,d more refused rows%n", report.errorCount() - ERRORS_SHOWN);
    }
    out.println(report.summary());
    out.flush();
    return report.errorCount() == 0 ? 0 : 1;
  }

  private ImportReport importIntoDirectory(boolean csv) throws IOException {
    try (Database db = Database.open(DatabaseConfig.defaults().withDataDirectory(options.data))) {
      return importInto(db::write, csv);
    }
  }

  private ImportReport importInto(PointSink sink, boolean csv) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        TransferProgress progress = TransferProgress.start("import", Files.size(file), "B", options.quiet)) {
      return csv ? csv(sink, in, progress) : lineProtocol(sink, in, progress);
    }
  }

  private ImportReport csv(PointSink sink, InputStream in, TransferProgress progress) throws IOException {
    CsvImport csvImport = new CsvImport(measurement, new HashSet<>(tags), options.precision(true), sink);
    // CSV is read as characters, so the bar moves by the bytes the decoder has taken in
    CountingInputStream counted = new CountingInputStream(in);
    BufferedReader reader = new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8));
    long[] reported = {0};
    ImportReport report = csvImport.run(reader, line -> {
      progress.advance(counted.count() - reported[0]);
      reported[0] = counted.count();
    });
    progress.advance(counted.count() - reported[0]);
    return report;
  }

  private ImportReport lineProtocol(PointSink sink, InputStream in, TransferProgress progress) throws IOException {
    return new LineProtocolImport(options.precision(false), sink).run(in, progress::advance);
  }
}
