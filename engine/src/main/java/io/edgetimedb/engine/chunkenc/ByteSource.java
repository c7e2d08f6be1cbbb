package io.edgetimedb.engine.chunkenc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Reads what {@link ByteSink} wrote (see its Javadoc for the primitive layouts). Every read is
 * bounds-checked against the slice given to {@link #reset}, so truncated input surfaces as a
 * {@link CorruptChunkException} rather than an index error.
 */
public final class ByteSource {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final byte[] NO_BYTES = new byte[0];

  private byte[] buf = NO_BYTES;
  private int pos;
  private int limit;

  public ByteSource() {}

  public ByteSource(byte[] buf, int off, int len) {
    reset(buf, off, len);
  }

  public ByteSource reset(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    this.buf = buf;
    this.pos = off;
    this.limit = off + len;
    return this;
  }

  public int readByte() {
    if (pos >= limit) {
      throw pastEnd(1);
    }
    return buf[pos++] & 0xFF;
  }

  public long readLongLE() {
    require(8);
    long v = (long) LONG_LE.get(buf, pos);
    pos += 8;
    return v;
  }

  public int readIntLE() {
    require(4);
    int v = (int) INT_LE.get(buf, pos);
    pos += 4;
    return v;
  }

  public long readVarLong() {
    int start = pos;
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readByte();
      v |= (long) (b & 0x7F) << shift;
      if (b < 0x80) {
        if (shift == 63 && b > 1) {
          throw new CorruptChunkException(
              "ByteSource: varint overflows 64 bits at offset " + start);
        }
        return v;
      }
    }
    throw new CorruptChunkException("ByteSource: varint longer than 10 bytes at offset " + start);
  }

  public long readZigZagVarLong() {
    return ZigZag.decode(readVarLong());
  }

  /**
   * Reads an unsigned varint that must lie in 0..max; counts, lengths and positions read this way
   * can then size loops and arrays without trusting corrupt input.
   */
  int readVarIntAtMost(int max, String what) {
    int start = pos;
    long v = readVarLong();
    if (v < 0 || v > max) {
      throw new CorruptChunkException(
          "ByteSource: " + what + " " + Long.toUnsignedString(v) + " at offset " + start
              + " exceeds " + max);
    }
    return (int) v;
  }

  public void readBytes(byte[] dst, int off, int len) {
    require(len);
    System.arraycopy(buf, pos, dst, off, len);
    pos += len;
  }

  public int position() {
    return pos;
  }

  public void skip(int n) {
    require(n);
    pos += n;
  }

  public int remaining() {
    return limit - pos;
  }

  public byte[] buffer() {
    return buf;
  }

  private void require(int n) {
    if (n < 0 || n > limit - pos) {
      throw pastEnd(n);
    }
  }

  private CorruptChunkException pastEnd(int n) {
    return new CorruptChunkException(
        "ByteSource: need " + n + " bytes at offset " + pos + ", only " + (limit - pos) + " left");
  }

  /** Reads what {@link ByteSink#writeString} wrote; a length past the end is corruption. */
  public String readString() {
    int length = readVarIntAtMost(remaining(), "string length");
    int start = pos;
    skip(length);
    return GeneralizedUtf8.read(buffer(), start, length, new char[length]);
  }

  /** Moves to an absolute offset up to the end of the bound range, e.g. to read something again. */
  public void seek(int absolutePosition) {
    if (absolutePosition < 0 || absolutePosition > limit) {
      throw new CorruptChunkException("ByteSource: seek to " + absolutePosition + " outside 0.." + limit);
    }
    pos = absolutePosition;
  }
}
