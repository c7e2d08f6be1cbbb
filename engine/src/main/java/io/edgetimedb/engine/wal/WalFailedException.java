package io.edgetimedb.engine.wal;

import java.io.IOException;

/**
 * The log hit an error after which it cannot promise durability (a failed fsync, or a partly
 * written record it could not remove), so it refuses every further append. A failed fsync is
 * never retried: the kernel may already have dropped the unwritten pages and a second fsync
 * would report success for data that is gone. Recover by reopening the log, which replays what
 * is really on disk.
 */
public final class WalFailedException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code cause} is the error that made the log fail. */
  public WalFailedException(String message, Throwable cause) {
    super(message + ": " + cause, cause);
  }
}
