package io.edgetimedb.engine.wal;

import io.edgetimedb.engine.vfs.FileSystem;
import io.edgetimedb.engine.vfs.WritableFile;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/** The segment the log appends to. Not thread-safe: the log serialises access. */
final class WalSegmentWriter implements Closeable {

  private final FileSystem fs;
  private final Path path;
  private final long firstSequence;
  private final WritableFile file;
  private long size;
  private long recordCount;

  private WalSegmentWriter(FileSystem fs, Path path, long firstSequence, WritableFile file) {
    this.fs = fs;
    this.path = path;
    this.firstSequence = firstSequence;
    this.file = file;
    this.size = file.size();
  }

  /**
   * Creates the segment and writes its header, after checking that the disk can hold a whole
   * segment, so that a full disk stops the log at a segment boundary with a clear error. On
   * failure nothing is left behind. The header is not yet durable: see {@link #makeDurable()}.
   */
  static WalSegmentWriter create(
      FileSystem fs, Path dir, long firstSequence, long reservedBytes, CRC32C crc)
      throws IOException {
    Path path = dir.resolve(WalSegmentFormat.fileName(firstSequence));
    if (fs.exists(path)) {
      // only an empty leftover of an earlier attempt can carry the next segment's name
      fs.delete(path);
    }
    WritableFile file = fs.openAppend(path);
    try {
      file.preallocate(reservedBytes);
      file.write(WalSegmentFormat.header(firstSequence, crc));
      return new WalSegmentWriter(fs, path, firstSequence, file);
    } catch (IOException e) {
      discard(fs, path, file, e);
      throw new IOException("cannot start WAL segment " + path + ": " + e.getMessage(), e);
    }
  }

  private static void discard(FileSystem fs, Path path, WritableFile file, IOException cause) {
    try {
      file.close();
      fs.delete(path);
    } catch (IOException cleanup) {
      cause.addSuppressed(cleanup);
    }
  }

  /** Fsyncs the header and the directory entry; a failure here is an fsync failure. */
  void makeDurable() throws IOException {
    file.sync();
    fs.syncDirectory(path.getParent());
  }

  /** Appends one encoded record; on failure a prefix of it may be in the file. */
  void write(ByteBuffer record) throws IOException {
    int bytes = record.remaining();
    file.write(record);
    size += bytes;
    recordCount++;
  }

  /** Cuts the file back to the end of its last complete record, after a failed write. */
  void truncateToLastRecord() throws IOException {
    fs.truncate(path, size);
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
