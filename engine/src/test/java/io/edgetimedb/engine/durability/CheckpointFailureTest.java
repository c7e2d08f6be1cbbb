package io.edgetimedb.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.StorageException;
import io.edgetimedb.engine.health.Severity;
import io.edgetimedb.engine.vfs.SimulatedFileSystem;
import io.edgetimedb.engine.wal.FsyncPolicy;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.engine.wal.WalOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint that fails (disk full in the middle, a failed fsync) removes its temporary file at
 * once, so the failure cannot fill the disk that caused it, and says so in the health register
 * until a checkpoint succeeds again.
 */
class CheckpointFailureTest {
  private static final Path DIR = Path.of("/db");

  private static DatabaseConfig config() {
    return DatabaseConfig.defaults().withChunkRows(16).withDataDirectory(DIR).withCheckpointIntervalMillis(0)
        .withWal(WalOptions.defaults().withFsyncPolicy(FsyncPolicy.ALWAYS).withSegmentBytes(1 << 20)
            .withSpareInBackground(false));
  }

  static List<String> temporaryCheckpoints(SimulatedFileSystem fs) throws IOException {
    return fs.list(DIR).stream().map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".etc.tmp")).toList();
  }

  @Test
  void aCheckpointCutShortByAFullDiskLeavesNoTemporaryFile() throws IOException {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    Database db = Database.open(config(), fs, ReplayProgressListener.NONE);
    for (int k = 0; k < 20; k++) {
      db.write(StorageFaultTest.batch(k));
    }
    fs.failWritesAfter(100);

    assertThatThrownBy(db::checkpoint).isInstanceOf(StorageException.class).hasMessageContaining("No space left");
    assertThat(temporaryCheckpoints(fs)).isEmpty();
    assertThat(db.health().get(Database.CHECKPOINT_FAILED)).get()
        .satisfies(c -> assertThat(c.severity()).isEqualTo(Severity.DEGRADED))
        .satisfies(c -> assertThat(c.message()).contains("No space left"));

    fs.setCapacity(Long.MAX_VALUE);
    db.checkpoint();
    assertThat(db.health().get(Database.CHECKPOINT_FAILED)).isEmpty();
    db.close();
  }

  @Test
  void aCheckpointWhoseFsyncFailsLeavesNoTemporaryFile() throws IOException {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    Database db = Database.open(config(), fs, ReplayProgressListener.NONE);
    db.write(StorageFaultTest.batch(0));
    fs.failNextSync(new IOException("EIO"));

    assertThatThrownBy(db::checkpoint).isInstanceOf(StorageException.class).hasMessageContaining("EIO");
    assertThat(temporaryCheckpoints(fs)).isEmpty();
    assertThat(db.health().get(Database.CHECKPOINT_FAILED)).isPresent();

    db.checkpoint();
    assertThat(db.health().get(Database.CHECKPOINT_FAILED)).isEmpty();
    db.close();
  }
}
