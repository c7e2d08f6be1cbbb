package io.edgetimedb.engine.vfs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/** A file opened for appending; see {@link FileSystem} for when its bytes become durable. */
public interface WritableFile extends Closeable {

  /**
   * Appends all remaining bytes of {@code src}. On failure (for example a full disk) a prefix of
   * them may already be in the file; the caller decides whether to truncate it away.
   */
  void write(ByteBuffer src) throws IOException;

  /** Forces every byte written so far to stable storage (fsync). */
  void sync() throws IOException;

  /** Current size of the file in bytes. */
  long size();

  /**
   * Makes sure the volume has room for {@code bytes} more bytes, or throws an {@link IOException}
   * saying the disk is full. It checks and does not reserve: another writer may still take the
   * space, so writes must handle a full disk anyway; the check only lets a caller fail before it
   * starts something it could not finish.
   */
  void preallocate(long bytes) throws IOException;
}
