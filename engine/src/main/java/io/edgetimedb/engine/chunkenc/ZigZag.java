package io.edgetimedb.engine.chunkenc;

/**
 * ZigZag mapping of signed to unsigned longs, so that values near zero of either sign get few
 * significant bits.
 *
 * <pre>
 *  signed   0  -1   1  -2   2 ...  Long.MAX_VALUE  Long.MIN_VALUE
 *  unsigned 0   1   2   3   4 ...  2^64 - 2        2^64 - 1
 * </pre>
 */
final class ZigZag {
  private ZigZag() {}

  static long encode(long v) {
    return (v << 1) ^ (v >> 63);
  }

  static long decode(long u) {
    return (u >>> 1) ^ -(u & 1);
  }
}
