package io.edgetimedb.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.StorageException;
import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.engine.vfs.CutPolicy;
import io.edgetimedb.engine.vfs.PowerCutException;
import io.edgetimedb.engine.vfs.SimulatedFileSystem;
import io.edgetimedb.engine.wal.FsyncPolicy;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.engine.wal.WalOptions;
import io.edgetimedb.engine.write.PointBatch;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Counts the file operations of a workload (open, batches, checkpoints, segment rotations,
 * close) and cuts the power at every one of them in turn, with pending writes randomly kept,
 * dropped, torn or garbled. After each cut the database must reopen with exactly a prefix of
 * the batches: every acknowledged one whole, the one in flight whole or absent, none after it.
 */
class DatabasePowerCutSweepTest {
  private static final Path DIR = Path.of("/db");
  private static final int BATCHES = 24;
  private static final int POINTS = 6;

  @ParameterizedTest(name = "seed {0}")
  @CsvSource({"1", "2", "3"})
  void everyCutRecoversAnAcknowledgedPrefix(long seed) {
    long operations = countOperations();
    assertThat(operations).isGreaterThan(50);
    System.out.printf("power-cut sweep, seed %d: %d cuts%n", seed, operations);
    for (long cut = 1; cut <= operations; cut++) {
      SimulatedFileSystem fs = new SimulatedFileSystem();
      fs.cutPowerAtOperation(cut, new Random(seed * 1_000_003 + cut), CutPolicy.RANDOM);
      int acknowledged = runUntilPowerCut(fs);
      try (Database reopened = Database.open(config(), fs, ReplayProgressListener.NONE)) {
        assertAcknowledgedPrefix(reopened, acknowledged, "cut at operation " + cut + " of " + operations);
      }
    }
  }

  private static long countOperations() {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    assertThat(runUntilPowerCut(fs)).isEqualTo(BATCHES);
    return fs.operationCount();
  }

  /** The workload; returns how many batches were acknowledged before the power went. */
  private static int runUntilPowerCut(SimulatedFileSystem fs) {
    int acknowledged = 0;
    try {
      Database db = Database.open(config(), fs, ReplayProgressListener.NONE);
      for (int k = 0; k < BATCHES; k++) {
        db.write(batch(k));
        acknowledged++;
        if (k % 8 == 7) {
          db.checkpoint();
        }
      }
      db.close();
    } catch (PowerCutException | StorageException expected) {
      // the power went; what was acknowledged until now must survive
    }
    return acknowledged;
  }

  private static DatabaseConfig config() {
    return DatabaseConfig.defaults().withChunkRows(8).withDataDirectory(DIR).withCheckpointIntervalMillis(0)
        .withWal(WalOptions.defaults().withFsyncPolicy(FsyncPolicy.ALWAYS).withSegmentBytes(512)
            .withSpareInBackground(false));
  }

  /** Batch k: one point in each of a few series, values derived from k. */
  private static PointBatch batch(int k) {
    PointBatch batch = new PointBatch().source("sweep");
    for (int i = 0; i < POINTS; i++) {
      batch.point("m", 1000L * k + i).tag("s", "s" + (i % 3)).field("v", k * 100.0 + i).field("k", (long) k);
    }
    return batch;
  }

  private static void assertAcknowledgedPrefix(Database db, int acknowledged, String what) {
    Map<Long, Integer> rowsPerBatch = new HashMap<>();
    if (db.measurements().contains("m")) {
      try (PointCursor c = db.read(ReadRequest.of("m").fields("v", "k"))) {
        while (c.next()) {
          long k = c.getLong(1);
          assertThat(c.getDouble(0)).as(what).isEqualTo(k * 100.0 + c.timestamp() % 1000);
          rowsPerBatch.merge(k, 1, Integer::sum);
        }
      }
    }
    for (long k = 0; k < acknowledged; k++) {
      assertThat(rowsPerBatch.get(k)).as("%s: acknowledged batch %d", what, k).isEqualTo(POINTS);
    }
    rowsPerBatch.forEach((k, rows) -> {
      assertThat(rows).as("%s: batch %d is whole", what, k).isEqualTo(POINTS);
      assertThat(k).as("%s: only the batch in flight may follow the acknowledged ones", what)
          .isLessThanOrEqualTo(acknowledged);
    });
  }
}
