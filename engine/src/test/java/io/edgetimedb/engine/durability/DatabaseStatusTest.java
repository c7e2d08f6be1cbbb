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
import io.edgetimedb.engine.wal.WalStatus;
import io.edgetimedb.engine.write.PointBatch;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The read-only figures health checks and metrics take from the log and the checkpoints. */
class DatabaseStatusTest {
  private static final Path DIR = Path.of("/db");

  private static DatabaseConfig config(FsyncPolicy policy) {
    return DatabaseConfig.defaults().withDataDirectory(DIR).withCheckpointIntervalMillis(0)
        .withWal(WalOptions.defaults().withFsyncPolicy(policy).withSegmentBytes(4096));
  }

  private static PointBatch batch(int k) {
    PointBatch batch = new PointBatch();
    for (int i = 0; i < 20; i++) {
      batch.point("m", 100L * k + i).tag("s", "s" + (i % 2)).field("v", k + i / 10.0);
    }
    return batch;
  }

  @Test
  void anInMemoryDatabaseHasNoLogAndNoCheckpoints() {
    try (Database db = Database.open(DatabaseConfig.defaults())) {
      assertThat(db.walStatus()).isNull();
      assertThat(db.checkpointStatus()).isNull();
      assertThat(db.isClosed()).isFalse();
      db.close();
      assertThat(db.isClosed()).isTrue();
    }
  }

  @Test
  void theLogCountsSegmentsBytesAndFsyncs() {
    for (FsyncPolicy policy : new FsyncPolicy[] {FsyncPolicy.ALWAYS, FsyncPolicy.GROUP}) {
      SimulatedFileSystem fs = new SimulatedFileSystem();
      try (Database db = Database.open(config(policy), fs, ReplayProgressListener.NONE)) {
        WalStatus empty = db.walStatus();
        assertThat(empty.segments()).isEqualTo(1);
        assertThat(empty.fsyncs()).isZero();
        for (int k = 0; k < 40; k++) {
          db.write(batch(k));
        }
        WalStatus status = db.walStatus();
        assertThat(status.segments()).as(policy.name()).isGreaterThan(1);
        assertThat(status.bytes()).isGreaterThan(4096);
        assertThat(status.writtenSequence()).isEqualTo(40);
        assertThat(status.durableSequence()).isEqualTo(40);
        assertThat(status.fsyncs()).isPositive();
        assertThat(status.lastFsyncNanos()).isNotNegative();
        assertThat(status.failed()).isFalse();

        db.checkpoint();
        for (int k = 40; k < 80; k++) {
          db.write(batch(k));
        }
        WalStatus beforeSecond = db.walStatus();
        db.checkpoint();
        assertThat(db.walStatus().segments()).as("the log before the first checkpoint went")
            .isLessThan(beforeSecond.segments());
      }
    }
  }

  @Test
  void aFailedFsyncShowsInTheStatus() {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    // no background spare-segment preparation: its fsync could take the injected failure
    DatabaseConfig config = config(FsyncPolicy.ALWAYS);
    config = config.withWal(config.wal().withSpareInBackground(false));
    Database db = Database.open(config, fs, ReplayProgressListener.NONE);
    db.write(batch(0));
    fs.failNextSync(new IOException("EIO"));
    assertThatThrownBy(() -> db.write(batch(1))).isInstanceOf(StorageException.class);

    assertThat(db.walStatus().failed()).isTrue();
    assertThat(db.walStatus().failure()).contains("EIO");
  }

  @Test
  void checkpointsAreCountedTimedAndTheirFailuresKept() {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    // no background spare-segment preparation, so the checkpoint's is the next fsync
    DatabaseConfig config = config(FsyncPolicy.ALWAYS);
    config = config.withWal(config.wal().withSpareInBackground(false));
    Database db = Database.open(config, fs, ReplayProgressListener.NONE);
    assertThat(db.checkpointStatus()).isEqualTo(CheckpointStatus.NONE);
    long before = System.currentTimeMillis();
    db.write(batch(0));
    Path first = db.checkpoint();
    assertThat(db.checkpoint()).as("nothing new: the same checkpoint").isEqualTo(first);

    CheckpointStatus done = db.checkpointStatus();
    assertThat(done.written()).isEqualTo(1);
    assertThat(done.lastWrittenMillis()).isGreaterThanOrEqualTo(before);
    assertThat(done.lastDurationNanos()).isPositive();
    assertThat(done.lastFailure()).isNull();

    db.write(batch(1));
    fs.failNextSync(new IOException("EIO"));
    assertThatThrownBy(db::checkpoint).isInstanceOf(StorageException.class);
    CheckpointStatus failed = db.checkpointStatus();
    assertThat(failed.failed()).isEqualTo(1);
    assertThat(failed.written()).isEqualTo(1);
    assertThat(failed.lastWrittenMillis()).isEqualTo(done.lastWrittenMillis());
    assertThat(failed.lastFailure()).contains("EIO");

    db.checkpoint();
    assertThat(db.checkpointStatus().written()).isEqualTo(2);
    assertThat(db.checkpointStatus().lastFailure()).isNull();
    db.close();
  }
}
