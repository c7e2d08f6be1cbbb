package io.edgetimedb.engine.wal;

import static io.edgetimedb.engine.wal.RecordedLog.appendNumbered;
import static io.edgetimedb.engine.wal.RecordedLog.payload;
import static io.edgetimedb.engine.wal.RecordedLog.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.vfs.SimulatedFileSystem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damage of every kind, one named case each. Every case checks the same promises: replay does
 * not throw, hands over only intact records in sequence from 1, says what it found, leaves a
 * log that replays the same way again, and lets appends continue right after the last record.
 */
class WalDamageTest {

  private static final Path DIR = Path.of("/data/wal");
  private static final int RECORDS = 60;
  private static final WalOptions OPTIONS =
      WalOptions.defaults().withSegmentBytes(512).withFsyncPolicy(FsyncPolicy.ALWAYS)
          .withSpareInBackground(false);

  private SimulatedFileSystem fs;
  private List<Path> segments;

  @FunctionalInterface
  interface Damage {
    void apply(WalDamageTest log) throws IOException;
  }

  /** What replay must report: records replayed, then torn tail or corruption or neither. */
  record Expected(long records, DamageKind kind, boolean torn) {
    static Expected clean(long records) {
      return new Expected(records, null, false);
    }

    static Expected tornTail(long records, DamageKind kind) {
      return new Expected(records, kind, true);
    }

    static Expected corruption(long records, DamageKind kind) {
      return new Expected(records, kind, false);
    }
  }

  @BeforeEach
  void writeLog() throws IOException {
    fs = new SimulatedFileSystem();
    try (WriteAheadLog log = WriteAheadLog.open(fs, DIR, OPTIONS)) {
      for (long i = 1; i <= RECORDS; i++) {
        appendNumbered(log, i);
      }
    }
    segments = RecordedLog.segments(fs, DIR);
    assertThat(segments).hasSizeGreaterThan(4);
  }

  static Stream<Arguments> damageCases() {
    return Stream.of(
        named("clean log", log -> { }, log -> Expected.clean(RECORDS)),
        named("a longer zero tail after the last record is still the clean end",
            log -> log.appendBytes(log.last(), new byte[4096]),
            log -> Expected.clean(RECORDS)),
        named("last record zeroed (its write never reached the disk): the clean end",
            log -> log.overwrite(RECORDS, new byte[log.recordLength(RECORDS)]),
            log -> Expected.clean(RECORDS - 1)),
        named("zero tail ending in garbage",
            log -> log.appendBytes(log.last(), zerosThen7()),
            log -> Expected.tornTail(RECORDS, DamageKind.ZERO_FILLED)),
        named("garbage in an earlier segment's zero tail",
            log -> log.appendBytes(log.segments.get(1), zerosThen7()),
            log -> Expected.corruption(log.firstSequenceOf(log.segments.get(2)) - 1,
                DamageKind.ZERO_FILLED)),
        named("short record header at the end",
            log -> log.truncate(log.last(), log.offsetOf(RECORDS) + 5),
            log -> Expected.tornTail(RECORDS - 1, DamageKind.SHORT_RECORD_HEADER)),
        named("short payload at the end",
            log -> log.truncate(log.last(), log.offsetOf(RECORDS) + 17),
            log -> Expected.tornTail(RECORDS - 1, DamageKind.SHORT_PAYLOAD)),
        named("last record's payload garbled",
            log -> log.flipBit(RECORDS, 16 * 8 + 3),
            log -> Expected.tornTail(RECORDS - 1, DamageKind.CHECKSUM_MISMATCH)),
        named("last segment's header torn",
            log -> log.truncate(log.last(), 10),
            log -> Expected.tornTail(log.firstSequenceOf(log.last()) - 1,
                DamageKind.BAD_SEGMENT_HEADER)),
        named("bit flip in a middle record of the last segment",
            log -> log.flipBit(log.firstSequenceOf(log.last()) + 1, 20 * 8),
            log -> Expected.corruption(log.firstSequenceOf(log.last()),
                DamageKind.CHECKSUM_MISMATCH)),
        named("bit flip in the length of a record in the first segment",
            log -> log.flipBit(3, 1),
            log -> Expected.corruption(2, DamageKind.CHECKSUM_MISMATCH)),
        named("length of a record in an earlier segment runs past its end",
            log -> log.flipBit(3, 30),
            log -> Expected.corruption(2, DamageKind.SHORT_PAYLOAD)),
        named("bit flip in a record's sequence number",
            log -> log.flipBit(10, 8 * 8),
            log -> Expected.corruption(9, DamageKind.CHECKSUM_MISMATCH)),
        named("intact record with a wrong sequence number",
            log -> log.replaceWithRecordNumbered(12, 17),
            log -> Expected.corruption(11, DamageKind.SEQUENCE_GAP)),
        named("earlier segment cut short",
            log -> log.truncate(log.segments.get(1), log.endOfRecords(1) - 3),
            log -> Expected.corruption(log.firstSequenceOf(log.segments.get(2)) - 2,
                DamageKind.SHORT_PAYLOAD)),
        named("earlier segment's header garbled",
            log -> log.garbleHeader(log.segments.get(2)),
            log -> Expected.corruption(log.firstSequenceOf(log.segments.get(2)) - 1,
                DamageKind.BAD_SEGMENT_HEADER)),
        named("missing middle segment",
            log -> log.fs.delete(log.segments.get(2)),
            log -> Expected.corruption(log.firstSequenceOf(log.segments.get(2)) - 1,
                DamageKind.SEQUENCE_GAP)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damageCases")
  void replayReportsDamageAndNeverHandsOverABadRecord(String name, Damage damage, Outcome expected)
      throws IOException {
    Expected outcome = expected.in(this);
    damage.apply(this);
    RecordedLog replayed = new RecordedLog();
    ReplayReport report = WriteAheadLog.replay(fs, DIR, replayed);
    assertReplayedPrefix(replayed, outcome.records());
    assertThat(report.recordsReplayed()).isEqualTo(outcome.records());
    assertThat(report.lastSequence()).isEqualTo(outcome.records());
    assertReportedDamage(report, outcome);
    assertRepairedLogContinues(outcome.records());
  }

  static Stream<Arguments> tornLastRecordCuts() {
    return IntStream.range(0, 16 + payload(RECORDS).length)
        .mapToObj(cut -> Arguments.of("last record torn after " + cut + " bytes", cut));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tornLastRecordCuts")
  void aLastRecordTornAtAnyByteIsCutOff(String name, int cut) throws IOException {
    long recordStart = offsetOf(RECORDS);
    truncate(last(), recordStart + cut);
    RecordedLog replayed = new RecordedLog();
    ReplayReport report = WriteAheadLog.replay(fs, DIR, replayed);
    assertReplayedPrefix(replayed, RECORDS - 1);
    if (cut == 0) {
      assertThat(report.isClean()).isTrue();
    } else {
      assertThat(report.corruption()).isEmpty();
      assertThat(report.tornTail()).get()
          .returns(recordStart, ReplayReport.TornTail::offset)
          .returns((long) cut, ReplayReport.TornTail::droppedBytes);
      assertThat(fs.size(last())).isEqualTo(recordStart);
    }
    assertRepairedLogContinues(RECORDS - 1);
  }

  @Test
  void bitFlipsInRandomRecordsAreReportedAndNeverSkipped() throws IOException {
    byte[][] pristine = new byte[segments.size()][];
    for (int i = 0; i < segments.size(); i++) {
      pristine[i] = readAll(fs, segments.get(i));
    }
    Random random = new Random(0x5EED);
    for (int trial = 0; trial < 40; trial++) {
      restore(pristine);
      long victim = 1 + random.nextInt(RECORDS - 1);
      flipBit(victim, random.nextInt(recordLength(victim) * 8));
      RecordedLog replayed = new RecordedLog();
      ReplayReport report = WriteAheadLog.replay(fs, DIR, replayed);
      assertReplayedPrefix(replayed, victim - 1);
      assertThat(report.corruption()).get()
          .returns(offsetOf(victim), ReplayReport.Corruption::offset)
          .returns(victim, ReplayReport.Corruption::firstSequenceNotReplayed);
      assertLaterSegmentsKept(report, victim, pristine);
    }
  }

  @Test
  void randomMutationsNeverMakeReplayThrowOrHandOverABadRecord() throws IOException {
    byte[][] pristine = new byte[segments.size()][];
    for (int i = 0; i < segments.size(); i++) {
      pristine[i] = readAll(fs, segments.get(i));
    }
    Random random = new Random(0xF022);
    for (int trial = 0; trial < 200; trial++) {
      restore(pristine);
      for (int mutation = 1 + random.nextInt(3); mutation > 0; mutation--) {
        mutate(segments.get(random.nextInt(segments.size())), random);
      }
      RecordedLog replayed = new RecordedLog();
      ReplayReport report = WriteAheadLog.replay(fs, DIR, replayed);
      assertReplayedPrefix(replayed, report.recordsReplayed());
      assertRepairedLogContinues(report.recordsReplayed());
    }
  }

  private void mutate(Path segment, Random random) throws IOException {
    byte[] content = readAll(fs, segment);
    int at = random.nextInt(content.length);
    switch (random.nextInt(4)) {
      case 0:
        content[at] ^= (byte) (1 << random.nextInt(8));
        RecordedLog.overwrite(fs, segment, content);
        break;
      case 1:
        truncate(segment, at);
        break;
      case 2:
        byte[] garbage = new byte[1 + random.nextInt(64)];
        random.nextBytes(garbage);
        appendBytes(segment, garbage);
        break;
      default:
        Arrays.fill(content, at, Math.min(content.length, at + random.nextInt(64)), (byte) 0);
        RecordedLog.overwrite(fs, segment, content);
    }
  }

  @Test
  void progressIsReportedUpToTheTotal() throws IOException {
    List<long[]> progress = new ArrayList<>();
    WriteAheadLog.replay(fs, DIR, (sequence, payload) -> { },
        (done, total) -> progress.add(new long[] {done, total}));
    long total = 0;
    for (Path segment : segments) {
      total += fs.size(segment);
    }
    assertThat(progress).isNotEmpty();
    assertThat(progress.get(progress.size() - 1)).containsExactly(total, total);
    for (int i = 1; i < progress.size(); i++) {
      assertThat(progress.get(i)[0]).isGreaterThanOrEqualTo(progress.get(i - 1)[0]);
    }
  }

  // ---------------------------------------------------------------- checks

  private void assertReportedDamage(ReplayReport report, Expected outcome) {
    if (outcome.kind() == null) {
      assertThat(report.isClean()).isTrue();
    } else if (outcome.torn()) {
      assertThat(report.corruption()).isEmpty();
      assertThat(report.tornTail()).get().returns(outcome.kind(), ReplayReport.TornTail::kind);
    } else {
      assertThat(report.tornTail()).isEmpty();
      assertThat(report.corruption()).get()
          .returns(outcome.kind(), ReplayReport.Corruption::kind)
          .returns(outcome.records() + 1, ReplayReport.Corruption::firstSequenceNotReplayed);
      assertThat(report.corruption().get().bytesNotReplayed()).isPositive();
    }
  }

  /** The damaged segment and all later ones are set aside, not deleted, bytes unchanged. */
  private void assertLaterSegmentsKept(ReplayReport report, long victim, byte[][] pristine)
      throws IOException {
    int damaged = segmentIndexOf(victim);
    List<Path> setAside = report.corruption().get().setAside();
    assertThat(setAside).hasSize(segments.size() - damaged);
    assertThat(readAll(fs, setAside.get(0))).hasSameSizeAs(pristine[damaged]);
    for (int later = damaged + 1; later < segments.size(); later++) {
      assertThat(readAll(fs, setAside.get(later - damaged))).isEqualTo(pristine[later]);
    }
  }

  private void restore(byte[][] pristine) throws IOException {
    for (Path path : fs.list(DIR)) {
      fs.delete(path);
    }
    for (int i = 0; i < segments.size(); i++) {
      RecordedLog.overwrite(fs, segments.get(i), pristine[i]);
    }
  }

  private static void assertReplayedPrefix(RecordedLog replayed, long count) {
    assertThat(replayed.sequences).containsExactlyElementsOf(WriteAheadLogTest.range(1, count));
    for (int i = 0; i < count; i++) {
      assertThat(replayed.payloads.get(i)).isEqualTo(payload(i + 1));
    }
  }

  /** After repair: replays the same again, cleanly, and appends continue right after. */
  private void assertRepairedLogContinues(long records) throws IOException {
    RecordedLog again = new RecordedLog();
    try (WriteAheadLog log = WriteAheadLog.open(fs, DIR, OPTIONS, again)) {
      assertThat(log.recoveryReport().isClean()).isTrue();
      for (long i = records + 1; i <= records + 3; i++) {
        assertThat(appendNumbered(log, i)).isEqualTo(i);
      }
    }
    assertReplayedPrefix(again, records);
    RecordedLog extended = new RecordedLog();
    assertThat(WriteAheadLog.replay(fs, DIR, extended).isClean()).isTrue();
    assertReplayedPrefix(extended, records + 3);
  }

  // ---------------------------------------------------------------- damaging the log

  private Path last() {
    return segments.get(segments.size() - 1);
  }

  private long firstSequenceOf(Path segment) {
    return WalSegmentFormat.firstSequenceOf(segment);
  }

  private int segmentIndexOf(long sequence) {
    int index = 0;
    while (index + 1 < segments.size() && firstSequenceOf(segments.get(index + 1)) <= sequence) {
      index++;
    }
    return index;
  }

  /** 32 zero bytes, then a 7: whatever zero tail it follows, the next record header reads as zeros. */
  private static byte[] zerosThen7() {
    byte[] bytes = new byte[33];
    bytes[32] = 7;
    return bytes;
  }

  /** Where the records of segment {@code index} (not the last) end and its zero tail begins. */
  private long endOfRecords(int index) {
    long lastSequence = firstSequenceOf(segments.get(index + 1)) - 1;
    return offsetOf(lastSequence) + recordLength(lastSequence);
  }

  private long offsetOf(long sequence) {
    long offset = WalSegmentFormat.HEADER_BYTES;
    for (long s = firstSequenceOf(segments.get(segmentIndexOf(sequence))); s < sequence; s++) {
      offset += recordLength(s);
    }
    return offset;
  }

  private int recordLength(long sequence) {
    return WalSegmentFormat.RECORD_HEADER_BYTES + payload(sequence).length;
  }

  private void truncate(Path segment, long size) throws IOException {
    byte[] content = readAll(fs, segment);
    RecordedLog.overwrite(fs, segment, Arrays.copyOf(content, (int) size));
  }

  private void appendBytes(Path segment, byte[] extra) throws IOException {
    byte[] content = readAll(fs, segment);
    byte[] extended = Arrays.copyOf(content, content.length + extra.length);
    System.arraycopy(extra, 0, extended, content.length, extra.length);
    RecordedLog.overwrite(fs, segment, extended);
  }

  private void overwrite(long sequence, byte[] replacement) throws IOException {
    Path segment = segments.get(segmentIndexOf(sequence));
    byte[] content = readAll(fs, segment);
    System.arraycopy(replacement, 0, content, (int) offsetOf(sequence), replacement.length);
    RecordedLog.overwrite(fs, segment, content);
  }

  private void flipBit(long sequence, int bit) throws IOException {
    Path segment = segments.get(segmentIndexOf(sequence));
    byte[] content = readAll(fs, segment);
    content[(int) offsetOf(sequence) + bit / 8] ^= (byte) (1 << (bit % 8));
    RecordedLog.overwrite(fs, segment, content);
  }

  private void replaceWithRecordNumbered(long sequence, long wrongSequence) throws IOException {
    ByteBuffer record = ByteBuffer.allocate(recordLength(sequence)).order(ByteOrder.LITTLE_ENDIAN);
    WalSegmentFormat.encodeRecord(
        record, wrongSequence, ByteBuffer.wrap(payload(sequence)), new CRC32C());
    overwrite(sequence, record.array());
  }

  private void garbleHeader(Path segment) throws IOException {
    byte[] content = readAll(fs, segment);
    content[9] ^= 0x40;
    RecordedLog.overwrite(fs, segment, content);
  }

  // ---------------------------------------------------------------- case table plumbing

  private static Arguments named(String name, Damage damage, Outcome expected) {
    return Arguments.of(name, damage, expected);
  }

  /** What a case expects, which may depend on where the fixture's segments start. */
  @FunctionalInterface
  interface Outcome {
    Expected in(WalDamageTest log);
  }
}
