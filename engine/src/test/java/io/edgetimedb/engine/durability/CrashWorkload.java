package io.edgetimedb.engine.durability;

import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.wal.FsyncPolicy;
import io.edgetimedb.engine.wal.WalOptions;
import io.edgetimedb.engine.write.PointBatch;
import java.nio.file.Path;

/**
 * The workload the crash test kills: numbered batches whose content follows from the number
 * alone, so that a parent can check what a killed child wrote without being told. Batch k
 * holds {@link #POINTS} points, {@link #POINTS_PER_SERIES} consecutive timestamps of its own in
 * each of {@link #SERIES} series, with a DOUBLE and a BIGINT field.
 */
final class CrashWorkload {
  static final String MEASUREMENT = "crash";
  static final int SERIES = 4;
  static final int POINTS_PER_SERIES = 5;
  static final int POINTS = SERIES * POINTS_PER_SERIES;
  private static final long BASE_MILLIS = 1_700_000_000_000L;

  private CrashWorkload() {}

  /**
   * Small WAL segments and a checkpoint every 50 ms, so that kills land in segment rotations
   * and checkpoints as often as in plain writes; 64-row chunks, so that checkpoints hold sealed
   * chunks as well as heads.
   */
  static DatabaseConfig config(Path dir, FsyncPolicy policy) {
    return DatabaseConfig.defaults().withChunkRows(64).withDataDirectory(dir)
        .withWal(WalOptions.defaults().withFsyncPolicy(policy).withSegmentBytes(64 << 10))
        .withCheckpointIntervalMillis(50);
  }

  static void fill(long batch, PointBatch points) {
    points.clear();
    for (int s = 0; s < SERIES; s++) {
      for (int j = 0; j < POINTS_PER_SERIES; j++) {
        points.point(MEASUREMENT, timestamp(batch, j)).tag("series", seriesName(s))
            .field("value", value(batch, s, j)).field("count", count(batch, s, j));
      }
    }
  }

  static long timestamp(long batch, int j) {
    return BASE_MILLIS + batch * POINTS_PER_SERIES + j;
  }

  static long batchOf(long timestamp) {
    return Math.floorDiv(timestamp - BASE_MILLIS, POINTS_PER_SERIES);
  }

  static int pointOf(long timestamp) {
    return (int) Math.floorMod(timestamp - BASE_MILLIS, POINTS_PER_SERIES);
  }

  static String seriesName(int s) {
    return "s" + s;
  }

  /**
   * Short decimals most of the time (the decimal codec) and full-precision values every third
   * batch (its XOR fallback), so that both paths must keep every bit. StrictMath gives the same
   * bits in every JVM.
   */
  static double value(long batch, int s, int j) {
    long n = batch * POINTS + s * POINTS_PER_SERIES + j;
    return batch % 3 == 0 ? StrictMath.sin(n) * 1000 : s * 100 + (n % 100_000) / 100.0;
  }

  static long count(long batch, int s, int j) {
    return batch * 1_000_003L ^ ((long) s << 8 | j);
  }
}
