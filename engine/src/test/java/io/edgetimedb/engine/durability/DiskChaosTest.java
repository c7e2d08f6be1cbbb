package io.edgetimedb.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.ReadOnlyException;
import io.edgetimedb.engine.StorageException;
import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.engine.vfs.CutPolicy;
import io.edgetimedb.engine.vfs.SimulatedFileSystem;
import io.edgetimedb.engine.wal.FsyncPolicy;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.engine.wal.WalOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Disk chaos on a small simulated disk: a writer runs while checkpoints happen, and at random
 * moments the disk fills up (a few bytes to a few segments ahead), an fsync fails, space returns,
 * or the power is cut. After every restart each acknowledged batch is back and every other batch
 * is whole or absent; a failed checkpoint never leaves its temporary file; and once space returns
 * writes are taken again. Seeded, so a failure replays: 4 rounds of 150 steps by default, 40 rounds
 * of 400 with {@code -Dedgetimedb.long=true} ({@code mvn -Plong}).
 */
class DiskChaosTest {
  private static final Path DIR = Path.of("/db");
  private static final int SEGMENT = 4096;
  private static final int POINTS = 10;

  private final Set<Integer> acknowledged = new HashSet<>();
  private final Set<Integer> refused = new HashSet<>();
  private int diskFulls;
  private int fsyncFailures;
  private int failedCheckpoints;
  private int readOnlyRefusals;
  private int restarts;

  private static DatabaseConfig config() {
    return DatabaseConfig.defaults().withChunkRows(16).withDataDirectory(DIR).withCheckpointIntervalMillis(0)
        .withWal(WalOptions.defaults().withFsyncPolicy(FsyncPolicy.ALWAYS).withSegmentBytes(SEGMENT)
            .withSpareInBackground(false));
  }

  @Test
  void everyAcknowledgedBatchSurvivesDiskFullFailedFsyncsAndPowerCutsAndWritingResumes() throws IOException {
    boolean longRun = Boolean.getBoolean("edgetimedb.long");
    int rounds = longRun ? 40 : 4;
    int steps = longRun ? 400 : 150;
    for (int seed = 1; seed <= rounds; seed++) {
      acknowledged.clear();
      refused.clear();
      runRound(new Random(seed), steps, "seed " + seed);
    }
    System.out.printf("disk chaos: %d rounds x %d steps: %d disk-full moments, %d failed fsyncs, %d failed checkpoints"
        + " (no temporary file left), %d writes refused read-only, %d power cuts; every acknowledged batch back%n",
        rounds, steps, diskFulls, fsyncFailures, failedCheckpoints, readOnlyRefusals, restarts);
    assertThat(diskFulls).isPositive();
    assertThat(failedCheckpoints).isPositive();
    assertThat(readOnlyRefusals).isPositive();
  }

  private void runRound(Random random, int steps, String round) throws IOException {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    Database db = Database.open(config(), fs, ReplayProgressListener.NONE);
    int next = 0;
    for (int step = 0; step < steps; step++) {
      int action = random.nextInt(100);
      boolean logFailed = false;
      if (action < 60) {
        logFailed = !write(db, next++);
      } else if (action < 70) {
        checkpoint(db, fs, round);
      } else if (action < 80) {
        fs.failWritesAfter(random.nextInt(3 * SEGMENT));
        diskFulls++;
      } else if (action < 84) {
        fs.failNextSync(new IOException("EIO (injected)"));
        fsyncFailures++;
      } else if (action < 96) {
        fs.setCapacity(Long.MAX_VALUE);
      }
      if (logFailed || action >= 96) {
        db = restart(db, fs, random, round);
      }
    }
    fs.setCapacity(Long.MAX_VALUE);
    fs.failNextSync(null);
    if (!write(db, next)) {
      db = restart(db, fs, random, round);
      assertThat(write(db, next + 1)).as(round + ": a write once space returned").isTrue();
    }
    assertThat(db.writesRefused()).as(round).isNull();
    assertThat(db.health().get(Database.LOG_SPACE)).as(round).isEmpty();
    restart(db, fs, random, round).close();
  }

  /** False when the write failed for another reason than a full disk (the log failed: only a restart helps). */
  private boolean write(Database db, int k) {
    try {
      db.write(StorageFaultTest.batch(k));
      acknowledged.add(k);
      return true;
    } catch (ReadOnlyException e) {
      refused.add(k);
      readOnlyRefusals++;
      return true;
    } catch (StorageException e) {
      refused.add(k);
      return false;
    }
  }

  private void checkpoint(Database db, SimulatedFileSystem fs, String round) throws IOException {
    try {
      db.checkpoint();
    } catch (StorageException e) {
      failedCheckpoints++;
    }
    assertThat(CheckpointFailureTest.temporaryCheckpoints(fs)).as(round).isEmpty();
  }

  private Database restart(Database db, SimulatedFileSystem fs, Random random, String round) throws IOException {
    try {
      db.close();
    } catch (StorageException e) {
      // a final checkpoint that could not be written: the log keeps everything
    }
    fs.failNextSync(null);
    fs.powerCut(random, CutPolicy.RANDOM);
    restarts++;
    Database reopened = Database.open(config(), fs, ReplayProgressListener.NONE);
    verify(reopened, round);
    assertThat(CheckpointFailureTest.temporaryCheckpoints(fs)).as(round).isEmpty();
    return reopened;
  }

  private void verify(Database db, String round) {
    Set<Long> present = new HashSet<>();
    if (db.measurements().contains("m")) {
      try (PointCursor c = db.read(ReadRequest.of("m"))) {
        while (c.next()) {
          assertThat(present.add(c.timestamp())).as(round + ": one row per timestamp").isTrue();
        }
      }
    }
    for (int k : acknowledged) {
      assertThat(missing(present, k)).as(round + ": acknowledged batch " + k).isEmpty();
    }
    for (int k : refused) {
      assertThat(missing(present, k).size()).as(round + ": refused batch " + k + " is whole or absent")
          .isIn(0, POINTS);
    }
  }

  private static List<Long> missing(Set<Long> present, int k) {
    List<Long> missing = new ArrayList<>();
    for (int i = 0; i < POINTS; i++) {
      if (!present.contains(100L * k + i)) {
        missing.add(100L * k + i);
      }
    }
    return missing;
  }
}
