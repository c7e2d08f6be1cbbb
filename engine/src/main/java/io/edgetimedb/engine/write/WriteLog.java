package io.edgetimedb.engine.write;

import java.io.IOException;

/**
 * Where a batch's checked points are recorded before they are applied: the write-ahead log of
 * a durable database, or nothing for an in-memory one. The sequence it returns orders the
 * batch's effects per series (see {@code Series.write}); 0 means "not logged".
 */
@FunctionalInterface
public interface WriteLog {
  WriteLog NONE = (batch, accepted, now) -> 0;

  /** Records the points of {@code batch} whose {@code accepted} flag is set; returns their sequence. */
  long record(PointBatch batch, boolean[] accepted, long nowMillis) throws IOException;
}
