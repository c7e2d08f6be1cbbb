package io.edgetimedb.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.DataLossException;
import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.EngineSettings;
import io.edgetimedb.engine.health.Severity;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.engine.vfs.CutPolicy;
import io.edgetimedb.engine.vfs.SimulatedFileSystem;
import io.edgetimedb.engine.wal.FsyncPolicy;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.engine.wal.WalOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
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

  /** Opens with engine settings given as name, value, name, value, ... */
  static Database open(SimulatedFileSystem fs, String... settings) {
    SettingsRegistry registry = new SettingsRegistry();
    EngineSettings.define(registry);
    for (int i = 0; i < settings.length; i += 2) {
      registry.set(settings[i], settings[i + 1], "test");
    }
    return Database.open(config(), fs, ReplayProgressListener.NONE, registry);
  }

  static List<String> names(SimulatedFileSystem fs, Path dir) throws IOException {
    return fs.list(dir).stream().map(p -> p.getFileName().toString()).toList();
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

  @Test
  void whenNoIntactCheckpointCoversWhatTheLogLostTheOpenIsRefusedAndNothingChanges() throws IOException {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    try (Database db = open(fs)) {
      write(db, 0, 40);
      db.checkpoint();
      write(db, 40, 80);
      db.checkpoint();
      write(db, 80, 100);
    }
    List<Path> kept = checkpoints(fs);
    assertThat(kept).as("the newest checkpoint and the one before it").hasSize(2);
    for (Path checkpoint : kept) {
      xorMiddle(fs, checkpoint);
    }
    List<String> before = names(fs, DIR);
    List<String> logBefore = names(fs, DIR.resolve("wal"));

    assertThatThrownBy(() -> open(fs)).isInstanceOf(DataLossException.class)
        .hasMessageContaining("refusing to open /db")
        .hasMessageContaining("log records 1 to ")
        .hasMessageContaining(kept.get(0).getFileName().toString())
        .hasMessageContaining(kept.get(1).getFileName().toString())
        .hasMessageContaining("--accept-loss");
    assertThat(names(fs, DIR)).isEqualTo(before);
    assertThat(names(fs, DIR.resolve("wal"))).isEqualTo(logBefore);

    try (Database accepted = open(fs, DataLossException.ACCEPT_SETTING, "true")) {
      assertThat(DurableDatabaseTest.dump(accepted)).as("the log left cannot be replayed without its start")
          .isEmpty();
      assertThat(accepted.health().get(DurableStore.DATA_LOST)).hasValueSatisfying(c -> {
        assertThat(c.severity()).isEqualTo(Severity.DAMAGED);
        assertThat(c.message()).contains("log records 1 to ").contains(" to 100 (they refer to series");
      });
      assertThat(accepted.health().get(DurableStore.CHECKPOINT_DAMAGED)).isPresent();
    }
    assertThat(names(fs, DIR)).as("the evidence outlives the next checkpoint")
        .contains(kept.get(0).getFileName() + ".damaged", kept.get(1).getFileName() + ".damaged");

    try (Database again = open(fs)) {
      assertThat(again.recoveryReport().loss().isNone()).as("the accepted state was checkpointed").isTrue();
      assertThat(again.health().get(DurableStore.DAMAGED_FILES_KEPT)).hasValueSatisfying(c ->
          assertThat(c.message()).contains(kept.get(0).getFileName() + ".damaged"));
    }
  }

  /** Issue 12, item 6: a log segment set aside as damaged was silent and lost acknowledged batches. */
  @Test
  void aDamagedLogSegmentAfterTheCheckpointIsRefusedAsLossAndRaisedWhenAccepted() throws IOException {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    Database db = open(fs);
    write(db, 0, 10);
    db.checkpoint();
    write(db, 10, 60);
    fs.powerCut(new Random(1), CutPolicy.WRITE_ALL);
    List<Path> segments = fs.list(DIR.resolve("wal")).stream()
        .filter(p -> p.getFileName().toString().endsWith(".log")).toList();
    assertThat(segments).hasSizeGreaterThan(2);
    xorMiddle(fs, segments.get(segments.size() - 2));

    assertThatThrownBy(() -> open(fs)).isInstanceOf(DataLossException.class)
        .hasMessageContaining("the log from record").hasMessageContaining(segments.get(segments.size() - 2).toString());

    try (Database accepted = open(fs, DataLossException.ACCEPT_SETTING, "true")) {
      assertThat(DurableDatabaseTest.dump(accepted).size()).isLessThan(600);
      assertThat(accepted.health().get(DurableStore.LOG_DAMAGED)).hasValueSatisfying(c -> {
        assertThat(c.severity()).isEqualTo(Severity.DAMAGED);
        assertThat(c.message()).contains(segments.get(segments.size() - 2).getFileName().toString());
      });
      assertThat(accepted.health().raisedCounts()).containsKeys(DurableStore.LOG_DAMAGED, DurableStore.DATA_LOST);
    }
  }

  /** The fallback's log is bounded: at the limit it is kept, one byte over it only the previous checkpoint is. */
  @Test
  void theFallbackLogIsKeptUpToItsLimitAndBeyondItTheCostIsRaised() throws IOException {
    long fallbackBytes = fallbackLogBytes();
    assertThat(fallbackBytes).isPositive();

    SimulatedFileSystem atLimit = new SimulatedFileSystem();
    try (Database db = workloadWithTwoCheckpoints(atLimit, fallbackBytes)) {
      assertThat(db.health().get(DurableStore.FALLBACK_LIMITED)).isEmpty();
    }
    xorMiddle(atLimit, checkpoints(atLimit).get(1));
    try (Database reopened = open(atLimit)) {
      assertThat(DurableDatabaseTest.dump(reopened)).hasSize(800);
    }

    SimulatedFileSystem overLimit = new SimulatedFileSystem();
    try (Database db = workloadWithTwoCheckpoints(overLimit, fallbackBytes - 1)) {
      assertThat(db.health().get(DurableStore.FALLBACK_LIMITED)).hasValueSatisfying(c ->
          assertThat(c.message()).contains("records 41 to 80 is lost"));
    }
    xorMiddle(overLimit, checkpoints(overLimit).get(1));
    assertThatThrownBy(() -> open(overLimit)).isInstanceOf(DataLossException.class)
        .hasMessageContaining("log records 41 to ");
  }

  /** Checkpoints after batch 40 and batch 80 (closing adds none: nothing new was logged). */
  private static Database workloadWithTwoCheckpoints(SimulatedFileSystem fs, long fallbackLimit) {
    Database db = open(fs, EngineSettings.CHECKPOINT_FALLBACK_LOG, fallbackLimit + "B");
    write(db, 0, 40);
    db.checkpoint();
    write(db, 40, 80);
    db.checkpoint();
    return db;
  }

  /** Bytes of the log segments holding only records 41 to 80 in that workload, measured on its files. */
  private static long fallbackLogBytes() throws IOException {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    workloadWithTwoCheckpoints(fs, Long.MAX_VALUE >> 1).close();
    List<Path> segments = fs.list(DIR.resolve("wal")).stream()
        .filter(p -> p.getFileName().toString().endsWith(".log")).toList();
    long bytes = 0;
    for (int i = 0; i + 1 < segments.size(); i++) {
      if (firstSequenceOf(segments.get(i + 1)) <= 81) {
        bytes += fs.size(segments.get(i));
      }
    }
    return bytes;
  }

  private static long firstSequenceOf(Path segment) {
    String name = segment.getFileName().toString();
    return Long.parseLong(name.substring("wal-".length(), name.length() - ".log".length()));
  }

  /** Flips one byte inside the first record of the log's last segment; returns the segment. */
  private static Path flipFirstRecordOfLastSegment(SimulatedFileSystem fs) throws IOException {
    List<Path> segments = fs.list(DIR.resolve("wal")).stream()
        .filter(p -> p.getFileName().toString().endsWith(".log")).toList();
    Path last = segments.get(segments.size() - 1);
    ByteBuffer one = ByteBuffer.allocate(1);
    long at = 24 + 16 + 3; // segment header, record header, into the payload
    try (var in = fs.openRead(last)) {
      in.read(one, at);
    }
    one.put(0, (byte) (one.get(0) ^ 0x10));
    try (var out = fs.openAppend(last)) {
      out.write(one.flip(), at);
      out.sync();
    }
    return last;
  }

  @Test
  void damageInTheLastSegmentFollowedOnlyByRecordsTheCheckpointHoldsLosesNothingButIsRaised() throws IOException {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    try (Database db = open(fs)) {
      write(db, 0, 80);
    }
    Path damaged = flipFirstRecordOfLastSegment(fs);

    try (Database reopened = open(fs)) {
      assertThat(DurableDatabaseTest.dump(reopened)).hasSize(800);
      assertThat(reopened.health().get(DurableStore.DATA_LOST)).isEmpty();
      assertThat(reopened.health().get(DurableStore.LOG_DAMAGED)).hasValueSatisfying(c ->
          assertThat(c.message()).contains(damaged.getFileName().toString()).contains("nothing was lost"));
      reopened.write(StorageFaultTest.batch(80));
    }
    try (Database again = open(fs)) {
      assertThat(DurableDatabaseTest.dump(again)).hasSize(810);
    }
  }

  @Test
  void damageInTheLastSegmentBeforeRecordsNoCheckpointHoldsIsLoss() throws IOException {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    Database db = open(fs);
    write(db, 0, 80);
    db.checkpoint();
    write(db, 80, 86);
    fs.powerCut(new Random(1), CutPolicy.WRITE_ALL);
    flipFirstRecordOfLastSegment(fs);

    assertThatThrownBy(() -> open(fs)).isInstanceOf(DataLossException.class)
        .hasMessageContaining("the log from record");
  }
}
