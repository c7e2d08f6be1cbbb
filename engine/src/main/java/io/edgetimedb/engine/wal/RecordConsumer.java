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
}
