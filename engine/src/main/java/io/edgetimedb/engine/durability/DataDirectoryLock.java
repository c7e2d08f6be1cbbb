package io.edgetimedb.engine.durability;

import io.edgetimedb.engine.StorageException;
import io.edgetimedb.engine.vfs.FileSystem;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The exclusive lock on a data directory ({@code <dir>/LOCK}, an empty file) that a durable
 * database holds while open. Two processes appending to one log would interleave records and
 * each checkpoint the other's log away; the second opener is refused instead. The lock dies
 * with its process, so a crashed server never leaves it behind.
 */
public final class DataDirectoryLock implements Closeable {
  public static final String FILE_NAME = "LOCK";

  private final Closeable held;

  private DataDirectoryLock(Closeable held) {
    this.held = held;
  }

  /** Creates the directory if needed and locks it; refuses with a message naming it when it is in use. */
  public static DataDirectoryLock acquire(FileSystem fs, Path dir) throws IOException {
    if (!fs.exists(dir)) {
      fs.createDirectories(dir);
    }
    try {
      return new DataDirectoryLock(fs.lock(dir.resolve(FILE_NAME)));
    } catch (IOException e) {
      throw new StorageException("data directory " + dir + " is in use by another EdgeTimeDB database ("
          + e.getMessage() + "); stop it or choose another directory", e);
    }
  }

  @Override
  public void close() throws IOException {
    held.close();
  }
}
