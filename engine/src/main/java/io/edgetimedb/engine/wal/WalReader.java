package io.edgetimedb.engine.wal;

import io.edgetimedb.engine.vfs.FileSystem;
import io.edgetimedb.engine.vfs.ReadableFile;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads the segments of a log in order, hands every intact record to a consumer and stops at
 * the first damage, which it classifies as a torn tail or as corruption. It changes nothing on
 * disk; {@link WalRecovery} repairs.
 *
 * <p>Damage is a torn tail only if it lies in the last segment and no intact record follows
 * it: that is the only damage a power cut during an append can leave. A checksum failure
 * followed by an intact record, a sequence gap, or any damage in an earlier segment (which was
 * fsynced in full before the next one was started) means the disk returned wrong data.
 */
final class WalReader {

  private static final int CHUNK_BYTES = 1 << 20;

  /** A segment file as listed in the directory. */
  record Segment(Path path, long firstSequence, long size) { }

  /**
   * Where reading stopped early.
   *
   * @param segmentIndex index into {@link Scan#segments()}
   * @param offset start of the damaged record, or 0 for a damaged segment header
   * @param recordsBefore intact records of that segment before the damage
   */
  record Damage(
      int segmentIndex, long offset, DamageKind kind, boolean tornTail, long recordsBefore) { }

  /** Result of reading a whole log; {@code damage} is null when it was read to its end. */
  record Scan(List<Segment> segments, long recordsReplayed, long lastSequence, Damage damage) { }

  private record SegmentResult(
      long records, long damageOffset, DamageKind damage, boolean tornTail) { }

  private final FileSystem fs;
  private final CRC32C crc = new CRC32C();
  private ByteBuffer buffer = newBuffer(CHUNK_BYTES);
  private ByteBuffer payloadView = buffer.asReadOnlyBuffer();
  private ReadableFile file;
  private long fileSize;
  private long bufferStart;
  private long bytesBeforeSegment;
  private long bytesTotal;
  private ReplayProgressListener listener;
  private int segmentIndex;

  WalReader(FileSystem fs) {
    this.fs = fs;
  }

  /** The segment files of {@code dir}, in sequence order. */
  static List<Segment> listSegments(FileSystem fs, Path dir) throws IOException {
    List<Segment> segments = new ArrayList<>();
    for (Path path : fs.list(dir)) {
      long firstSequence = WalSegmentFormat.firstSequenceOf(path);
      if (firstSequence >= 0) {
        segments.add(new Segment(path, firstSequence, fs.size(path)));
      }
    }
    return segments;
  }

  /** {@link #scan(Path, RecordConsumer, ReplayProgressListener, long)} of a log no checkpoint covers. */
  Scan scan(Path dir, RecordConsumer consumer, ReplayProgressListener progress)
      throws IOException {
    return scan(dir, consumer, progress, 0);
  }

  /**
   * Reads every segment in order. A segment that starts after a gap is damage, unless a
   * checkpoint covers every sequence up to {@code coveredUpTo} and the gap lies within them: a
   * record written but never made durable (its fsync failed) is still in the checkpoint taken from
   * memory, and the log goes on after it in a new segment.
   */
  Scan scan(Path dir, RecordConsumer consumer, ReplayProgressListener progress, long coveredUpTo)
      throws IOException {
    List<Segment> segments = listSegments(fs, dir);
    listener = progress;
    bytesTotal = segments.stream().mapToLong(Segment::size).sum();
    bytesBeforeSegment = 0;
    long expected = segments.isEmpty() ? 1 : segments.get(0).firstSequence();
    long replayed = 0;
    for (int i = 0; i < segments.size(); i++) {
      segmentIndex = i;
      boolean last = i == segments.size() - 1;
      long first = segments.get(i).firstSequence();
      if (first > expected && first <= coveredUpTo + 1) {
        expected = first;
      }
      SegmentResult result = readSegment(segments.get(i), expected, last, consumer);
      replayed += result.records();
      expected += result.records();
      if (result.damage() != null) {
        Damage damage = new Damage(
            i, result.damageOffset(), result.damage(), result.tornTail(), result.records());
        return new Scan(segments, replayed, expected - 1, damage);
      }
      bytesBeforeSegment += segments.get(i).size();
      listener.onProgress(bytesBeforeSegment, bytesTotal);
    }
    return new Scan(segments, replayed, expected - 1, null);
  }

  /** Index into {@link Scan#segments()} of the segment being read, for a consumer that counts per segment. */
  int segmentIndex() {
    return segmentIndex;
  }

  private SegmentResult readSegment(
      Segment segment, long firstSequence, boolean last, RecordConsumer consumer)
      throws IOException {
    try (ReadableFile opened = fs.openRead(segment.path())) {
      file = opened;
      fileSize = segment.size();
      bufferStart = 0;
      buffer.clear().limit(0);
      SegmentResult result = readContents(segment, firstSequence, consumer);
      boolean torn = last
          && result.damage() != null
          && result.damage() != DamageKind.SEQUENCE_GAP
          && !intactRecordAfter(result.damageOffset(), firstSequence + result.records());
      return new SegmentResult(result.records(), result.damageOffset(), result.damage(), torn);
    }
  }

  private SegmentResult readContents(Segment segment, long firstSequence, RecordConsumer consumer)
      throws IOException {
    if (segment.firstSequence() != firstSequence) {
      return new SegmentResult(0, 0, DamageKind.SEQUENCE_GAP, false);
    }
    if (!fill(0, WalSegmentFormat.HEADER_BYTES)
        || !WalSegmentFormat.isValidHeader(buffer, index(0), firstSequence, crc)) {
      return new SegmentResult(0, 0, DamageKind.BAD_SEGMENT_HEADER, false);
    }
    boolean preallocated = WalSegmentFormat.isPreallocated(buffer, index(0));
    return readRecords(firstSequence, preallocated, consumer);
  }

  private SegmentResult readRecords(long firstSequence, boolean preallocated, RecordConsumer consumer)
      throws IOException {
    long offset = WalSegmentFormat.HEADER_BYTES;
    long records = 0;
    while (offset < fileSize && !(preallocated && isZeroTail(offset))) {
      long sequence = firstSequence + records;
      DamageKind damage = inspectRecord(offset, sequence);
      if (damage != null) {
        return new SegmentResult(records, offset, damage, false);
      }
      int at = index(offset);
      int length = buffer.getInt(at);
      payloadView.limit(at + WalSegmentFormat.RECORD_HEADER_BYTES + length);
      payloadView.position(at + WalSegmentFormat.RECORD_HEADER_BYTES);
      consumer.accept(sequence, payloadView);
      offset += WalSegmentFormat.RECORD_HEADER_BYTES + length;
      records++;
    }
    return new SegmentResult(records, offset, null, false);
  }

  /** Null if an intact record with {@code sequence} starts at {@code offset}, else the damage. */
  private DamageKind inspectRecord(long offset, long sequence) throws IOException {
    if (!fill(offset, WalSegmentFormat.RECORD_HEADER_BYTES)) {
      return DamageKind.SHORT_RECORD_HEADER;
    }
    int at = index(offset);
    if (WalSegmentFormat.isZeroRecordHeader(buffer, at)) {
      return DamageKind.ZERO_FILLED;
    }
    long length = Integer.toUnsignedLong(buffer.getInt(at));
    if (length > WalSegmentFormat.MAX_PAYLOAD_BYTES
        || !fill(offset, WalSegmentFormat.RECORD_HEADER_BYTES + (int) length)) {
      return DamageKind.SHORT_PAYLOAD;
    }
    at = index(offset);
    if (buffer.getInt(at + 4) != WalSegmentFormat.recordChecksum(buffer, at, (int) length, crc)) {
      return DamageKind.CHECKSUM_MISMATCH;
    }
    return buffer.getLong(at + 8) == sequence ? null : DamageKind.SEQUENCE_GAP;
  }

  /**
   * Whether only zeros are left from {@code offset} to the end of the file: the unused space of
   * a preallocated segment, so the clean end of its records. It may be shorter than a record
   * header, since a segment is sealed when the next record does not fit.
   */
  private boolean isZeroTail(long offset) throws IOException {
    int head = (int) Math.min(WalSegmentFormat.RECORD_HEADER_BYTES, fileSize - offset);
    if (!fill(offset, head) || !allZero(index(offset), head)) {
      return false; // a record starts here: the common case, decided without reading further
    }
    for (long from = offset; from < fileSize; ) {
      int count = (int) Math.min(buffer.capacity(), fileSize - from);
      fill(from, count);
      if (!allZero(index(from), count)) {
        return false;
      }
      from += count;
    }
    return true;
  }

  private boolean allZero(int at, int count) {
    int longs = count & ~7;
    for (int i = 0; i < longs; i += 8) {
      if (buffer.getLong(at + i) != 0) {
        return false;
      }
    }
    for (int i = longs; i < count; i++) {
      if (buffer.get(at + i) != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether an intact record with a plausible sequence starts anywhere after {@code offset}.
   * A damaged length field gives no reliable place for the next record, so every byte offset
   * is tried; the sequence range filters almost all of them before any checksum is computed.
   */
  private boolean intactRecordAfter(long offset, long expected) throws IOException {
    long from = offset + 1;
    int rest = (int) Math.max(0, fileSize - from);
    if (rest < WalSegmentFormat.RECORD_HEADER_BYTES || !fill(from, rest)) {
      return false;
    }
    int base = index(from);
    long highestSequence = expected + rest / WalSegmentFormat.RECORD_HEADER_BYTES;
    for (int p = 0; p + WalSegmentFormat.RECORD_HEADER_BYTES <= rest; p++) {
      long sequence = buffer.getLong(base + p + 8);
      long length = Integer.toUnsignedLong(buffer.getInt(base + p));
      boolean plausible = sequence >= expected && sequence <= highestSequence
          && length <= rest - p - WalSegmentFormat.RECORD_HEADER_BYTES;
      if (plausible && buffer.getInt(base + p + 4)
          == WalSegmentFormat.recordChecksum(buffer, base + p, (int) length, crc)) {
        return true;
      }
    }
    return false;
  }

  /** Makes bytes {@code [offset, offset + count)} of the file available; false past its end. */
  private boolean fill(long offset, int count) throws IOException {
    if (offset + count > fileSize) {
      return false;
    }
    if (offset >= bufferStart && offset + count <= bufferStart + buffer.limit()) {
      return true;
    }
    if (count > buffer.capacity()) {
      buffer = newBuffer(Math.max(count, 2 * buffer.capacity()));
      payloadView = buffer.asReadOnlyBuffer();
    }
    buffer.clear().limit((int) Math.min(buffer.capacity(), fileSize - offset));
    while (buffer.hasRemaining()) {
      if (file.read(buffer, offset + buffer.position()) < 0) {
        throw new EOFException("WAL segment shrank while it was being read");
      }
    }
    buffer.position(0);
    bufferStart = offset;
    listener.onProgress(bytesBeforeSegment + offset + buffer.limit(), bytesTotal);
    return true;
  }

  private int index(long offset) {
    return (int) (offset - bufferStart);
  }

  private static ByteBuffer newBuffer(int capacity) {
    return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
  }
}
