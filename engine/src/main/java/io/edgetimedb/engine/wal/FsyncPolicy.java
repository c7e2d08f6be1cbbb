package io.edgetimedb.engine.wal;

/** When {@link WriteAheadLog#append} returns, relative to the fsync making its record durable. */
public enum FsyncPolicy {
  /**
   * Appenders wait for a shared fsync. A background syncer thread starts an fsync as soon as a
   * record waits and none is running; it covers every record written before it started, and
   * appends arriving meanwhile share the next one. An append returns once such an fsync has
   * completed. Loses nothing that was acknowledged.
   */
  GROUP,
  /**
   * Every append writes and fsyncs its own record while holding the log, so appends are
   * serialised. Loses nothing that was acknowledged.
   */
  ALWAYS,
  /**
   * An append returns right after its write; the background syncer fsyncs once per group-commit
   * interval. A power cut loses the records acknowledged since the last completed fsync, about
   * one interval plus the fsync time.
   */
  OS
}
