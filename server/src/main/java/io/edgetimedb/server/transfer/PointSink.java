package io.edgetimedb.server.transfer;

import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.write.WriteResult;

/** Where imported points go; {@code Database::write} is one. */
@FunctionalInterface
public interface PointSink {
  WriteResult write(PointBatch batch);
}
