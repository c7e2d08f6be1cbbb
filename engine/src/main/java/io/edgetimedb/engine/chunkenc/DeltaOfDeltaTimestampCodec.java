package io.edgetimedb.engine.chunkenc;

import java.util.Arrays;

/**
 * Timestamps as delta-of-delta with a patched frame of reference.
 *
 * <p>The first timestamp and first delta go in the header. Each later timestamp contributes its
 * delta-of-delta {@code dod[i] = (t[i] - t[i-1]) - (t[i-1] - t[i-2])}. Clocks that report on
 * change but only at whole seconds or minutes produce irregular dods that are all multiples of
 * 1000 or 60000 ms, so the dods are first divided by their greatest common divisor, the
 * {@code tick}, saving 10-16 bits each. The quotients are zigzagged to unsigned {@code u} and
 * bit-packed at a width {@code w} chosen to minimise the total size: values needing more than
 * {@code w} bits keep their low {@code w} bits in the packed block and list their high bits
 * {@code u >>> w} as an exception after it. A perfectly regular series has all {@code u = 0}, so
 * {@code w = 0} and it costs the header alone. All arithmetic wraps, so any longs round-trip, not
 * just ascending ones.
 *
 * <pre>
 *  count 0:          (nothing)
 *  count 1 or more:  +--------------------+
 *                    | zigzag varint t[0] |
 *                    +--------------------+
 *  count 2 or more:  then
 *                    +--------------------------+
 *                    | zigzag varint  t[1]-t[0] |
 *                    +--------------------------+
 *  count 3 or more:  then
 *  +--------+--------+----------+------------------------------+---------------------------+
 *  | varint | byte w | varint E | BitPacking: count-2 values,  | E exceptions by ascending |
 *  | tick   |        |          | the low w bits of each u     | position: varint gap,     |
 *  |        |        |          |                              | varint high               |
 *  +--------+--------+----------+------------------------------+---------------------------+
 *  u    = zigzag(dod / tick); decoding takes dod = unzigzag(u) * tick (wrapping)
 *  gap  = position - previous exception position - 1 (previous = -1 for the first); position i
 *         is the dod of t[i+2]
 *  high = u shifted right (unsigned) by w, never 0; w = 64 has no exceptions
 * </pre>
 *
 * Not thread-safe: holds scratch arrays for the zigzagged delta-of-deltas.
 */
public final class DeltaOfDeltaTimestampCodec {
  /** Estimated varint bytes for an exception's position gap; close enough to pick the width. */
  private static final int GAP_BYTES_ESTIMATE = 1;

  /** Holds the dods, then in place the zigzagged quotients {@code u}. */
  private long[] zigzagDods = new long[0];
  private final int[] countByWidth = new int[65];

  public void encode(long[] timestamps, int count, ByteSink out) {
    if (count == 0) {
      return;
    }
    out.writeZigZagVarLong(timestamps[0]);
    if (count == 1) {
      return;
    }
    out.writeZigZagVarLong(timestamps[1] - timestamps[0]);
    if (count == 2) {
      return;
    }
    int n = count - 2;
    long tick = collectDods(timestamps, count);
    zigzagQuotients(n, tick);
    int width = cheapestWidth(n);
    int exceptions = countAbove(width);
    out.writeVarLong(tick);
    out.writeByte(width);
    out.writeVarLong(exceptions);
    BitPacking.pack(zigzagDods, n, width, out);
    if (exceptions > 0) {
      writeExceptions(n, width, out);
    }
  }

  /** Stores the dods in {@link #zigzagDods} and returns their greatest common divisor (&ge; 1). */
  private long collectDods(long[] timestamps, int count) {
    if (zigzagDods.length < count - 2) {
      zigzagDods = new long[count - 2];
    }
    long tick = 0;
    long previousDelta = timestamps[1] - timestamps[0];
    for (int i = 2; i < count; i++) {
      long delta = timestamps[i] - timestamps[i - 1];
      long dod = delta - previousDelta;
      previousDelta = delta;
      zigzagDods[i - 2] = dod;
      if (tick != 1 && dod != 0) {
        // |Long.MIN_VALUE| overflows; such a rare chunk simply does without a tick
        long magnitude = Math.abs(dod);
        tick = magnitude < 0 ? 1 : greatestCommonDivisor(magnitude, tick);
      }
    }
    return Math.max(tick, 1);
  }

  private static long greatestCommonDivisor(long a, long b) {
    while (b != 0) {
      long remainder = a % b;
      a = b;
      b = remainder;
    }
    return a;
  }

  private void zigzagQuotients(int n, long tick) {
    Arrays.fill(countByWidth, 0);
    for (int i = 0; i < n; i++) {
      long u = ZigZag.encode(tick == 1 ? zigzagDods[i] : zigzagDods[i] / tick);
      zigzagDods[i] = u;
      countByWidth[BitPacking.bitWidth(u)]++;
    }
  }

  /** The width minimising packed bits plus the estimated size of the exceptions it leaves. */
  private int cheapestWidth(int n) {
    int maxWidth = 64;
    while (maxWidth > 0 && countByWidth[maxWidth] == 0) {
      maxWidth--;
    }
    int best = maxWidth;
    long bestBits = (long) n * maxWidth;
    for (int w = 0; w < maxWidth; w++) {
      long bits = (long) n * w;
      for (int b = w + 1; b <= maxWidth; b++) {
        int highBytes = (b - w + 6) / 7;
        bits += (long) countByWidth[b] * 8 * (GAP_BYTES_ESTIMATE + highBytes);
      }
      if (bits < bestBits) {
        bestBits = bits;
        best = w;
      }
    }
    return best;
  }

  private int countAbove(int width) {
    int exceptions = 0;
    for (int b = width + 1; b <= 64; b++) {
      exceptions += countByWidth[b];
    }
    return exceptions;
  }

  private void writeExceptions(int n, int width, ByteSink out) {
    int previous = -1;
    for (int i = 0; i < n; i++) {
      long high = zigzagDods[i] >>> width;
      if (high != 0) {
        out.writeVarLong(i - previous - 1);
        out.writeVarLong(high);
        previous = i;
      }
    }
  }

  public void decode(ByteSource in, long[] dst, int count) {
    try {
      decodeChecked(in, dst, count);
    } catch (CorruptChunkException e) {
      throw CorruptChunkException.inCodec("DeltaOfDeltaTimestampCodec", e);
    }
  }

  private static void decodeChecked(ByteSource in, long[] dst, int count) {
    if (count == 0) {
      return;
    }
    long t = in.readZigZagVarLong();
    dst[0] = t;
    if (count == 1) {
      return;
    }
    long delta = in.readZigZagVarLong();
    t += delta;
    dst[1] = t;
    if (count == 2) {
      return;
    }
    int n = count - 2;
    long tick = in.readVarLong();
    int width = BitPacking.readWidth(in);
    int exceptions = in.readVarIntAtMost(width == 64 ? 0 : n, "exception count");
    BitPacking.unpack(in, dst, 2, n, width);
    applyExceptions(in, dst, n, width, exceptions);
    for (int i = 2; i < count; i++) {
      delta += ZigZag.decode(dst[i]) * tick;
      t += delta;
      dst[i] = t;
    }
  }

  private static void applyExceptions(ByteSource in, long[] dst, int n, int width, int exceptions) {
    int position = -1;
    for (int e = 0; e < exceptions; e++) {
      position += 1 + in.readVarIntAtMost(n - position - 2, "exception gap");
      dst[2 + position] |= in.readVarLong() << width;
    }
  }
}
