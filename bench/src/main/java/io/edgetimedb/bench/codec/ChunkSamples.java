package io.edgetimedb.bench.codec;

import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.simulation.SensorKind;
import io.edgetimedb.engine.write.PointBatch;

/** One chunk's worth of a sensor's timestamps and values from the plant feed. */
final class ChunkSamples {
  static final int ROWS = 1024;

  final long[] timestamps = new long[ROWS];
  final double[] doubles = new double[ROWS];
  final long[] longs = new long[ROWS];

  /** Samples of the first sensor of {@code kind}; timestamps jitter by up to {@code jitterMillis}. */
  ChunkSamples(SensorKind kind, long jitterMillis) {
    int sensors = SensorKind.values().length;
    SensorFeed feed = new SensorFeed(sensors, 11, 1_700_000_000_000L, 1000);
    PointBatch batch = new PointBatch();
    java.util.SplittableRandom jitter = new java.util.SplittableRandom(5);
    for (int row = 0; row < ROWS; row++) {
      batch.clear();
      feed.nextTick(batch);
      int field = batch.fieldStart(kind.ordinal());
      timestamps[row] = batch.timestamp(kind.ordinal()) + (jitterMillis == 0 ? 0 : jitter.nextLong(jitterMillis + 1));
      long bits = batch.fieldBits(field);
      doubles[row] = kind.type() == FieldType.DOUBLE ? Double.longBitsToDouble(bits) : bits;
      longs[row] = bits;
    }
  }
}
