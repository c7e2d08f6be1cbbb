package io.edgetimedb.engine.chunkenc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Growable little-endian output buffer, reused across chunks so sealing allocates only the final
 * array.
 *
 * <p>Primitive layouts written here and read back by {@link ByteSource}:
 *
 * <pre>
 *  writeLongLE / writeIntLE : least significant byte first
 *      +------+------+-----+------+
 *      | b0   | b1   | ... | b7   |      v = b0 | b1 &lt;&lt; 8 | ... | b7 &lt;&lt; 56
 *      +------+------+-----+------+
 *
 *  writeVarLong (unsigned LEB128, 1..10 bytes): 7 payload bits per byte, low group first,
 *  high bit set on every byte except the last
 *      +----------+----------+-----+----------+
 *      | 1ggggggg | 1ggggggg | ... | 0ggggggg |
 *      +----------+----------+-----+----------+
 *
 *  writeZigZagVarLong: writeVarLong((v &lt;&lt; 1) ^ (v &gt;&gt; 63))
 * </pre>
 */
public final class ByteSink {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] buf;
  private int size;

  public ByteSink(int initialCapacity) {
    if (initialCapacity < 0) {
      throw new IllegalArgumentException("negative capacity " + initialCapacity);
    }
    buf = new byte[initialCapacity];
  }

  public void writeByte(int b) {
    ensureCapacity(1);
    buf[size++] = (byte) b;
  }

  public void writeLongLE(long v) {
    ensureCapacity(8);
    LONG_LE.set(buf, size, v);
    size += 8;
  }

  public void writeIntLE(int v) {
    ensureCapacity(4);
    INT_LE.set(buf, size, v);
    size += 4;
  }

  /** Writes the low {@code byteCount} (0..8) bytes of {@code v}, least significant first. */
  void writeLowBytesLE(long v, int byteCount) {
    ensureCapacity(byteCount);
    for (int i = 0; i < byteCount; i++) {
      buf[size++] = (byte) (v >>> (i << 3));
    }
  }

  public void writeVarLong(long v) {
    ensureCapacity(10);
    while ((v & ~0x7FL) != 0) {
      buf[size++] = (byte) (v | 0x80);
      v >>>= 7;
    }
    buf[size++] = (byte) v;
  }

  public void writeZigZagVarLong(long v) {
    writeVarLong(ZigZag.encode(v));
  }

  public void writeBytes(byte[] src, int off, int len) {
    ensureCapacity(len);
    System.arraycopy(src, off, buf, size, len);
    size += len;
  }

  public int size() {
    return size;
  }

  public void truncate(int size) {
    if (size < 0 || size > this.size) {
      throw new IllegalArgumentException("cannot truncate " + this.size + " bytes to " + size);
    }
    this.size = size;
  }

  public void reset() {
    size = 0;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  public void copyTo(byte[] dst, int dstOff) {
    System.arraycopy(buf, 0, dst, dstOff, size);
  }

  public byte[] array() {
    return buf;
  }

  public void ensureCapacity(int extraBytes) {
    if (extraBytes > buf.length - size) {
      grow(extraBytes);
    }
  }

  private void grow(int extraBytes) {
    long needed = (long) size + extraBytes;
    if (extraBytes < 0 || needed > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("cannot grow " + size + " bytes by " + extraBytes);
    }
    long doubled = Math.min(2L * buf.length, Integer.MAX_VALUE - 8);
    buf = Arrays.copyOf(buf, (int) Math.max(needed, Math.max(doubled, 16)));
  }
}
