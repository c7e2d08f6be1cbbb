package io.edgetimedb.engine.durability;

import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.testsupport.DyingProcessFileSystem;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.simulation.SensorFeed;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every checkpoint a process writes must be readable, not only its first. (The checkpoint
 * writer once carried the body length and checksum of one checkpoint into the next, so the
 * second and later ones failed their footer check; since the log they replaced was gone,
 * recovery came back without the data they held.)
 */
class RepeatedCheckpointsTest {
  @TempDir
  Path dir;

  @Test
  void theNewestOfSeveralCheckpointsIsLoadedAfterACrash() {
    DatabaseConfig config = DatabaseConfig.defaults().withChunkRows(64).withDataDirectory(dir)
        .withCheckpointIntervalMillis(0);
    Database db = Database.open(config, new DyingProcessFileSystem(), ReplayProgressListener.NONE);
    SensorFeed feed = new SensorFeed(12, 5, 1_700_000_000_000L, 1000);
    for (int checkpoint = 0; checkpoint < 3; checkpoint++) {
      feed.writeTicks(db, 40);
      db.checkpoint();
    }
    List<String> written = DurableDatabaseTest.dump(db);
    // no close: recovery has only the third checkpoint and an empty log after it

    try (Database reopened = Database.open(config)) {
      RecoveryReport report = reopened.recoveryReport();
      assertThat(report.unusableCheckpoints()).isEmpty();
      assertThat(report.checkpointSequence()).isEqualTo(120);
      assertThat(DurableDatabaseTest.dump(reopened)).isEqualTo(written);
    }
  }
}
