package io.edgetimedb.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.ReadOnlyException;
import io.edgetimedb.engine.health.HealthCondition;
import io.edgetimedb.engine.health.Severity;
import io.edgetimedb.engine.index.TagPredicate;
import io.edgetimedb.engine.vfs.CutPolicy;
import io.edgetimedb.engine.vfs.SimulatedFileSystem;
import io.edgetimedb.engine.wal.FsyncPolicy;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.engine.wal.WalOptions;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A database whose log cannot reserve its next segment (the disk is full, at start or while it
 * runs) stays open read-only: reads work, every write is refused by name, the health register
 * says why and how much space is needed, and writing resumes by itself once space returns.
 */
class ReadOnlyOnFullDiskTest {
  private static final Path DIR = Path.of("/db");
  private static final long SEGMENT = 64 << 10;

  private static DatabaseConfig config(boolean spareInBackground) {
    return DatabaseConfig.defaults().withChunkRows(16).withDataDirectory(DIR).withCheckpointIntervalMillis(0)
        .withWal(WalOptions.defaults().withFsyncPolicy(FsyncPolicy.ALWAYS).withSegmentBytes(SEGMENT)
            .withSpareInBackground(spareInBackground));
  }

  private static Database open(SimulatedFileSystem fs, boolean spareInBackground) {
    return Database.open(config(spareInBackground), fs, ReplayProgressListener.NONE);
  }

  @Test
  void opensReadOnlyWhenTheLogCannotReserveItsFirstSegmentAndResumesWhenSpaceReturns() throws Exception {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    try (Database db = open(fs, true)) {
      for (int k = 0; k < 5; k++) {
        db.write(StorageFaultTest.batch(k));
      }
    }
    fs.failWritesAfter(SEGMENT - 1);

    Database db = open(fs, true);
    assertThat(DurableDatabaseTest.dump(db)).hasSize(50);
    assertThat(db.writesRefused()).contains("read-only").contains(SEGMENT + " bytes needed");
    HealthCondition condition = db.health().get(Database.LOG_SPACE).orElseThrow();
    assertThat(condition.severity()).isEqualTo(Severity.UNAVAILABLE);
    assertThat(condition.message()).contains(SEGMENT + " bytes needed").contains("resume");
    assertThatThrownBy(() -> db.write(StorageFaultTest.batch(5))).isInstanceOf(ReadOnlyException.class)
        .hasMessageContaining("read-only");
    assertThatThrownBy(() -> db.delete("m", TagPredicate.all(), 0, 100)).isInstanceOf(ReadOnlyException.class);
    assertThatThrownBy(() -> db.dropMeasurement("m", "test")).isInstanceOf(ReadOnlyException.class);
    assertThat(DurableDatabaseTest.dump(db)).hasSize(50);

    fs.setCapacity(Long.MAX_VALUE);
    awaitResumed(db);
    db.write(StorageFaultTest.batch(5));
    db.close();
    try (Database reopened = open(fs, true)) {
      assertThat(DurableDatabaseTest.dump(reopened)).hasSize(60);
    }
  }

  @Test
  void opensWritableWithExactlyOneSegmentOfSpaceFree() {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    open(fs, false).close();
    fs.failWritesAfter(SEGMENT);

    Database db = open(fs, false);
    assertThat(db.writesRefused()).isNull();
    assertThat(db.health().get(Database.LOG_SPACE)).isEmpty();
    db.write(StorageFaultTest.batch(0));
    assertThat(DurableDatabaseTest.dump(db)).hasSize(10);
    fs.setCapacity(Long.MAX_VALUE);
    db.close();
  }

  @Test
  void turnsReadOnlyWhenTheDiskFillsAtRunTimeAndResumesWhenSpaceReturns() throws Exception {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    Database db = open(fs, false);
    db.write(StorageFaultTest.batch(0));
    fs.failWritesAfter(0);
    int acknowledged = 1;
    ReadOnlyException refused = null;
    while (refused == null && acknowledged < 10_000) {
      try {
        db.write(StorageFaultTest.batch(acknowledged));
        acknowledged++;
      } catch (ReadOnlyException e) {
        refused = e;
      }
    }
    assertThat(refused).isNotNull().hasMessageContaining("read-only").hasMessageContaining("bytes needed");
    assertThat(db.health().get(Database.LOG_SPACE)).isPresent();
    assertThatThrownBy(() -> db.write(StorageFaultTest.batch(10_001))).isInstanceOf(ReadOnlyException.class);
    assertThat(DurableDatabaseTest.dump(db)).hasSize(10 * acknowledged);

    fs.setCapacity(Long.MAX_VALUE);
    awaitResumed(db);
    db.write(StorageFaultTest.batch(acknowledged));
    fs.powerCut(new Random(1), CutPolicy.DROP_ALL);
    try (Database reopened = open(fs, false)) {
      assertThat(DurableDatabaseTest.dump(reopened)).hasSize(10 * (acknowledged + 1));
    }
  }

  /** The background retry runs about once a second; the deadline only keeps a broken build from hanging. */
  static void awaitResumed(Database db) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (db.writesRefused() != null && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(db.writesRefused()).isNull();
    assertThat(db.health().get(Database.LOG_SPACE)).isEmpty();
  }
}
