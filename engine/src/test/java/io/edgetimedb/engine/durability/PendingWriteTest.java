package io.edgetimedb.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.StorageException;
import io.edgetimedb.engine.vfs.SimulatedFileSystem;
import io.edgetimedb.engine.wal.FsyncPolicy;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.engine.wal.WalOptions;
import io.edgetimedb.engine.write.PendingWrite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Writing several batches and then waiting once for the newest: readers see each batch as soon
 * as it is written, and after the one wait every batch before it survives a power cut.
 */
class PendingWriteTest {
  private static final Path DIR = Path.of("/db");
  private static final DatabaseConfig GROUP = DatabaseConfig.defaults().withDataDirectory(DIR)
      .withCheckpointIntervalMillis(0).withWal(WalOptions.defaults().withFsyncPolicy(FsyncPolicy.GROUP)
          .withSegmentBytes(1 << 16).withSpareInBackground(false));

  @Test
  void oneWaitForTheNewestMakesEveryEarlierBatchDurable() {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    try (Database db = Database.open(GROUP, fs, ReplayProgressListener.NONE)) {
      List<PendingWrite> pending = new ArrayList<>();
      for (int k = 0; k < 5; k++) {
        pending.add(db.writePending(StorageFaultTest.batch(k)));
        assertThat(DurableDatabaseTest.dump(db)).as("readers see a batch at once").hasSize(10 * (k + 1));
      }
      assertThat(pending).extracting(PendingWrite::logSequence).isSorted().doesNotHaveDuplicates();
      assertThat(pending).allSatisfy(p -> assertThat(p.result().accepted()).isEqualTo(10));

      db.awaitDurable(pending.get(4));

      try (Database afterPowerCut = Database.open(GROUP, fs.copyOfDurableState(), ReplayProgressListener.NONE)) {
        assertThat(DurableDatabaseTest.dump(afterPowerCut)).hasSize(50);
      }
    }
  }

  @Test
  void aFailedFsyncFailsTheWaitAndNothingIsClaimedDurable() {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    Database db = Database.open(GROUP, fs, ReplayProgressListener.NONE);
    db.write(StorageFaultTest.batch(0));
    PendingWrite pending = db.writePending(StorageFaultTest.batch(1));
    fs.failNextSync(new IOException("EIO"));

    assertThatThrownBy(() -> db.awaitDurable(pending)).isInstanceOf(StorageException.class)
        .hasMessageContaining("write not acknowledged").hasMessageContaining("EIO");
    try (Database afterPowerCut = Database.open(GROUP, fs.copyOfDurableState(), ReplayProgressListener.NONE)) {
      assertThat(DurableDatabaseTest.dump(afterPowerCut)).hasSize(10);
    }
  }

  @Test
  void inMemoryWritesHaveNothingToWaitFor() {
    try (Database db = Database.open(DatabaseConfig.defaults())) {
      PendingWrite pending = db.writePending(StorageFaultTest.batch(0));
      assertThat(pending.logSequence()).isZero();
      db.awaitDurable(pending);
      assertThat(pending.result().accepted()).isEqualTo(10);
    }
  }
}
