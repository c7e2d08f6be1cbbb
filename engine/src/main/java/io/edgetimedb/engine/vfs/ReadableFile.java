package io.edgetimedb.engine.vfs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/** A file opened for positional reads. */
public interface ReadableFile extends Closeable {

  /**
   * Reads up to {@code dst.remaining()} bytes starting at {@code position} into {@code dst}.
   *
   * @return the number of bytes read, or -1 at end of file
   */
  int read(ByteBuffer dst, long position) throws IOException;

  /** Current size of the file in bytes. */
  long size() throws IOException;
}
