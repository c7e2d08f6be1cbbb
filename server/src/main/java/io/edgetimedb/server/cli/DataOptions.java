package io.edgetimedb.server.cli;

import io.edgetimedb.engine.lineprotocol.Precision;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Options import and export share: the database directory, the format, the precision, quiet. */
final class DataOptions {
  @Option(names = "--data", paramLabel = "DIR", defaultValue = "edgetimedb-data",
      description = "Data directory of the database (default ./${DEFAULT-VALUE}); stop the server first.")
  Path data;

  @Option(names = "--format", paramLabel = "lp|csv", description = "lp (line protocol) or csv; "
      + "default from the file name (.csv is csv), else lp.")
  String format;

  @Option(names = "--precision", paramLabel = "ns|us|ms|s",
      description = "Unit of epoch timestamps; default ns for line protocol (as InfluxDB), ms for CSV.")
  String precision;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  boolean csv(Path file) {
    String chosen = format != null ? format.toLowerCase(Locale.ROOT)
        : file != null && file.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? "csv" : "lp";
    return switch (chosen) {
      case "csv" -> true;
      case "lp" -> false;
      default -> throw new IllegalArgumentException("unknown format '" + format + "' (expected lp or csv)");
    };
  }

  Precision precision(boolean csv) {
    return Precision.fromQueryParameter(precision != null ? precision : csv ? "ms" : "ns");
  }
}
