package io.edgetimedb.bench.ingest;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.write.WriteResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The batch API on one thread: each invocation writes one tick of a 1,000-sensor plant (1,000
 * points across six measurements). Scores are points per second; run with {@code -prof gc} to
 * see the bytes allocated per point: after warm-up the heads have grown and are reused, so what
 * is left is the sealed chunks the engine keeps (about the compressed size), not garbage.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(BatchIngestBenchmark.SENSORS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class BatchIngestBenchmark {
  static final int SENSORS = 1000;

  private Database db;
  private SensorFeed feed;
  private final PointBatch batch = new PointBatch();
  private final PointBatch[] ticks = new PointBatch[64];
  private int next;
  private long ticksWritten;

  /** One database for the whole run: after warm-up its heads have grown, as on a long-running box. */
  @Setup(Level.Trial)
  public void open() {
    db = Database.open(DatabaseConfig.defaults());
    feed = new SensorFeed(SENSORS, 3, 1_700_000_000_000L, 1000);
    ticksWritten = 0;
    for (int i = 0; i < ticks.length; i++) {
      ticks[i] = new PointBatch();
    }
  }

  /** Writes a pre-built tick at the next second, so the benchmark measures the engine, not the feed. */
  @Benchmark
  public WriteResult writeTick() {
    PointBatch tick = ticks[next];
    if (tick.size() == 0) {
      feed.nextTick(tick);
    }
    next = (next + 1) % ticks.length;
    batch.clear();
    copyAt(tick, 1_700_000_000_000L + ticksWritten++ * 1000L);
    return db.write(batch);
  }

  private void copyAt(PointBatch from, long timestamp) {
    for (int p = 0; p < from.size(); p++) {
      batch.point(from.measurement(p), timestamp);
      for (int t = from.tagStart(p); t < from.tagStart(p) + from.tagCount(p); t++) {
        batch.tag(from.tagKeys()[t], from.tagValues()[t]);
      }
      int f = from.fieldStart(p);
      switch (from.fieldType(f)) {
        case DOUBLE -> batch.field(from.fieldName(f), Double.longBitsToDouble(from.fieldBits(f)));
        case BIGINT -> batch.field(from.fieldName(f), from.fieldBits(f));
        case BOOLEAN -> batch.field(from.fieldName(f), from.fieldBits(f) != 0);
        default -> batch.field(from.fieldName(f), (String) from.fieldRef(f));
      }
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    db.close();
  }
}
