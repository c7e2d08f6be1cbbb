package io.edgetimedb.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.wal.FsyncPolicy;
import io.edgetimedb.engine.wal.WalOptions;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.testsupport.DyingProcessFileSystem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovers a database from its log alone and prints the replay rate in points per second. A
 * short version of bench's ReplayRateReport (10 M points): the assertions are on what came
 * back, never on the time, which depends on the machine.
 */
class ReplayRateTest {
  private static final int SENSORS = 1000;
  private static final int TICKS = 300;

  @TempDir
  Path dir;

  @Test
  void replaysALogOfThreeHundredThousandPoints() {
    DatabaseConfig config = DatabaseConfig.defaults().withDataDirectory(dir).withCheckpointIntervalMillis(0)
        .withWal(WalOptions.defaults().withFsyncPolicy(FsyncPolicy.OS));
    Database writer = Database.open(config, new DyingProcessFileSystem(), ReplayProgressListener.NONE);
    new SensorFeed(SENSORS, 11, 1_700_000_000_000L, 1000).writeTicks(writer, TICKS);
    long points = writer.memoryUsage().points();
    // not closed: closing would checkpoint, and the point is to replay the whole log

    long start = System.nanoTime();
    try (Database reopened = Database.open(config)) {
      long nanos = System.nanoTime() - start;
      assertThat(reopened.recoveryReport().checkpoint()).isNull();
      assertThat(reopened.recoveryReport().recordsApplied()).isEqualTo(TICKS);
      assertThat(reopened.memoryUsage().points()).isEqualTo(points).isEqualTo((long) SENSORS * TICKS);
      System.out.printf("replay: %,d points in %.3f s: %,.0f points/s%n", points, nanos / 1e9, points / (nanos / 1e9));
    }
  }
}
