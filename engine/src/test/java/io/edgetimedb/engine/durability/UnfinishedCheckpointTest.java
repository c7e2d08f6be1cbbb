package io.edgetimedb.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.simulation.SensorFeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint a crash interrupted is left as a temporary file under a name no later
 * checkpoint reuses; opening the directory removes it, so crashes do not pile files up.
 */
class UnfinishedCheckpointTest {
  @TempDir
  Path dir;

  @Test
  void openingDeletesCheckpointsThatWereStillBeingWritten() throws Exception {
    DatabaseConfig config = DatabaseConfig.defaults().withDataDirectory(dir).withCheckpointIntervalMillis(0);
    List<String> written;
    try (Database db = Database.open(config)) {
      new SensorFeed(6, 5, 1_700_000_000_000L, 1000).writeTicks(db, 20);
      written = DurableDatabaseTest.dump(db);
    }
    Path unfinished = dir.resolve(CheckpointFormat.temporaryName(7));
    Files.write(unfinished, new byte[] {1, 2, 3});
    Path foreign = Files.writeString(dir.resolve("notes.tmp"), "not the database's");

    try (Database reopened = Database.open(config)) {
      assertThat(unfinished).doesNotExist();
      assertThat(foreign).exists();
      assertThat(DurableDatabaseTest.dump(reopened)).isEqualTo(written);
    }
  }
}
