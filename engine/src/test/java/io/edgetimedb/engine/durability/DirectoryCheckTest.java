package io.edgetimedb.engine.durability;

import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.testsupport.DyingProcessFileSystem;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.durability.DirectoryCheck.CheckedFile;
import io.edgetimedb.engine.durability.DirectoryCheck.FileKind;
import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.vfs.RealFileSystem;
import io.edgetimedb.engine.wal.DamageKind;
import io.edgetimedb.engine.wal.WalCheck.State;
import io.edgetimedb.engine.wal.WalOptions;
import io.edgetimedb.engine.wal.WriteAheadLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-only check of a database directory, and its repair. */
class DirectoryCheckTest {
  private static final int SENSORS = 10;

  @TempDir
  Path dir;

  private final RealFileSystem fs = new RealFileSystem();

  /** A checkpoint of 30 ticks, then 40 more in 4 KiB log segments, left unclosed as by a crash. */
  @BeforeEach
  void writeAndCrash() {
    DatabaseConfig config = DatabaseConfig.defaults().withDataDirectory(dir).withCheckpointIntervalMillis(0)
        .withWal(WalOptions.defaults().withSegmentBytes(4 << 10));
    Database db = Database.open(config, new DyingProcessFileSystem(), ReplayProgressListener.NONE);
    SensorFeed feed = new SensorFeed(SENSORS, 5, 1_700_000_000_000L, 1000);
    feed.writeTicks(db, 30);
    db.checkpoint();
    feed.writeTicks(db, 40);
  }

  @Test
  void aCleanDirectoryCountsEveryRecordAndPoint() throws IOException {
    Map<Path, byte[]> before = contents();

    DirectoryCheck check = DirectoryCheck.run(fs, dir);

    assertThat(check.isClean()).isTrue();
    CheckedFile checkpoint = check.files().get(0);
    assertThat(checkpoint.kind()).isEqualTo(FileKind.CHECKPOINT);
    assertThat(checkpoint.sequence()).isEqualTo(30);
    assertThat(checkpoint.series()).isEqualTo(SENSORS);
    assertThat(checkpoint.points()).isEqualTo(30 * SENSORS);
    List<CheckedFile> segments = segments(check);
    assertThat(segments).hasSizeGreaterThan(2).allMatch(s -> s.state() == State.INTACT);
    long records = 70 - (segments.get(0).sequence() - 1);
    assertThat(records).isGreaterThanOrEqualTo(40);
    assertThat(segments.stream().mapToLong(CheckedFile::records).sum()).isEqualTo(records);
    assertThat(segments.stream().mapToLong(CheckedFile::points).sum()).isEqualTo(records * SENSORS);
    assertThat(contents()).usingRecursiveComparison().isEqualTo(before);
  }

  @Test
  void aTornLogTailIsReportedWithWhatItCostsAndLeftAlone() throws IOException {
    Path last = lastSegment();
    long intact = endOfRecords(last);
    try (FileChannel channel = FileChannel.open(last, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(new byte[] {40, 0, 0, 0, 1, 2, 3}), intact); // torn in place
    }
    Map<Path, byte[]> before = contents();

    DirectoryCheck check = DirectoryCheck.run(fs, dir);

    assertThat(check.isClean()).isFalse();
    CheckedFile torn = segments(check).get(segments(check).size() - 1);
    assertThat(torn.state()).isEqualTo(State.TORN_TAIL);
    assertThat(torn.damageOffset()).isEqualTo(intact);
    assertThat(torn.problem()).contains(DamageKind.CHECKSUM_MISMATCH.name());
    assertThat(torn.loss()).startsWith((Files.size(last) - intact) + " bytes");
    assertThat(contents()).usingRecursiveComparison().isEqualTo(before);
  }

  @Test
  void theZeroTailOfAPreallocatedSegmentIsNotDamage() throws IOException {
    Path last = lastSegment();
    assertThat(Files.size(last)).as("preallocated").isEqualTo(4 << 10).isGreaterThan(endOfRecords(last));
    assertThat(DirectoryCheck.run(fs, dir).isClean()).isTrue();
  }

  /** Where the records of segment {@code segment} end: its header plus each record's header and payload. */
  private long endOfRecords(Path segment) throws IOException {
    String name = segment.getFileName().toString();
    long first = Long.parseLong(name.substring("wal-".length(), name.length() - ".log".length()));
    long[] end = {24};
    WriteAheadLog.replay(fs, dir.resolve("wal"), (sequence, payload) -> {
      if (sequence >= first) {
        end[0] += 16 + payload.remaining();
      }
    });
    return end[0];
  }

  @Test
  void aDamagedCheckpointCostsNothingWhileTheLogBeforeItIsKept() throws IOException {
    flipByte(dir.resolve(CheckpointFormat.fileName(30)), 100);

    CheckedFile damaged = DirectoryCheck.run(fs, dir).files().get(0);

    assertThat(damaged.state()).isEqualTo(State.DAMAGED);
    assertThat(damaged.loss()).isEqualTo("nothing: recovery uses no checkpoint and the log after it");
  }

  @Test
  void aDamagedCheckpointIsReportedWithTheLogRecordsNoOtherFileHas() throws IOException {
    Path checkpoint = dir.resolve(CheckpointFormat.fileName(30));
    flipByte(checkpoint, 100);
    Files.delete(segments(DirectoryCheck.run(fs, dir)).get(0).path()); // as a log over its fallback limit

    DirectoryCheck check = DirectoryCheck.run(fs, dir);

    CheckedFile damaged = check.files().get(0);
    assertThat(damaged.state()).isEqualTo(State.DAMAGED);
    assertThat(damaged.problem()).contains("checksum");
    long firstInLog = segments(check).get(0).sequence();
    assertThat(firstInLog).isGreaterThan(1);
    assertThat(damaged.loss()).startsWith("log records 1 to " + (firstInLog - 1));
  }

  @Test
  void repairCutsTheLogAtTheFirstBadRecordAndKeepsBackups() throws IOException {
    List<Path> segmentFiles = segments(DirectoryCheck.run(fs, dir)).stream().map(CheckedFile::path).toList();
    Path damagedSegment = segmentFiles.get(1);
    flipByte(damagedSegment, (int) Files.size(damagedSegment) / 2);
    byte[] damagedBytes = Files.readAllBytes(damagedSegment);

    DirectoryCheck check = DirectoryCheck.run(fs, dir);
    CheckedFile damaged = segments(check).get(1);
    assertThat(damaged.state()).isEqualTo(State.DAMAGED);
    long recordsKept = segments(check).get(0).records() + damaged.records();
    List<Path> backups = check.repair();

    assertThat(backups).hasSize(segmentFiles.size() - 1);
    assertThat(Files.readAllBytes(backups.get(0))).isEqualTo(damagedBytes);
    assertThat(Files.size(damagedSegment)).isEqualTo(damaged.damageOffset());
    assertThat(segmentFiles.subList(2, segmentFiles.size())).allMatch(Files::notExists);
    DirectoryCheck after = DirectoryCheck.run(fs, dir);
    assertThat(after.isClean()).isTrue();
    try (Database db = Database.open(DatabaseConfig.defaults().withDataDirectory(dir))) {
      assertThat(db.recoveryReport().replay().isClean()).isTrue();
      assertThat(db.recoveryReport().replay().lastSequence()).as("the log begins at 1").isEqualTo(recordsKept);
    }
  }

  @Test
  void repairReplacesAnUnreadableFirstSegmentByAnEmptyOneSoTheLogKeepsItsPlace() throws IOException {
    Path first = segments(DirectoryCheck.run(fs, dir)).get(0).path();
    flipByte(first, 2);

    DirectoryCheck check = DirectoryCheck.run(fs, dir);
    assertThat(segments(check).get(0).state()).isEqualTo(State.DAMAGED);
    check.repair();

    List<CheckedFile> after = segments(DirectoryCheck.run(fs, dir));
    assertThat(after).singleElement().satisfies(s -> {
      assertThat(s.path()).isEqualTo(first);
      assertThat(s.state()).isEqualTo(State.INTACT);
      assertThat(s.records()).isZero();
    });
  }

  @Test
  void repairMovesADamagedCheckpointAside() throws IOException {
    Path checkpoint = dir.resolve(CheckpointFormat.fileName(30));
    flipByte(checkpoint, 100);

    List<Path> backups = DirectoryCheck.run(fs, dir).repair();

    assertThat(backups).containsExactly(checkpoint.resolveSibling(checkpoint.getFileName() + ".bak"));
    assertThat(checkpoint).doesNotExist();
    assertThat(DirectoryCheck.run(fs, dir).isClean()).isTrue();
  }

  private static List<CheckedFile> segments(DirectoryCheck check) {
    return check.files().stream().filter(f -> f.kind() == FileKind.LOG_SEGMENT).toList();
  }

  private Path lastSegment() throws IOException {
    List<CheckedFile> segments = segments(DirectoryCheck.run(fs, dir));
    return segments.get(segments.size() - 1).path();
  }

  private static void flipByte(Path file, int at) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[at] ^= 0x10;
    Files.write(file, bytes);
  }

  private Map<Path, byte[]> contents() throws IOException {
    Map<Path, byte[]> contents = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        contents.put(file, Files.readAllBytes(file));
      }
    }
    return contents;
  }
}
