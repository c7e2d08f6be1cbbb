package io.edgetimedb.engine;

/**
 * A write that could not be made durable (disk full, I/O error, a failed fsync): nothing of the
 * batch was acknowledged. The message says what failed and whether the database still accepts
 * writes.
 */
public class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
