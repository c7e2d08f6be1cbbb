package io.edgetimedb.engine.vfs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A file opened for writing, at its end or in place; see {@link FileSystem} for when its bytes
 * become durable.
 */
public interface WritableFile extends Closeable {

  /**
   * Appends all remaining bytes of {@code src}. On failure (for example a full disk) a prefix of
   * them may already be in the file; the caller decides whether to truncate it away.
   */
  void write(ByteBuffer src) throws IOException;

  /**
   * Writes all remaining bytes of {@code src} at {@code position}, overwriting what is there and
   * extending the file if they reach past its end. Overwriting bytes the file already has needs
   * no new space, which is what lets a preallocated file be filled without ever meeting a full
   * disk. On failure a prefix of them may already be in the file.
   */
  void write(ByteBuffer src, long position) throws IOException;

  /** Forces every byte written so far to stable storage (fsync). */
  void sync() throws IOException;

  /** Current size of the file in bytes. */
  long size();
}
