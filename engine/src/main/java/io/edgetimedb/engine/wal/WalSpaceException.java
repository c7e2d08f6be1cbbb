package io.edgetimedb.engine.wal;

import java.io.IOException;

/**
 * The log could not reserve the disk space of its next segment (the disk is full, or writing the
 * reservation failed), so it takes no record until a later attempt succeeds: nothing of the
 * refused record was written, and the log stays usable. Unlike {@link WalFailedException} this
 * passes: retry once space is freed.
 */
public final class WalSpaceException extends IOException {

  private static final long serialVersionUID = 1L;

  WalSpaceException(String message, Throwable cause) {
    super(message, cause);
  }
}
