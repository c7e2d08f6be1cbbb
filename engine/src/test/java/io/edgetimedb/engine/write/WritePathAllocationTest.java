package io.edgetimedb.engine.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.simulation.SensorFeed;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The steady-state write path allocates nothing per point: once the series exist and their
 * heads have grown to chunk size (one chunk sealed), writing more points into the heads costs
 * no heap beyond the one result object per batch. Counted with the JVM's per-thread
 * allocation counter, so this is deterministic, not a timing.
 */
class WritePathAllocationTest {
  private static final int SENSORS = 120;
  private static final int CHUNK_ROWS = 256;

  @Test
  void writingIntoGrownHeadsAllocatesOnlyTheBatchResult() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Database db = Database.open(DatabaseConfig.defaults().withChunkRows(CHUNK_ROWS));
    SensorFeed feed = new SensorFeed(SENSORS, 9, 1_700_000_000_000L, 1000);
    PointBatch[] ticks = prebuiltTicks(feed, 2 * CHUNK_ROWS);
    for (int t = 0; t < CHUNK_ROWS + 10; t++) {
      db.write(ticks[t]);
    }

    int measured = CHUNK_ROWS - 20;
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int t = CHUNK_ROWS + 10; t < CHUNK_ROWS + 10 + measured; t++) {
      db.write(ticks[t]);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    long points = (long) measured * SENSORS;
    assertThat(allocated).as("%d bytes for %d points in %d batches", allocated, points, measured)
        .isLessThanOrEqualTo(64L * measured);
  }

  private static PointBatch[] prebuiltTicks(SensorFeed feed, int count) {
    PointBatch[] ticks = new PointBatch[count];
    for (int t = 0; t < count; t++) {
      ticks[t] = new PointBatch();
      feed.nextTick(ticks[t]);
    }
    return ticks;
  }
}
