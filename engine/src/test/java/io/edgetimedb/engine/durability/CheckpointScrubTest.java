package io.edgetimedb.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.EngineSettings;
import io.edgetimedb.engine.health.HealthCondition;
import io.edgetimedb.engine.health.Severity;
import io.edgetimedb.engine.vfs.CutPolicy;
import io.edgetimedb.engine.vfs.SimulatedFileSystem;
import io.edgetimedb.engine.wal.FsyncPolicy;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.engine.wal.WalOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints are re-verified at rest on a schedule: a byte that rots on the disk after the
 * checkpoint was written and verified is found, named in the health register (DAMAGED), and a
 * good copy is written from memory at once, before a restart needs it.
 */
class CheckpointScrubTest {
  private static final Path DIR = Path.of("/db");

  private static DatabaseConfig config() {
    return DatabaseConfig.defaults().withChunkRows(16).withDataDirectory(DIR).withCheckpointIntervalMillis(0)
        .withWal(WalOptions.defaults().withFsyncPolicy(FsyncPolicy.ALWAYS).withSegmentBytes(64 << 10)
            .withSpareInBackground(false));
  }

  private static Database writtenAndCheckpointed(SimulatedFileSystem fs) {
    Database db = Database.open(config(), fs, ReplayProgressListener.NONE);
    for (int k = 0; k < 30; k++) {
      db.write(StorageFaultTest.batch(k));
    }
    db.checkpoint();
    return db;
  }

  private static List<Path> checkpoints(SimulatedFileSystem fs) throws IOException {
    return fs.list(DIR).stream().filter(p -> p.getFileName().toString().endsWith(".etc")).toList();
  }

  @Test
  void aScrubFindsACheckpointDamagedAtRestNamesItAndWritesAGoodCopyAtOnce() throws IOException {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    Database db = writtenAndCheckpointed(fs);
    Path checkpoint = checkpoints(fs).get(0);
    fs.flipByte(checkpoint, fs.size(checkpoint) / 2);

    db.scrub();

    HealthCondition damaged = db.health().get(Database.CHECKPOINT_DAMAGED_AT_REST).orElseThrow();
    assertThat(damaged.severity()).isEqualTo(Severity.DAMAGED);
    assertThat(damaged.message()).contains(checkpoint.getFileName().toString()).contains("checksum")
        .contains("a new checkpoint was written");
    assertThat(db.health().raisedCounts()).containsEntry(Database.CHECKPOINT_DAMAGED_AT_REST, 1L);

    // nothing was written since: only the replacement can have made the disk whole again
    fs.powerCut(new Random(1), CutPolicy.DROP_ALL);
    for (Path file : fs.list(DIR.resolve("wal"))) {
      fs.delete(file);
    }
    try (Database reopened = Database.open(config(), fs, ReplayProgressListener.NONE)) {
      assertThat(reopened.recoveryReport().unusableCheckpoints()).isEmpty();
      assertThat(DurableDatabaseTest.dump(reopened)).hasSize(300);
    }
  }

  @Test
  void aCleanScrubEndsTheCondition() throws IOException {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    Database db = writtenAndCheckpointed(fs);
    Path checkpoint = checkpoints(fs).get(0);
    fs.flipByte(checkpoint, 40);
    db.scrub();
    assertThat(db.health().get(Database.CHECKPOINT_DAMAGED_AT_REST)).isPresent();

    db.scrub();
    assertThat(db.health().get(Database.CHECKPOINT_DAMAGED_AT_REST)).isEmpty();
    db.close();
  }

  @Test
  void scrubsRunOnTheirScheduleInTheBackground() throws Exception {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    Database db = writtenAndCheckpointed(fs);
    Path checkpoint = checkpoints(fs).get(0);
    fs.flipByte(checkpoint, fs.size(checkpoint) - 3);

    db.settings().change(EngineSettings.CHECKPOINT_SCRUB_INTERVAL, "20ms", "test");
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (db.health().raisedCounts().get(Database.CHECKPOINT_DAMAGED_AT_REST) == null && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(db.health().raisedCounts()).containsKey(Database.CHECKPOINT_DAMAGED_AT_REST);
    db.close();
  }
}
