package io.edgetimedb.engine.wal;

import io.edgetimedb.engine.vfs.FileSystem;
import io.edgetimedb.engine.vfs.WritableFile;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The segment the log writes to: a preallocated file (see {@link SpareSegment}) whose records
 * are written in place over its zeros, so a record never needs space the disk has not already
 * given. Not thread-safe: the log serialises access.
 *
 * <pre>
 *   0        24                      size                            allocated
 *   +--------+-----------------------+-------------------------------+
 *   | header | records written       | zeros (the clean end)         |
 *   +--------+-----------------------+-------------------------------+
 * </pre>
 */
final class WalSegmentWriter implements Closeable {

  private final FileSystem fs;
  private final Path path;
  private final long firstSequence;
  private final WritableFile file;
  private final long allocated;
  private long size;
  private long recordCount;

  private WalSegmentWriter(FileSystem fs, Path path, long firstSequence, WritableFile file, long allocated) {
    this.fs = fs;
    this.path = path;
    this.firstSequence = firstSequence;
    this.file = file;
    this.allocated = allocated;
    this.size = WalSegmentFormat.HEADER_BYTES;
  }

  /**
   * Turns the zero-filled {@code spare} into the segment starting at {@code firstSequence}:
   * writes the header in place, fsyncs it, renames the file (replacing an empty leftover of
   * that name) and fsyncs the directory. Until the rename is durable the spare is no segment,
   * so a crash in between loses nothing.
   *
   * @throws IOException if the header could not be written (nothing changed in the log), or a
   *     {@link SegmentSyncException} if an fsync or the rename failed (the state on disk is then
   *     unknown, as after any failed fsync)
   */
  static WalSegmentWriter start(FileSystem fs, Path dir, Path spare, long allocated, long firstSequence,
      CRC32C crc) throws IOException {
    Path path = dir.resolve(WalSegmentFormat.fileName(firstSequence));
    WritableFile file = fs.openAppend(spare);
    try {
      file.write(WalSegmentFormat.header(firstSequence, WalSegmentFormat.PREALLOCATED, crc), 0);
    } catch (IOException e) {
      closeQuietly(file, e);
      throw new IOException("cannot start WAL segment " + path + ": " + e.getMessage(), e);
    }
    try {
      file.sync();
      fs.rename(spare, path);
      fs.syncDirectory(dir);
    } catch (IOException e) {
      closeQuietly(file, e);
      throw new SegmentSyncException("fsync of new segment " + path + " failed", e);
    }
    return new WalSegmentWriter(fs, path, firstSequence, file, allocated);
  }

  /** A failure to make a new segment durable: fatal for the log, like any failed fsync. */
  static final class SegmentSyncException extends IOException {
    SegmentSyncException(String message, IOException cause) {
      super(message, cause);
    }
  }

  private static void closeQuietly(WritableFile file, IOException cause) {
    try {
      file.close();
    } catch (IOException cleanup) {
      cause.addSuppressed(cleanup);
    }
  }

  /** Writes one encoded record after the last one; on failure a prefix of it may be in the file. */
  void write(ByteBuffer record) throws IOException {
    int bytes = record.remaining();
    file.write(record, size);
    size += bytes;
    recordCount++;
  }

  /**
   * Puts zeros back over a partly written record, so the file again ends cleanly after its last
   * record; a record too large for the preallocated space may have grown the file, and that
   * growth is cut off.
   */
  void eraseAfterLastRecord(int recordBytes) throws IOException {
    if (file.size() > allocated) {
      fs.truncate(path, Math.max(size, allocated));
    }
    long end = Math.min(size + recordBytes, allocated);
    if (end > size) {
      file.write(ByteBuffer.allocate((int) (end - size)), size);
    }
  }

  void sync() throws IOException {
    file.sync();
  }

  Path path() {
    return path;
  }

  long firstSequence() {
    return firstSequence;
  }

  /** Where the next record goes: the end of the last one written. */
  long size() {
    return size;
  }

  long recordCount() {
    return recordCount;
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
