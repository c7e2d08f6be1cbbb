package io.edgetimedb.engine.chunkenc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Doubles as XORs of neighbours' raw bits with Gorilla's leading/trailing zero windows (Pelkonen
 * et al., VLDB 2015). Gorilla rather than Chimp: Gorilla's one-bit code for a repeated value is
 * half of Chimp's, and repeats are common in sensor data, while Chimp gains most on values with
 * many trailing zero bits, the short decimals that {@link DoubleColumnCodec} hands to ALP anyway.
 *
 * <p>The output is one bit stream in the same order as {@link BitPacking} (bit {@code k} is bit
 * {@code k % 8} of byte {@code k / 8}; each field's low bit first), zero-padded to a whole byte.
 * With {@code x = bits(v[i]) ^ bits(v[i-1])}:
 *
 * <pre>
 *  count 0: (nothing)
 *  count 1 or more:
 *  +---------------------+---------------------------------------------------------+-----+
 *  | 64 bits: bits(v[0]) | count-1 codes, one per following value                  | pad |
 *  +---------------------+---------------------------------------------------------+-----+
 *
 *  x == 0            +---+
 *                    | 0 |
 *                    +---+
 *  x fits the        +---+---+------------------------------------------+
 *  current window    | 1 | 0 | 64-lead-trail bits: x's significant bits |
 *                    +---+---+------------------------------------------+
 *  new window        +---+---+-------------+------------+----------------------------------+
 *                    | 1 | 1 | 5 bits lead | 6 bits len | len bits: x's significant bits   |
 *                    +---+---+-------------+------------+----------------------------------+
 *  lead = min(leading zeros of x, 31); len = 1..64, 64 written as 0; trail = 64 - lead - len.
 *  x's significant bits = x shifted right (unsigned) by the window's trail.
 *  x fits the window when its leading zeros are at least lead and its trailing zeros at least
 *  trail.
 * </pre>
 *
 * Not thread-safe: holds the bit writer's and bit reader's state.
 */
public final class XorDoubleCodec {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int MAX_LEAD = 31;
  private static final int NEW_WINDOW_HEADER_BITS = 13;

  private long pendingBits;
  private int pendingCount;

  private byte[] readBuf;
  private long readBit;
  private long readEndBit;

  public void encode(double[] values, int count, ByteSink out) {
    if (count == 0) {
      return;
    }
    pendingBits = 0;
    pendingCount = 0;
    long previous = Double.doubleToRawLongBits(values[0]);
    writeBits(previous, 64, out);
    int lead = -1;
    int trail = 0;
    for (int i = 1; i < count; i++) {
      long bits = Double.doubleToRawLongBits(values[i]);
      long x = bits ^ previous;
      previous = bits;
      if (x == 0) {
        writeBits(0, 1, out);
        continue;
      }
      int xLead = Math.min(Long.numberOfLeadingZeros(x), MAX_LEAD);
      int xTrail = Long.numberOfTrailingZeros(x);
      if (lead >= 0 && xLead >= lead && xTrail >= trail) {
        writeBits(0b01, 2, out);
      } else {
        lead = xLead;
        trail = xTrail;
        int len = 64 - lead - trail;
        writeBits(0b11 | lead << 2 | (len & 63) << 7, NEW_WINDOW_HEADER_BITS, out);
      }
      writeBits(x >>> trail, 64 - lead - trail, out);
    }
    out.writeLowBytesLE(pendingBits, (pendingCount + 7) >>> 3);
  }

  /** Appends the low {@code n} (1..64) bits of {@code v}; bits above {@code n} must be zero. */
  private void writeBits(long v, int n, ByteSink out) {
    pendingBits |= v << pendingCount;
    int total = pendingCount + n;
    if (total >= 64) {
      out.writeLongLE(pendingBits);
      total -= 64;
      // bits of v that did not fit start the next word; a shift by 64 would be a no-op
      pendingBits = total == 0 ? 0 : v >>> (n - total);
    }
    pendingCount = total;
  }

  public void decode(ByteSource in, double[] dst, int count) {
    try {
      decodeChecked(in, dst, count);
    } catch (CorruptChunkException e) {
      throw CorruptChunkException.inCodec("XorDoubleCodec", e);
    } finally {
      readBuf = null;
    }
  }

  private void decodeChecked(ByteSource in, double[] dst, int count) {
    if (count == 0) {
      return;
    }
    readBuf = in.buffer();
    long startBit = (long) in.position() << 3;
    readBit = startBit;
    readEndBit = startBit + ((long) in.remaining() << 3);
    long bits = readBits(64);
    dst[0] = Double.longBitsToDouble(bits);
    int lead = -1;
    int trail = 0;
    for (int i = 1; i < count; i++) {
      long code = peek64();
      if ((code & 1) == 0) {
        advance(1);
      } else if ((code & 2) == 0) {
        if (lead < 0) {
          throw corrupt("window reused before any was opened");
        }
        advance(2);
        bits ^= readBits(64 - lead - trail) << trail;
      } else {
        lead = (int) (code >>> 2) & MAX_LEAD;
        int len = (int) (code >>> 7) & 63;
        len = len == 0 ? 64 : len;
        if (lead + len > 64) {
          throw corrupt("window of " + lead + " leading and " + len + " significant bits");
        }
        trail = 64 - lead - len;
        advance(NEW_WINDOW_HEADER_BITS);
        bits ^= readBits(len) << trail;
      }
      dst[i] = Double.longBitsToDouble(bits);
    }
    in.skip((int) ((readBit - startBit + 7) >>> 3));
  }

  private long readBits(int n) {
    long v = peek64() & BitPacking.mask(n);
    advance(n);
    return v;
  }

  private void advance(int n) {
    readBit += n;
    if (readBit > readEndBit) {
      throw corrupt("bit stream ends before its last value");
    }
  }

  /** The next 64 bits of the stream, zero-filled past its end. */
  private long peek64() {
    int b = (int) (readBit >>> 3);
    int shift = (int) (readBit & 7);
    if (b + 9 <= readBuf.length) {
      long low = (long) LONG_LE.get(readBuf, b) >>> shift;
      // the 9th byte supplies the top bits the shift made room for
      long high = (readBuf[b + 8] & 0xFFL) << (63 - shift) << 1;
      return low | high;
    }
    return peekNearEnd(b, shift);
  }

  private long peekNearEnd(int b, int shift) {
    int end = (int) (readEndBit >>> 3);
    long low = 0;
    for (int k = 0; k < 8 && b + k < end; k++) {
      low |= (readBuf[b + k] & 0xFFL) << (k << 3);
    }
    long high = b + 8 < end ? (readBuf[b + 8] & 0xFFL) : 0;
    return (low >>> shift) | (high << (63 - shift) << 1);
  }

  private CorruptChunkException corrupt(String what) {
    return new CorruptChunkException(what + " at bit offset " + readBit);
  }
}
