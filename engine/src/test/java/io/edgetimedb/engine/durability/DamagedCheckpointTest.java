package io.edgetimedb.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.vfs.SimulatedFileSystem;
import io.edgetimedb.engine.wal.FsyncPolicy;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.engine.wal.WalOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 12, item 1: one damaged checkpoint must never open as a silently smaller database. */
class DamagedCheckpointTest {
  private static final Path DIR = Path.of("/db");

  private static DatabaseConfig config() {
    return DatabaseConfig.defaults().withChunkRows(16).withDataDirectory(DIR).withCheckpointIntervalMillis(0)
        .withWal(WalOptions.defaults().withFsyncPolicy(FsyncPolicy.ALWAYS).withSegmentBytes(4096)
            .withSpareInBackground(false));
  }

  private static Database open(SimulatedFileSystem fs) {
    return Database.open(config(), fs, ReplayProgressListener.NONE);
  }

  /** Writes batches {@code from} to {@code to - 1} (ten points each, log segments rotate every few). */
  private static void write(Database db, int from, int to) {
    for (int k = from; k < to; k++) {
      db.write(StorageFaultTest.batch(k));
    }
  }

  static List<Path> checkpoints(SimulatedFileSystem fs) throws IOException {
    return fs.list(DIR).stream().filter(p -> CheckpointFormat.sequenceOf(p) >= 0).toList();
  }

  /** XORs 8 bytes in the middle of the file with 0xFF, as the issue's reproduction does. */
  static void xorMiddle(SimulatedFileSystem fs, Path file) throws IOException {
    long at = fs.size(file) / 2;
    ByteBuffer bytes = ByteBuffer.allocate(8);
    try (var in = fs.openRead(file)) {
      in.read(bytes, at);
    }
    for (int i = 0; i < 8; i++) {
      bytes.put(i, (byte) ~bytes.get(i));
    }
    try (var out = fs.openAppend(file)) {
      out.write(bytes.flip(), at);
      out.sync();
    }
  }

  @Test
  void theIssuesReproductionComesBackWholeFromThePreviousCheckpointAndTheLog() throws IOException {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    try (Database db = open(fs)) {
      write(db, 0, 40);
      db.checkpoint();
      write(db, 40, 80);
    }
    List<Path> written = checkpoints(fs);
    Path newest = written.get(written.size() - 1);
    xorMiddle(fs, newest);

    try (Database reopened = open(fs)) {
      assertThat(DurableDatabaseTest.dump(reopened)).hasSize(800);
      assertThat(reopened.health().get(DurableStore.CHECKPOINT_DAMAGED)).hasValueSatisfying(c ->
          assertThat(c.message()).contains(newest.getFileName().toString()).contains("nothing was lost"));
    }
  }
}
