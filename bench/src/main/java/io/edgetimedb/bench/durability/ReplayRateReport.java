package io.edgetimedb.bench.durability;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.durability.RecoveryReport;
import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.wal.FsyncPolicy;
import io.edgetimedb.engine.wal.WalOptions;
import io.edgetimedb.testsupport.DirectoryTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How fast a durable database comes back from its log alone: writes 10 M points of a
 * 1,000-sensor plant into a log on the real file system with no checkpoint, leaves the
 * database unclosed as a crash would, then times {@code Database.open} replaying it, three
 * times (the first on a cold JVM). Target: at least 5 M points/s.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.edgetimedb.bench.durability.ReplayRateReport
 * [results dir] [points]} prints the report and writes it to {@code replay.md} there.
 */
public final class ReplayRateReport {
  private static final int SENSORS = 1000;
  private static final int RUNS = 3;

  private ReplayRateReport() {}

  public static void main(String[] args) throws IOException {
    Path results = Path.of(args.length > 0 ? args[0] : "bench/results");
    long points = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    Path dir = Files.createTempDirectory("edgetimedb-replay-");
    try {
      String report = measure(dir, (int) (points / SENSORS));
      System.out.print(report);
      Files.writeString(results.resolve("replay.md"), report, StandardCharsets.UTF_8);
    } finally {
      DirectoryTrees.delete(dir);
    }
  }

  private static String measure(Path dir, int ticks) throws IOException {
    DatabaseConfig config = DatabaseConfig.defaults().withDataDirectory(dir).withCheckpointIntervalMillis(0)
        .withWal(WalOptions.defaults().withFsyncPolicy(FsyncPolicy.OS));
    long writeStart = System.nanoTime();
    Database writer = Database.open(config);
    new SensorFeed(SENSORS, 11, 1_700_000_000_000L, 1000).writeTicks(writer, ticks);
    long writeNanos = System.nanoTime() - writeStart;
    // not closed: closing would checkpoint, and the point is to replay the whole log
    long points = (long) ticks * SENSORS;
    StringBuilder out = new StringBuilder();
    out.append("# Recovery replay rate\n\n");
    Path wal = dir.resolve("wal");
    out.append(String.format("%,d points (%,d batches of %,d) written with fsync=OS in %.1f s;"
        + " log: %.1f MB in %d segments, no checkpoint.%n%n", points, ticks, SENSORS, writeNanos / 1e9,
        bytesUnder(wal) / 1e6, segmentsUnder(wal)));
    out.append("| run | replay (Database.open) | points/s | records applied |\n| ---: | ---: | ---: | ---: |\n");
    for (int run = 1; run <= RUNS; run++) {
      out.append(replayOnce(config, run, points));
    }
    out.append(String.format("%nJava %s, %d processors, %s. Target: >= 5 M points/s.%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name")));
    return out.toString();
  }

  /** One open of the directory, timed; left unclosed (closing would checkpoint), so each run replays it all. */
  private static String replayOnce(DatabaseConfig config, int run, long points) {
    long start = System.nanoTime();
    Database db = Database.open(config);
    long nanos = System.nanoTime() - start;
    RecoveryReport report = db.recoveryReport();
    if (report.checkpoint() != null || !report.replay().isClean()) {
      throw new IllegalStateException("expected a clean replay of the log alone: " + report);
    }
    return String.format("| %d | %.2f s | %,.0f | %,d |%n", run, nanos / 1e9, points / (nanos / 1e9),
        report.recordsApplied());
  }

  private static long bytesUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.mapToLong(ReplayRateReport::size).sum();
    }
  }

  private static long segmentsUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".log")).count();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
