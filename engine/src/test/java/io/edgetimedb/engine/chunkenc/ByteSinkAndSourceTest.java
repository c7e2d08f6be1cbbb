package io.edgetimedb.engine.chunkenc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.edgetimedb.testsupport.AdversarialValues;
import org.junit.jupiter.api.Test;

class ByteSinkAndSourceTest {

  @Test
  void primitivesRoundTrip() {
    qt().withExamples(1000)
        .forAll(
            AdversarialValues.anyLong(),
            AdversarialValues.anyInt(),
            AdversarialValues.anyLong().zip(AdversarialValues.anyLong(), LongPair::new),
            AdversarialValues.anyByte())
        .checkAssert((a, b, cd, e) -> primitivesRoundTrip(a, b, cd.c(), cd.d(), e));
  }

  /** Two longs drawn together: QuickTheories takes at most four generators. */
  private record LongPair(long c, long d) {}

  private static void primitivesRoundTrip(long a, int b, long c, long d, byte e) {
    ByteSink sink = new ByteSink(0);
    sink.writeLongLE(a);
    sink.writeIntLE(b);
    sink.writeVarLong(c);
    sink.writeZigZagVarLong(d);
    sink.writeByte(e);
    ByteSource in = new ByteSource(sink.array(), 0, sink.size());
    assertThat(in.readLongLE()).isEqualTo(a);
    assertThat(in.readIntLE()).isEqualTo(b);
    assertThat(in.readVarLong()).isEqualTo(c);
    assertThat(in.readZigZagVarLong()).isEqualTo(d);
    assertThat(in.readByte()).isEqualTo(e & 0xFF);
    assertThat(in.remaining()).isZero();
  }

  @Test
  void littleEndianByteOrder() {
    ByteSink sink = new ByteSink(1);
    sink.writeLongLE(0x0807060504030201L);
    sink.writeIntLE(0x0C0B0A09);
    assertThat(sink.toByteArray()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
  }

  @Test
  void varintSizes() {
    assertThat(varintBytes(0)).containsExactly(0);
    assertThat(varintBytes(127)).containsExactly(127);
    assertThat(varintBytes(128)).containsExactly(0x80, 1);
    assertThat(varintBytes(-1)).hasSize(10);
    assertThat(zigzagVarintBytes(-1)).containsExactly(1);
    assertThat(zigzagVarintBytes(Long.MIN_VALUE)).hasSize(10);
  }

  private static byte[] varintBytes(long v) {
    ByteSink sink = new ByteSink(0);
    sink.writeVarLong(v);
    return sink.toByteArray();
  }

  private static byte[] zigzagVarintBytes(long v) {
    ByteSink sink = new ByteSink(0);
    sink.writeZigZagVarLong(v);
    return sink.toByteArray();
  }

  @Test
  void sinkGrowsTruncatesResetsAndCopies() {
    ByteSink sink = new ByteSink(0);
    byte[] payload = new byte[1000];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) i;
    }
    sink.writeBytes(payload, 10, 900);
    assertThat(sink.size()).isEqualTo(900);
    sink.truncate(5);
    assertThat(sink.toByteArray()).containsExactly(10, 11, 12, 13, 14);
    byte[] copy = new byte[7];
    sink.copyTo(copy, 2);
    assertThat(copy).containsExactly(0, 0, 10, 11, 12, 13, 14);
    int capacity = sink.array().length;
    sink.reset();
    assertThat(sink.size()).isZero();
    assertThat(sink.array()).hasSize(capacity);
    sink.ensureCapacity(capacity + 1);
    assertThat(sink.array().length).isGreaterThan(capacity);
    assertThatThrownBy(() -> sink.truncate(1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ByteSink(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sourceReadsItsSliceAndIsReusable() {
    byte[] buf = {9, 9, 1, 2, 3, 4, 9};
    ByteSource in = new ByteSource();
    assertThat(in.remaining()).isZero();
    assertThat(in.reset(buf, 2, 4)).isSameAs(in);
    assertThat(in.buffer()).isSameAs(buf);
    assertThat(in.position()).isEqualTo(2);
    in.skip(1);
    byte[] dst = new byte[3];
    in.readBytes(dst, 1, 2);
    assertThat(dst).containsExactly(0, 2, 3);
    assertThat(in.readByte()).isEqualTo(4);
    assertThat(in.remaining()).isZero();
    assertThatThrownBy(in::readByte)
        .isInstanceOf(CorruptChunkException.class)
        .hasMessageContaining("offset 6");
  }

  @Test
  void readsPastTheSliceThrowCorruptChunk() {
    byte[] buf = new byte[16];
    assertThatThrownBy(() -> new ByteSource(buf, 0, 7).readLongLE())
        .isInstanceOf(CorruptChunkException.class);
    assertThatThrownBy(() -> new ByteSource(buf, 0, 3).readIntLE())
        .isInstanceOf(CorruptChunkException.class);
    assertThatThrownBy(() -> new ByteSource(buf, 0, 3).skip(4))
        .isInstanceOf(CorruptChunkException.class);
    assertThatThrownBy(() -> new ByteSource(buf, 0, 3).skip(-1))
        .isInstanceOf(CorruptChunkException.class);
    assertThatThrownBy(() -> new ByteSource(buf, 0, 3).readBytes(new byte[4], 0, 4))
        .isInstanceOf(CorruptChunkException.class);
    byte[] unterminated = {(byte) 0x80, (byte) 0x80};
    assertThatThrownBy(() -> new ByteSource(unterminated, 0, 2).readVarLong())
        .isInstanceOf(CorruptChunkException.class);
  }

  @Test
  void overlongVarintsAreCorrupt() {
    byte[] elevenBytes = new byte[11];
    java.util.Arrays.fill(elevenBytes, (byte) 0xFF);
    assertThatThrownBy(() -> new ByteSource(elevenBytes, 0, 11).readVarLong())
        .isInstanceOf(CorruptChunkException.class)
        .hasMessageContaining("longer than 10 bytes");
    byte[] overflowing = {-1, -1, -1, -1, -1, -1, -1, -1, -1, 2};
    assertThatThrownBy(() -> new ByteSource(overflowing, 0, 10).readVarLong())
        .isInstanceOf(CorruptChunkException.class)
        .hasMessageContaining("overflows");
  }

  @Test
  void boundedVarintsRejectOutOfRangeValues() {
    ByteSink sink = new ByteSink(0);
    sink.writeVarLong(5);
    sink.writeVarLong(6);
    sink.writeVarLong(-1);
    ByteSource in = new ByteSource(sink.array(), 0, sink.size());
    assertThat(in.readVarIntAtMost(5, "count")).isEqualTo(5);
    assertThatThrownBy(() -> in.readVarIntAtMost(5, "count"))
        .isInstanceOf(CorruptChunkException.class)
        .hasMessageContaining("count 6 at offset 1 exceeds 5");
    assertThatThrownBy(() -> in.readVarIntAtMost(Integer.MAX_VALUE, "length"))
        .isInstanceOf(CorruptChunkException.class);
  }
}
