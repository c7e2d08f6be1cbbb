package io.edgetimedb.engine.wal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The byte layout of a write-ahead log segment file. All integers are little-endian.
 *
 * <pre>
 * File name:  wal-&lt;sequence of the segment's first record, 20 digits, zero padded&gt;.log
 *             (so that sorting names sorts segments)
 *
 * File header, 24 bytes
 *   0         4       6       8                         16        20        24
 *   +---------+-------+-------+-------------------------+---------+---------+
 *   | magic   | vers. | flags | first sequence          | header  | zero    |
 *   | u32     | u16   | u16   | u64                     | crc u32 | u32     |
 *   +---------+-------+-------+-------------------------+---------+---------+
 *   magic   = 0x4C575445, the bytes "ETWL" in file order
 *   vers.   = 1
 *   flags   = 0, or 1 (PREALLOCATED): the file was zero-filled to its full size and fsynced
 *             before its header was written; no other bit may be set
 *   header crc = CRC32C of bytes 0..15
 *
 * Record, 16-byte header + payload, repeated up to the end of the records
 *   0         4         8                         16
 *   +---------+---------+-------------------------+--------------------------+
 *   | length  | crc     | sequence                | payload                  |
 *   | u32     | u32     | u64                     | (length bytes)           |
 *   +---------+---------+-------------------------+--------------------------+
 *   crc = CRC32C of sequence (8 bytes), then length (4 bytes), then payload
 *   sequence = previous record's sequence + 1, across segment boundaries (never 0)
 *
 * End of the records: the end of the file, or, in a PREALLOCATED segment, a zero tail
 *   +--------+--------+-----+--------+-----------+-------------------------------+
 *   | header | record | ... | record | 16 zeros  | zeros up to the end of file   |
 *   +--------+--------+-----+--------+-----------+-------------------------------+
 *   A record header of 16 zero bytes can never start a record (its sequence would be 0), so
 *   where a record would start, 16 zero bytes followed by nothing but zeros up to the end of
 *   the file are the clean end. Zeros followed by anything else are damage (ZERO_FILLED).
 * </pre>
 *
 * <p>The checksum covers the sequence and the length, not only the payload, so that a stale or
 * misplaced record, or a length garbled into another plausible value, is caught.
 *
 * <p>Why preallocated: records are written in place into space the disk already gave the file,
 * so a full disk can stop the log only when the next segment is prepared, never in the middle
 * of a record. A build that knows no flags refuses a PREALLOCATED segment as a bad header
 * instead of reading its zero tail as damage.
 */
final class WalSegmentFormat {

  static final int MAGIC = 0x4C575445;
  static final short VERSION = 1;
  /** Header flag: the segment was zero-filled to its full size; a zero tail ends its records. */
  static final short PREALLOCATED = 1;
  static final int HEADER_BYTES = 24;
  static final int RECORD_HEADER_BYTES = 16;
  /** Bound on a record's payload; a longer length field is damage, not a reason to allocate. */
  static final int MAX_PAYLOAD_BYTES = 256 << 20;

  private static final String PREFIX = "wal-";
  private static final String SUFFIX = ".log";
  private static final int SEQUENCE_DIGITS = 20;

  private WalSegmentFormat() {}

  static String fileName(long firstSequence) {
    return PREFIX + String.format("%0" + SEQUENCE_DIGITS + "d", firstSequence) + SUFFIX;
  }

  /** The first sequence a segment's name announces, or -1 if the file is not a segment. */
  static long firstSequenceOf(Path file) {
    String name = file.getFileName().toString();
    boolean shaped =
        name.length() == PREFIX.length() + SEQUENCE_DIGITS + SUFFIX.length()
            && name.startsWith(PREFIX)
            && name.endsWith(SUFFIX);
    if (!shaped) {
      return -1;
    }
    String digits = name.substring(PREFIX.length(), PREFIX.length() + SEQUENCE_DIGITS);
    if (!digits.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException tooLarge) {
      return -1;
    }
  }

  static ByteBuffer header(long firstSequence, short flags, CRC32C crc) {
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(0, MAGIC).putShort(4, VERSION).putShort(6, flags);
    header.putLong(8, firstSequence);
    header.putInt(16, headerChecksum(header, 0, crc));
    return header;
  }

  /** Whether {@code buffer} holds, at {@code at}, a valid header for a segment so named. */
  static boolean isValidHeader(ByteBuffer buffer, int at, long firstSequence, CRC32C crc) {
    return buffer.getInt(at) == MAGIC
        && buffer.getShort(at + 4) == VERSION
        && (buffer.getShort(at + 6) & ~PREALLOCATED) == 0
        && buffer.getLong(at + 8) == firstSequence
        && buffer.getInt(at + 16) == headerChecksum(buffer, at, crc)
        && buffer.getInt(at + 20) == 0;
  }

  /** Whether the valid header at {@code at} announces a zero-filled (PREALLOCATED) segment. */
  static boolean isPreallocated(ByteBuffer buffer, int at) {
    return (buffer.getShort(at + 6) & PREALLOCATED) != 0;
  }

  /** Whether the 16 bytes at {@code at} are zero: where a record would start, the end of the records. */
  static boolean isZeroRecordHeader(ByteBuffer buffer, int at) {
    return buffer.getLong(at) == 0 && buffer.getLong(at + 8) == 0;
  }

  /**
   * Encodes one record into {@code record} from index 0, leaving it positioned to be written.
   * The payload is read from its position without moving it.
   */
  static void encodeRecord(ByteBuffer record, long sequence, ByteBuffer payload, CRC32C crc) {
    int length = payload.remaining();
    record.clear();
    record.putInt(0, length).putLong(8, sequence);
    record.put(RECORD_HEADER_BYTES, payload, payload.position(), length);
    record.putInt(4, recordChecksum(record, 0, length, crc));
    record.limit(RECORD_HEADER_BYTES + length);
  }

  /** CRC32C of the record at {@code at} with a payload of {@code length} bytes. */
  static int recordChecksum(ByteBuffer buffer, int at, int length, CRC32C crc) {
    crc.reset();
    update(crc, buffer, at + 8, 8);
    update(crc, buffer, at, 4);
    update(crc, buffer, at + RECORD_HEADER_BYTES, length);
    return (int) crc.getValue();
  }

  private static int headerChecksum(ByteBuffer buffer, int at, CRC32C crc) {
    crc.reset();
    update(crc, buffer, at, 16);
    return (int) crc.getValue();
  }

  /** Feeds a range to the CRC; a duplicate-free way that leaves the buffer's bounds as found. */
  private static void update(CRC32C crc, ByteBuffer buffer, int from, int count) {
    int position = buffer.position();
    int limit = buffer.limit();
    buffer.limit(buffer.capacity()).position(from).limit(from + count);
    crc.update(buffer);
    buffer.limit(limit).position(position);
  }
}
