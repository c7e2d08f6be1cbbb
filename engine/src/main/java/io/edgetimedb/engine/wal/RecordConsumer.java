package io.edgetimedb.engine.wal;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Receives the records of a log during replay, in sequence order. */
@FunctionalInterface
public interface RecordConsumer {

  /**
   * Takes one record. {@code payload} is a read-only view of the record's bytes from its
   * position to its limit, valid only during this call: copy what must be kept.
   */
  void accept(long sequence, ByteBuffer payload) throws IOException;

  /**
   * Called once every intact record was handed over and before anything is repaired: {@code
   * found} says where the replay stopped and what the repair will do (for corruption, {@code
   * setAside} lists the segment files as they are named now). Throwing here leaves the log as it
   * was, so a caller that cannot accept what was found changes nothing on disk.
   */
  default void beforeRepair(ReplayReport found) throws IOException {}
}
