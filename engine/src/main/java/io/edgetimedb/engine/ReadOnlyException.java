package io.edgetimedb.engine;

/**
 * A write refused because the database is read-only for now: its log cannot reserve disk space
 * for its next segment. Nothing of the write was applied; reads go on, and writes resume by
 * themselves once space returns ({@link Database#writesRefused()} says why until then).
 */
public final class ReadOnlyException extends StorageException {
  public ReadOnlyException(String message, Throwable cause) {
    super(message, cause);
  }
}
