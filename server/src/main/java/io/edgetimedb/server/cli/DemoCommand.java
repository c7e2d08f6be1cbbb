package io.edgetimedb.server.cli;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.index.TagPredicate;
import io.edgetimedb.engine.memory.MeasurementMemory;
import io.edgetimedb.engine.memory.MemoryUsage;
import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.engine.simulation.SensorFeed;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Simulates a plant into an in-memory database as fast as it can, then shows what the engine
 * holds: ingest rate, memory by measurement, bytes per point, and the newest readings of one
 * sensor.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Write a simulated sensor fleet into an in-memory database and report on it.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--sensors", defaultValue = "1000", description = "Sensors in the fleet (default ${DEFAULT-VALUE}).")
  int sensors;

  @Option(names = "--ticks", defaultValue = "3600", description = "Samples per sensor, one a second (default ${DEFAULT-VALUE}).")
  int ticks;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Database db = Database.open(DatabaseConfig.defaults())) {
      long start = 1_700_000_000_000L;
      long elapsed = ingest(db, start);
      long points = (long) sensors * ticks;
      out.printf("wrote %,d points from %,d sensors in %.2f s: %,.0f points/s%n", points, sensors, elapsed / 1e9,
          points / (elapsed / 1e9));
      report(out, db.memoryUsage());
      newest(out, db, start);
    }
    out.flush();
    return 0;
  }

  private long ingest(Database db, long start) {
    long began = System.nanoTime();
    new SensorFeed(sensors, 7, start, 1000).writeTicks(db, ticks);
    return System.nanoTime() - began;
  }

  private static void report(PrintWriter out, MemoryUsage usage) {
    out.printf("%-12s %8s %12s %12s %12s %12s%n", "measurement", "series", "points", "head bytes", "chunk bytes",
        "index bytes");
    for (MeasurementMemory m : usage.measurements()) {
      out.printf("%-12s %,8d %,12d %,12d %,12d %,12d%n", m.measurement(), m.series(), m.points(), m.heads(),
          m.chunks(), m.index());
    }
    out.println("(heads keep each series' newest rows, up to a chunk of 1,024, uncompressed in reused arrays;"
        + " sealed chunks are compressed)");
    out.printf("total %,d bytes held of a %,d byte budget (heads %,d, chunks %,d, index %,d, dictionaries %,d)%n",
        usage.total(), usage.budget(), usage.heads(), usage.chunks(), usage.index(), usage.dictionaries());
  }

  private void newest(PrintWriter out, Database db, long start) {
    ReadRequest latest = ReadRequest.of("temperature").where(TagPredicate.eq("sensor", "s00000"))
        .descending(true).limitPerSeries(5);
    out.println("newest readings of temperature sensor s00000:");
    try (PointCursor c = db.read(latest)) {
      while (c.next()) {
        out.printf("  %s  %.2f%n", Instant.ofEpochMilli(c.timestamp()), c.getDouble(0));
      }
    }
  }
}
