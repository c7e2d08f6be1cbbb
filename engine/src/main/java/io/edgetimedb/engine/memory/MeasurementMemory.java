package io.edgetimedb.engine.memory;

/**
 * Bytes one measurement holds, by kind: heads (mutable newest rows), chunks (sealed,
 * compressed rows), index (series objects, series table, tag index).
 */
public record MeasurementMemory(String measurement, int series, long points, long heads, long chunks, long index) {
  /** Bytes of raw data, heads plus chunks: what {@code sys.storage.bytes} shows. */
  public long dataBytes() {
    return heads + chunks;
  }

  public long total() {
    return heads + chunks + index;
  }
}
