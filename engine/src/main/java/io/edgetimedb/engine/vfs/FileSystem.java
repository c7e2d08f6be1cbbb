package io.edgetimedb.engine.vfs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The only way the engine touches files, so that tests can replace the disk with a
 * {@link SimulatedFileSystem} that loses, tears or garbles unsynced writes at a power cut.
 *
 * <p>Durability contract, identical for every implementation: bytes written through a
 * {@link WritableFile} and truncations are durable only after {@link WritableFile#sync()} on a
 * handle of that file; creating, renaming and deleting a file is durable only after
 * {@link #syncDirectory(Path)} of its parent directory.
 */
public interface FileSystem {

  /**
   * Opens {@code file} for writing, creating it if missing: {@link WritableFile#write(
   * java.nio.ByteBuffer)} appends at its end, {@link WritableFile#write(java.nio.ByteBuffer,
   * long)} writes in place.
   */
  WritableFile openAppend(Path file) throws IOException;

  /** Opens an existing file for positional reads. */
  ReadableFile openRead(Path file) throws IOException;

  /** Lists the entries of {@code dir}, sorted by file name. */
  List<Path> list(Path dir) throws IOException;

  /** Creates {@code dir} and any missing parents. */
  void createDirectories(Path dir) throws IOException;

  /** Renames {@code from} to {@code to} atomically, replacing {@code to} if it exists. */
  void rename(Path from, Path to) throws IOException;

  /** Deletes an existing file. */
  void delete(Path file) throws IOException;

  /** Cuts (or zero-extends) {@code file} to {@code size} bytes; durable after a file sync. */
  void truncate(Path file, long size) throws IOException;

  /** Current size of {@code file} in bytes. */
  long size(Path file) throws IOException;

  /** Whether {@code file} (a file or a directory) exists. */
  boolean exists(Path file);

  /** Makes creations, renames and deletions of entries in {@code dir} durable. */
  void syncDirectory(Path dir) throws IOException;

  /** Bytes still free for new data on the volume holding {@code dir}. */
  long usableSpace(Path dir) throws IOException;

  /**
   * Holds an exclusive lock on {@code file} (created if missing) until the returned handle closes
   * or the process ends, so that two processes never open one data directory at once.
   *
   * @throws IOException naming the file when another holder has it
   */
  Closeable lock(Path file) throws IOException;
}
