package io.edgetimedb.engine.chunkenc;

/**
 * Frame-of-reference block of longs: the minimum, then every value minus the minimum, bit-packed
 * with the width of the largest such offset. Offsets are taken with wrapping subtraction, so
 * read as unsigned they always fit in 64 bits even when the values span the whole long range.
 * An empty block is zero bytes.
 *
 * <pre>
 *  +--------------------+--------+----------------------------------------+
 *  | zigzag varint  min | byte w | BitPacking: count x (v - min), w bits  |
 *  +--------------------+--------+----------------------------------------+
 * </pre>
 */
final class FrameOfReference {
  private FrameOfReference() {}

  static void encode(long[] values, int from, int count, ByteSink out) {
    if (count == 0) {
      return;
    }
    long min = values[from];
    long max = min;
    for (int i = from + 1, end = from + count; i < end; i++) {
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
    int width = BitPacking.bitWidth(max - min);
    out.writeZigZagVarLong(min);
    out.writeByte(width);
    BitPacking.pack(values, from, count, min, width, out);
  }

  /** Exact size in bytes that {@link #encode} would write for a block with this min and range. */
  static long encodedSize(int count, long min, long max) {
    if (count == 0) {
      return 0;
    }
    int width = BitPacking.bitWidth(max - min);
    return varLongSize(ZigZag.encode(min)) + 1 + BitPacking.packedBytes(count, width);
  }

  static void decode(ByteSource in, long[] dst, int from, int count) {
    if (count == 0) {
      return;
    }
    long min = in.readZigZagVarLong();
    int width = BitPacking.readWidth(in);
    BitPacking.unpack(in, dst, from, count, width);
    if (min != 0) {
      for (int i = from, end = from + count; i < end; i++) {
        dst[i] += min;
      }
    }
  }

  static int varLongSize(long unsigned) {
    return Math.max(1, (BitPacking.bitWidth(unsigned) + 6) / 7);
  }
}
