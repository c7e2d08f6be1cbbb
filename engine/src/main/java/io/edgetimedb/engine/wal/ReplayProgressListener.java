package io.edgetimedb.engine.wal;

/** Told how far a replay has come, so a long recovery can show progress. */
@FunctionalInterface
public interface ReplayProgressListener {

  /** No-op listener. */
  ReplayProgressListener NONE = (done, total) -> { };

  /** Called after each chunk read and at the end of each segment. */
  void onProgress(long bytesDone, long bytesTotal);
}
