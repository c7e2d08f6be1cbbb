package io.edgetimedb.engine.wal;

/**
 * A snapshot of a write-ahead log's state for health reports and metrics; reading it never
 * blocks a writer for longer than a few field reads.
 *
 * @param segments segment files the log holds now (the one being appended to included)
 * @param bytes bytes of those files: the written part of the current one (it is preallocated
 *     ahead) plus the whole files of the older ones
 * @param writtenSequence sequence of the last record written (0 when none ever was)
 * @param durableSequence sequence up to which every record is known to be on disk
 * @param fsyncs fsyncs of log records since the log was opened
 * @param lastFsyncNanos how long the last of them took; 0 before the first
 * @param failure why the log refuses appends (a failed fsync), or null while it accepts them
 */
public record WalStatus(int segments, long bytes, long writtenSequence, long durableSequence, long fsyncs,
    long lastFsyncNanos, String failure) {
  public boolean failed() {
    return failure != null;
  }
}
