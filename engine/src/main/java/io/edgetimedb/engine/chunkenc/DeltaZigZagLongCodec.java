package io.edgetimedb.engine.chunkenc;

/**
 * Longs as the first value followed by the wrapping differences between neighbours, stored as a
 * {@link FrameOfReference} block. Subtracting the smallest delta makes a counter that grows by a
 * near-constant step cost 0-2 bits per value; zigzagging the deltas instead (the other classic
 * choice) would never give a narrower width, because max - min never exceeds the largest zigzag
 * magnitude, so only the header values are zigzagged.
 *
 * <pre>
 *  count 0:          (nothing)
 *  count 1:          +---------------------------+
 *                    | zigzag varint  values[0]  |
 *                    +---------------------------+
 *  count 2 or more:  +---------------------------+-----------------------------------------+
 *                    | zigzag varint  values[0]  | FrameOfReference of the count-1 deltas  |
 *                    |                           | values[i] - values[i-1] (wrapping)      |
 *                    +---------------------------+-----------------------------------------+
 * </pre>
 *
 * Not thread-safe: holds a scratch array of deltas.
 */
public final class DeltaZigZagLongCodec {
  private long[] deltas = new long[0];

  public void encode(long[] values, int count, ByteSink out) {
    if (count == 0) {
      return;
    }
    out.writeZigZagVarLong(values[0]);
    if (deltas.length < count) {
      deltas = new long[count];
    }
    for (int i = 1; i < count; i++) {
      deltas[i] = values[i] - values[i - 1];
    }
    FrameOfReference.encode(deltas, 1, count - 1, out);
  }

  public void decode(ByteSource in, long[] dst, int count) {
    try {
      if (count == 0) {
        return;
      }
      long value = in.readZigZagVarLong();
      dst[0] = value;
      FrameOfReference.decode(in, dst, 1, count - 1);
      for (int i = 1; i < count; i++) {
        value += dst[i];
        dst[i] = value;
      }
    } catch (CorruptChunkException e) {
      throw CorruptChunkException.inCodec("DeltaZigZagLongCodec", e);
    }
  }
}
