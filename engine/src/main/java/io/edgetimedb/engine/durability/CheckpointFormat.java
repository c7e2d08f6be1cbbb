package io.edgetimedb.engine.durability;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The byte layout of a checkpoint file: everything in memory as of a write-ahead log
 * sequence, so that recovery loads it and replays only the log after that sequence.
 * Integers little-endian; vu, zz and str as in {@link LogRecordFormat}.
 *
 * <pre>
 * file name: checkpoint-&lt;log sequence, 20 digits&gt;.etc   (written as .tmp, fsynced, renamed)
 *
 * header, 32 bytes
 *   0        4       6       8                  16                 24        28        32
 *   +--------+-------+-------+------------------+------------------+---------+---------+
 *   | magic  | vers. | flags | log sequence u64 | created ms u64   | crc u32 | zero    |
 *   +--------+-------+-------+------------------+------------------+---------+---------+
 *   magic = "ETCK", version = 1, crc = CRC32C of bytes 0..23
 *
 * body
 *   next series id vu
 *   series vu, then per series:
 *     id vu | measurement str | applied log sequence vu | newest timestamp zz
 *     | tags vu (key str, value str)* | sealed chunks vu, chunk* | head flag u8, [chunk]
 *     chunk = rows vu | min ts zz | max ts zz | data bytes vu, data | directory words vu,
 *             words (u64 each)      (data and directory as in SealedChunk)
 *   measurements vu, then per measurement:
 *     name str | fields vu (name str, type u8)* in field-id order | tag keys vu, str*
 *   schema history vu, then per change:
 *     time zz | measurement str | kind u8 | item str | from type u8 | to type u8 | source str
 *     (type 0xFF = none)
 *
 * footer, 16 bytes
 *   +----------------+---------------+---------+
 *   | body bytes u64 | body crc u32  | magic   |
 *   +----------------+---------------+---------+
 * </pre>
 * Series come before the schema because the writer snapshots series first: the schema only
 * grows, so a schema taken afterwards names every field the chunks refer to.
 */
final class CheckpointFormat {
  static final int MAGIC = 0x4B435445;
  static final short VERSION = 1;
  static final int HEADER_BYTES = 32;
  static final int FOOTER_BYTES = 16;
  static final int NO_TYPE = 0xFF;

  private static final String PREFIX = "checkpoint-";
  private static final String SUFFIX = ".etc";
  private static final String TEMPORARY_SUFFIX = ".tmp";

  private CheckpointFormat() {}

  static String fileName(long sequence) {
    return PREFIX + String.format("%020d", sequence) + SUFFIX;
  }

  /** The name a checkpoint is written under until it is complete and durable. */
  static String temporaryName(long sequence) {
    return fileName(sequence) + TEMPORARY_SUFFIX;
  }

  /** Whether the file is a checkpoint that was still being written when its process stopped. */
  static boolean isTemporary(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(TEMPORARY_SUFFIX)
        && sequenceOf(file.resolveSibling(name.substring(0, name.length() - TEMPORARY_SUFFIX.length()))) >= 0;
  }

  /** The log sequence in a checkpoint file's name, or -1 when it is not one. */
  static long sequenceOf(Path file) {
    String name = file.getFileName().toString();
    if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX) || name.length() != PREFIX.length() + 20 + SUFFIX.length()) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(PREFIX.length(), PREFIX.length() + 20));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static ByteBuffer header(long sequence, long createdMillis) {
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(MAGIC).putShort(VERSION).putShort((short) 0).putLong(sequence).putLong(createdMillis);
    header.putInt(crc(header.array(), 0, 24)).putInt(0);
    return header.flip();
  }

  static ByteBuffer footer(long bodyBytes, int bodyCrc) {
    ByteBuffer footer = ByteBuffer.allocate(FOOTER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    footer.putLong(bodyBytes).putInt(bodyCrc).putInt(MAGIC);
    return footer.flip();
  }

  static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}
