package io.edgetimedb.server.ingest;

import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.write.WriteResult;

/**
 * Where the socket listeners put their points: {@code Database::write} in the server, a stand-in
 * in tests (one that sleeps or blocks shows what the listeners do when the database is slower
 * than the senders).
 */
@FunctionalInterface
public interface PointWriter {
  /** Writes the batch; may block. Throws like {@code Database.write} when nothing could be written. */
  WriteResult write(PointBatch batch);
}
