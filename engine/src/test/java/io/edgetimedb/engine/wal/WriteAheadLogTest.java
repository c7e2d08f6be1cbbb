package io.edgetimedb.engine.wal;

import static io.edgetimedb.engine.wal.RecordedLog.appendNumbered;
import static io.edgetimedb.engine.wal.RecordedLog.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.vfs.FileSystem;
import io.edgetimedb.engine.vfs.RealFileSystem;
import io.edgetimedb.engine.vfs.SimulatedFileSystem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class WriteAheadLogTest {

  private static final Path DIR = Path.of("/data/wal");
  private static final WalOptions SMALL_SEGMENTS =
      WalOptions.defaults().withSegmentBytes(512).withGroupCommitMillis(1);

  private final SimulatedFileSystem fs = new SimulatedFileSystem();

  @ParameterizedTest
  @EnumSource(FsyncPolicy.class)
  void roundTripsAcrossManySegments(FsyncPolicy policy) throws IOException {
    try (WriteAheadLog log = WriteAheadLog.open(fs, DIR, SMALL_SEGMENTS.withFsyncPolicy(policy))) {
      for (long i = 1; i <= 300; i++) {
        assertThat(appendNumbered(log, i)).isEqualTo(i);
      }
    }
    assertThat(RecordedLog.segments(fs, DIR)).hasSizeGreaterThan(20);
    assertReplaysExactly(fs, 300);
  }

  @Test
  void roundTripsOnTheRealFileSystem(@TempDir Path dir) throws IOException {
    FileSystem real = new RealFileSystem();
    Path walDir = dir.resolve("wal");
    try (WriteAheadLog log = WriteAheadLog.open(real, walDir, SMALL_SEGMENTS)) {
      for (long i = 1; i <= 100; i++) {
        appendNumbered(log, i);
      }
    }
    RecordedLog replayed = new RecordedLog();
    ReplayReport report = WriteAheadLog.replay(real, walDir, replayed);
    assertThat(report.isClean()).isTrue();
    assertThat(replayed.sequences).containsExactlyElementsOf(range(1, 100));
  }

  @Test
  void reopeningContinuesWithTheNextSequenceInAFreshSegment() throws IOException {
    try (WriteAheadLog log = WriteAheadLog.open(fs, DIR, WalOptions.defaults())) {
      appendNumbered(log, 1);
      appendNumbered(log, 2);
    }
    RecordedLog replayed = new RecordedLog();
    try (WriteAheadLog log = WriteAheadLog.open(fs, DIR, WalOptions.defaults(), replayed)) {
      assertThat(log.recoveryReport().lastSequence()).isEqualTo(2);
      assertThat(appendNumbered(log, 3)).isEqualTo(3);
    }
    assertThat(replayed.sequences).containsExactly(1L, 2L);
    assertThat(RecordedLog.segments(fs, DIR))
        .extracting(path -> path.getFileName().toString())
        .containsExactly("wal-00000000000000000001.log", "wal-00000000000000000003.log");
    assertReplaysExactly(fs, 3);
  }

  @Test
  void anEmptyTrailingSegmentIsReplacedOnReopen() throws IOException {
    WriteAheadLog.open(fs, DIR, WalOptions.defaults()).close();
    WriteAheadLog.open(fs, DIR, WalOptions.defaults()).close();
    assertThat(RecordedLog.segments(fs, DIR)).hasSize(1);
    try (WriteAheadLog log = WriteAheadLog.open(fs, DIR, WalOptions.defaults())) {
      assertThat(appendNumbered(log, 1)).isEqualTo(1);
    }
    assertReplaysExactly(fs, 1);
  }

  @Test
  void groupCommitAcknowledgesOnlyDurableRecordsOfConcurrentAppenders() throws Exception {
    WalOptions options = WalOptions.defaults().withSegmentBytes(2048).withGroupCommitMillis(5);
    List<Long> notDurableWhenAcknowledged = Collections.synchronizedList(new ArrayList<>());
    ExecutorService appenders = Executors.newFixedThreadPool(4);
    try (WriteAheadLog log = WriteAheadLog.open(fs, DIR, options)) {
      List<Future<?>> done = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        done.add(appenders.submit(
            () -> appendAndCheckDurable(log, 40, notDurableWhenAcknowledged)));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      appenders.shutdown();
    }
    assertThat(notDurableWhenAcknowledged).isEmpty();
    assertReplaysSequences(fs, 160);
  }

  private Void appendAndCheckDurable(WriteAheadLog log, int count, List<Long> failures)
      throws IOException {
    for (int i = 0; i < count; i++) {
      long sequence = log.append(ByteBuffer.wrap(new byte[24]));
      if (durableLastSequence(fs) < sequence) {
        failures.add(sequence);
      }
    }
    return null;
  }

  @Test
  void alwaysMakesEveryRecordDurableBeforeReturning() throws IOException {
    try (WriteAheadLog log =
        WriteAheadLog.open(fs, DIR, SMALL_SEGMENTS.withFsyncPolicy(FsyncPolicy.ALWAYS))) {
      for (long i = 1; i <= 50; i++) {
        appendNumbered(log, i);
        assertThat(durableLastSequence(fs)).isEqualTo(i);
      }
    }
  }

  @Test
  void osPolicyReturnsBeforeTheRecordIsDurable() throws IOException {
    WalOptions options =
        WalOptions.defaults().withFsyncPolicy(FsyncPolicy.OS).withGroupCommitMillis(60_000);
    try (WriteAheadLog log = WriteAheadLog.open(fs, DIR, options)) {
      appendNumbered(log, 1);
      awaitDurable(log, 1);
      // the next background fsync is a minute away
      appendNumbered(log, 2);
      appendNumbered(log, 3);
      assertThat(log.lastSequence()).isEqualTo(3);
      assertThat(durableLastSequence(fs)).isEqualTo(1);
    }
    assertThat(durableLastSequence(fs)).isEqualTo(3);
  }

  @Test
  void osPolicySyncsInTheBackground() throws IOException {
    WalOptions options =
        WalOptions.defaults().withFsyncPolicy(FsyncPolicy.OS).withGroupCommitMillis(1);
    try (WriteAheadLog log = WriteAheadLog.open(fs, DIR, options)) {
      appendNumbered(log, 1);
      awaitDurable(log, 1);
      appendNumbered(log, 2);
      awaitDurable(log, 2);
      assertThat(durableLastSequence(fs)).isEqualTo(2);
    }
  }

  private static void awaitDurable(WriteAheadLog log, long sequence) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (log.durableSequence() < sequence && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(log.durableSequence()).isEqualTo(sequence);
  }

  @Test
  void truncateBeforeDeletesOnlyWholeSegmentsBelowTheSequence() throws IOException {
    try (WriteAheadLog log = WriteAheadLog.open(fs, DIR, SMALL_SEGMENTS)) {
      for (long i = 1; i <= 100; i++) {
        appendNumbered(log, i);
      }
      log.truncateBefore(50);
      List<Path> kept = RecordedLog.segments(fs, DIR);
      long firstKept = WalSegmentFormat.firstSequenceOf(kept.get(0));
      assertThat(firstKept).isLessThanOrEqualTo(50);
      RecordedLog replayed = new RecordedLog();
      WriteAheadLog.replay(fs, DIR, replayed);
      assertThat(replayed.sequences).startsWith(firstKept).contains(50L).endsWith(100L);
      log.truncateBefore(Long.MAX_VALUE);
      assertThat(RecordedLog.segments(fs, DIR)).hasSize(1);
      assertThat(appendNumbered(log, 101)).isEqualTo(101);
    }
  }

  private static final long SEGMENT = 4096;
  private static final WalOptions RESERVING = WalOptions.defaults().withSegmentBytes(SEGMENT)
      .withFsyncPolicy(FsyncPolicy.ALWAYS).withSpareInBackground(false);

  /**
   * The disk fills up right after a rotation, with {@code free} bytes left: the segment just
   * started and the spare reserved for the next one still take every record, each further
   * whole segment of free space takes another, and then the append that needs a new segment
   * fails cleanly, before any of its bytes are written. No record is ever half on the disk,
   * and appends resume once there is space again.
   */
  @ParameterizedTest(name = "{0} bytes free: {1} more segment(s) started")
  @CsvSource({
      "0, 1", // the disk fills exactly at the segment boundary
      "1, 1",
      "4095, 1", // one byte short of a segment
      "4096, 2", // exactly one segment free: the limit, it is reserved
      "8191, 2",
      "8192, 3"})
  void aFullDiskStopsTheLogOnlyWhereANewSegmentCannotBeReserved(long free, int segmentsStarted)
      throws IOException {
    try (WriteAheadLog log = WriteAheadLog.open(fs, DIR, RESERVING)) {
      long sequence = appendUntilRotation(log, 1);
      int segmentsBefore = RecordedLog.segments(fs, DIR).size();
      fs.failWritesAfter(free);
      IOException error = appendUntilFailure(log, sequence);
      assertThat(error).isNotInstanceOf(WalFailedException.class)
          .hasMessageContaining("cannot reserve " + SEGMENT + " bytes for the next WAL segment")
          .hasMessageContaining("No space left on device");
      assertThat(RecordedLog.segments(fs, DIR)).hasSize(segmentsBefore + segmentsStarted);
      assertThat(fs.exists(DIR.resolve(SpareSegment.FILE_NAME))).isFalse();
      long acknowledged = log.lastSequence();
      assertReplaysExactly(fs.copyOfDurableState(), acknowledged);
      assertThatThrownBy(() -> appendNumbered(log, acknowledged + 1)).hasMessageContaining("No space left");
      fs.setCapacity(Long.MAX_VALUE);
      assertThat(appendNumbered(log, acknowledged + 1)).isEqualTo(acknowledged + 1);
    }
  }

  /** Appends from {@code from} until a new segment was started; returns the next sequence. */
  private long appendUntilRotation(WriteAheadLog log, long from) throws IOException {
    int segments = RecordedLog.segments(fs, DIR).size();
    long sequence = from;
    while (RecordedLog.segments(fs, DIR).size() == segments) {
      appendNumbered(log, sequence++);
    }
    return sequence;
  }

  @Test
  void segmentsAreZeroFilledToTheirFullSizeAndReplayCleanlyWithTheirZeroTail() throws IOException {
    WriteAheadLog log = WriteAheadLog.open(fs, DIR, RESERVING);
    for (long i = 1; i <= 3; i++) {
      appendNumbered(log, i);
    }
    fs.powerCut(new java.util.Random(1), io.edgetimedb.engine.vfs.CutPolicy.DROP_ALL);
    Path segment = RecordedLog.segments(fs, DIR).get(0);
    assertThat(fs.size(segment)).isEqualTo(SEGMENT);
    assertThat(WalCheck.verify(fs, DIR, payload -> 1).isClean()).isTrue();
    assertReplaysExactly(fs, 3);
    assertThat(fs.size(segment)).as("a zero tail is not cut off").isEqualTo(SEGMENT);
  }

  @Test
  void aRecordLargerThanASegmentThatMeetsAFullDiskIsErasedAndTheLogStaysUsable() throws IOException {
    try (WriteAheadLog log = WriteAheadLog.open(fs, DIR, RESERVING)) {
      appendNumbered(log, 1);
      // the rotation takes the reserved spare, preparing the next one takes the rest
      fs.failWritesAfter(SEGMENT);
      assertThatThrownBy(() -> log.append(ByteBuffer.allocate((int) SEGMENT)))
          .isNotInstanceOf(WalFailedException.class)
          .hasMessageContaining("No space left on device").hasMessageContaining("log stays usable");
      fs.setCapacity(Long.MAX_VALUE);
      assertThat(appendNumbered(log, 2)).isEqualTo(2);
    }
    assertReplaysExactly(fs, 2);
  }

  private static IOException appendUntilFailure(WriteAheadLog log, long from) {
    for (long sequence = from; ; sequence++) {
      try {
        appendNumbered(log, sequence);
      } catch (IOException e) {
        return e;
      }
    }
  }

  @ParameterizedTest
  @EnumSource(FsyncPolicy.class)
  void aFailedFsyncIsFatalAndNeverRetried(FsyncPolicy policy) throws IOException {
    WalOptions options = WalOptions.defaults().withFsyncPolicy(policy).withGroupCommitMillis(1)
        .withSpareInBackground(false); // the injected fsync failure must hit the log, not the spare
    WriteAheadLog log = WriteAheadLog.open(fs, DIR, options);
    appendNumbered(log, 1);
    fs.failNextSync(new IOException("EIO: disk on fire"));
    IOException failure = appendUntilFailure(log, 2);
    assertThat(failure)
        .isInstanceOf(WalFailedException.class)
        .hasMessageContaining("EIO: disk on fire");
    assertThatThrownBy(() -> appendNumbered(log, 99))
        .isInstanceOf(WalFailedException.class)
        .hasMessageContaining("failed earlier")
        .hasMessageContaining("EIO: disk on fire");
    log.close();
  }

  @Test
  void appendsAfterCloseAreRefused() throws IOException {
    WriteAheadLog log = WriteAheadLog.open(fs, DIR, WalOptions.defaults());
    log.close();
    log.close();
    assertThatThrownBy(() -> appendNumbered(log, 1)).hasMessageContaining("closed");
  }

  @Test
  void theCallersPayloadPositionIsLeftAlone() throws IOException {
    ByteBuffer payload = ByteBuffer.wrap(new byte[] {9, 1, 2, 3});
    payload.position(1);
    try (WriteAheadLog log = WriteAheadLog.open(fs, DIR, WalOptions.defaults())) {
      log.append(payload);
    }
    assertThat(payload.position()).isEqualTo(1);
    RecordedLog replayed = new RecordedLog();
    WriteAheadLog.replay(fs, DIR, replayed);
    assertThat(replayed.payloads).containsExactly(new byte[] {1, 2, 3});
  }

  @Test
  void optionsRejectNonsense() {
    WalOptions defaults = WalOptions.defaults();
    assertThatThrownBy(() -> defaults.withSegmentBytes(10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withSegmentBytes(WalOptions.MAX_SEGMENT_BYTES + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withGroupCommitMillis(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withFsyncPolicy(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The last sequence that would survive a power cut right now. */
  static long durableLastSequence(SimulatedFileSystem fs) throws IOException {
    SimulatedFileSystem afterCut = fs.copyOfDurableState();
    if (!afterCut.exists(DIR)) {
      return 0;
    }
    return WriteAheadLog.replay(afterCut, DIR, (sequence, payload) -> { }).lastSequence();
  }

  static void assertReplaysExactly(FileSystem fs, long count) throws IOException {
    RecordedLog replayed = new RecordedLog();
    ReplayReport report = WriteAheadLog.replay(fs, DIR, replayed);
    assertThat(report.isClean()).isTrue();
    assertThat(report.recordsReplayed()).isEqualTo(count);
    assertThat(replayed.sequences).containsExactlyElementsOf(range(1, count));
    for (int i = 0; i < count; i++) {
      assertThat(replayed.payloads.get(i)).isEqualTo(payload(i + 1));
    }
  }

  private static void assertReplaysSequences(FileSystem fs, long count) throws IOException {
    RecordedLog replayed = new RecordedLog();
    WriteAheadLog.replay(fs, DIR, replayed);
    assertThat(replayed.sequences).containsExactlyElementsOf(range(1, count));
  }

  static List<Long> range(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }
}
