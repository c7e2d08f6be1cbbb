package io.edgetimedb.bench.durability;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.wal.FsyncPolicy;
import io.edgetimedb.engine.wal.WalOptions;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.write.WriteResult;
import io.edgetimedb.testsupport.DirectoryTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The batch API under eight concurrent writers, into a durable database on the real file
 * system (a temporary directory) under each fsync policy, next to the in-memory database.
 * Each writer sends ticks of its own 1,000-sensor plant (1,000 points a batch, its own series
 * through a {@code writer} tag); scores are points per second over all writers. Under GROUP
 * the writers share fsyncs; under ALWAYS each batch waits for an fsync of its own.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(DurableIngestBenchmark.SENSORS)
@Threads(8)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class DurableIngestBenchmark {
  static final int SENSORS = 1000;
  private static final long START_MILLIS = 1_700_000_000_000L;

  /** One database shared by all writer threads. */
  @State(Scope.Benchmark)
  public static class Target {
    /** MEMORY for the in-memory database, else the fsync policy of a durable one. */
    @Param({"MEMORY", "GROUP", "ALWAYS", "OS"})
    public String storage;

    final AtomicInteger writers = new AtomicInteger();
    Database db;
    private Path dir;

    @Setup(Level.Trial)
    public void open() throws IOException {
      DatabaseConfig config = DatabaseConfig.defaults();
      if (!storage.equals("MEMORY")) {
        dir = Files.createTempDirectory("edgetimedb-ingest-");
        config = config.withDataDirectory(dir)
            .withWal(WalOptions.defaults().withFsyncPolicy(FsyncPolicy.valueOf(storage)));
      }
      db = Database.open(config);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      db.close();
      if (dir != null) {
        DirectoryTrees.delete(dir);
      }
    }
  }

  /**
   * One writer: its own plant, tagged with its number, cycling through pre-built ticks at ever
   * later timestamps, so that the benchmark measures the engine and not the feed.
   */
  @State(Scope.Thread)
  public static class Writer {
    private final PointBatch batch = new PointBatch().source("bench");
    private final PointBatch[] ticks = new PointBatch[64];
    private String name;
    private long ticksWritten;

    @Setup(Level.Trial)
    public void prepare(Target target) {
      int number = target.writers.getAndIncrement();
      name = "w" + number;
      SensorFeed feed = new SensorFeed(SENSORS, 3 + number, START_MILLIS, 1000);
      for (int i = 0; i < ticks.length; i++) {
        ticks[i] = new PointBatch();
        feed.nextTick(ticks[i]);
      }
    }

    PointBatch next() {
      PointBatch tick = ticks[(int) (ticksWritten % ticks.length)];
      batch.clear();
      long timestamp = START_MILLIS + ticksWritten++ * 1000L;
      for (int p = 0; p < tick.size(); p++) {
        batch.point(tick.measurement(p), timestamp).tag("writer", name);
        for (int t = tick.tagStart(p); t < tick.tagStart(p) + tick.tagCount(p); t++) {
          batch.tag(tick.tagKeys()[t], tick.tagValues()[t]);
        }
        copyField(tick, p);
      }
      return batch;
    }

    private void copyField(PointBatch tick, int p) {
      int f = tick.fieldStart(p);
      switch (tick.fieldType(f)) {
        case DOUBLE -> batch.field(tick.fieldName(f), Double.longBitsToDouble(tick.fieldBits(f)));
        case BIGINT -> batch.field(tick.fieldName(f), tick.fieldBits(f));
        case BOOLEAN -> batch.field(tick.fieldName(f), tick.fieldBits(f) != 0);
        default -> batch.field(tick.fieldName(f), (String) tick.fieldRef(f));
      }
    }
  }

  @Benchmark
  public WriteResult writeTick(Target target, Writer writer) {
    return target.db.write(writer.next());
  }
}
