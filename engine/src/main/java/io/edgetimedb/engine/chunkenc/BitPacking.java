package io.edgetimedb.engine.chunkenc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Fixed-width bit packing of unsigned values (width 0..64); the fast core of the integer codecs.
 *
 * <p>Value {@code i} occupies bits {@code [i*w, (i+1)*w)} of a little-endian bit stream: bit
 * {@code k} of the stream is bit {@code k % 8} of byte {@code k / 8}, and each value's low bit
 * comes first. The block is {@code ceil(count*w/8)} bytes; the unused high bits of the last byte
 * are zero. Example with w = 3 and values a, b, c (bits a2 a1 a0 and so on):
 *
 * <pre>
 *   byte 0 (bit 7 .. bit 0)     byte 1 (bit 7 .. bit 0)
 *   +--+--+--+--+--+--+--+--+   +--+--+--+--+--+--+--+--+
 *   |c1|c0|b2|b1|b0|a2|a1|a0|   | 0| 0| 0| 0| 0| 0| 0|c2|
 *   +--+--+--+--+--+--+--+--+   +--+--+--+--+--+--+--+--+
 * </pre>
 *
 * <p>Because the stream is little-endian, a value of width &le; 56 always lies inside the 8 bytes
 * starting at its first byte, so unpacking it is one unaligned 8-byte load, a shift and a mask.
 */
public final class BitPacking {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int MAX_ONE_LOAD_WIDTH = 56;

  private BitPacking() {}

  public static int bitWidth(long unsignedMax) {
    return 64 - Long.numberOfLeadingZeros(unsignedMax);
  }

  /** Number of bytes a block of {@code count} values of {@code width} bits occupies. */
  static long packedBytes(int count, int width) {
    return ((long) count * width + 7) >>> 3;
  }

  public static void pack(long[] values, int count, int width, ByteSink out) {
    pack(values, 0, count, 0L, width, out);
  }

  /**
   * Packs {@code values[from + i] - base} (wrapping), which lets frame-of-reference callers skip
   * a separate subtraction pass.
   */
  static void pack(long[] values, int from, int count, long base, int width, ByteSink out) {
    checkWidth(width);
    if (width == 0) {
      return;
    }
    out.ensureCapacity((int) packedBytes(count, width));
    long mask = mask(width);
    long word = 0;
    int filled = 0;
    for (int i = from, end = from + count; i < end; i++) {
      long v = (values[i] - base) & mask;
      word |= v << filled;
      filled += width;
      if (filled >= 64) {
        out.writeLongLE(word);
        filled -= 64;
        // the bits of v that did not fit start the next word; a shift by 64 would be a no-op
        word = filled == 0 ? 0 : v >>> (width - filled);
      }
    }
    out.writeLowBytesLE(word, (filled + 7) >>> 3);
  }

  public static void unpack(ByteSource in, long[] dst, int count, int width) {
    unpack(in, dst, 0, count, width);
  }

  static void unpack(ByteSource in, long[] dst, int from, int count, int width) {
    checkWidth(width);
    long bytes = packedBytes(count, width);
    if (bytes > in.remaining()) {
      throw new CorruptChunkException(
          "BitPacking: " + count + " values of " + width + " bits need " + bytes
              + " bytes at offset " + in.position() + ", only " + in.remaining() + " left");
    }
    byte[] buf = in.buffer();
    int start = in.position();
    int end = start + (int) bytes;
    if (width == 0) {
      Arrays.fill(dst, from, from + count, 0L);
    } else {
      int fast = valuesWithFullWindow(buf.length, start, count, width);
      if (width <= MAX_ONE_LOAD_WIDTH) {
        unpackNarrow(buf, start, dst, from, fast, width);
      } else {
        unpackWide(buf, start, dst, from, fast, width);
      }
      for (int i = fast; i < count; i++) {
        dst[from + i] = readNearEnd(buf, end, ((long) start << 3) + (long) i * width, width);
      }
    }
    in.skip((int) bytes);
  }

  /** Reads the width byte that precedes a packed block, rejecting widths above 64. */
  static int readWidth(ByteSource in) {
    int offset = in.position();
    int width = in.readByte();
    if (width > 64) {
      throw new CorruptChunkException("BitPacking: bit width " + width + " at offset " + offset);
    }
    return width;
  }

  static long mask(int width) {
    return width == 0 ? 0 : -1L >>> (64 - width);
  }

  /**
   * How many leading values can be read with an 8-byte load without running off the array; only
   * the last few values of a block that ends near the end of the array miss out.
   */
  private static int valuesWithFullWindow(int arrayLength, int start, int count, int width) {
    int fast = count;
    long lastLoad = arrayLength - 8L;
    while (fast > 0 && ((((long) start << 3) + (long) (fast - 1) * width) >>> 3) > lastLoad) {
      fast--;
    }
    return fast;
  }

  private static void unpackNarrow(
      byte[] buf, int start, long[] dst, int from, int count, int width) {
    long mask = mask(width);
    long bit = (long) start << 3;
    for (int i = 0; i < count; i++, bit += width) {
      long window = (long) LONG_LE.get(buf, (int) (bit >>> 3));
      dst[from + i] = (window >>> (bit & 7)) & mask;
    }
  }

  private static void unpackWide(
      byte[] buf, int start, long[] dst, int from, int count, int width) {
    long mask = mask(width);
    long bit = (long) start << 3;
    for (int i = 0; i < count; i++, bit += width) {
      int b = (int) (bit >>> 3);
      int shift = (int) (bit & 7);
      long v = (long) LONG_LE.get(buf, b) >>> shift;
      if (shift + width > 64) {
        v |= (buf[b + 8] & 0xFFL) << (64 - shift);
      }
      dst[from + i] = v & mask;
    }
  }

  /** Byte-at-a-time read for values whose 8-byte window would pass {@code end}. */
  private static long readNearEnd(byte[] buf, int end, long bit, int width) {
    int b = (int) (bit >>> 3);
    int shift = (int) (bit & 7);
    long window = 0;
    for (int k = 0; k < 8 && b + k < end; k++) {
      window |= (buf[b + k] & 0xFFL) << (k << 3);
    }
    long v = window >>> shift;
    if (shift + width > 64) {
      v |= (buf[b + 8] & 0xFFL) << (64 - shift);
    }
    return v & mask(width);
  }

  private static void checkWidth(int width) {
    if (width < 0 || width > 64) {
      throw new IllegalArgumentException("bit width " + width + " outside 0..64");
    }
  }
}
