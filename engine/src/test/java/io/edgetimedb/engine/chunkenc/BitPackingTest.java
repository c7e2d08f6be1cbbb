package io.edgetimedb.engine.chunkenc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.edgetimedb.testsupport.AdversarialValues;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BitPackingTest {

  @Test
  void roundTripsAtEveryWidth() {
    qt().withExamples(1000)
        .forAll(
            AdversarialValues.longArrays(AdversarialValues.anyLong(), 200),
            integers().between(0, 64),
            integers().between(0, 9),
            integers().between(0, 9))
        .checkAssert(BitPackingTest::roundTripsAtWidth);
  }

  private static void roundTripsAtWidth(long[] raw, int width, int prefix, int suffix) {
    long[] values = masked(raw, width);
    ByteSink sink = new ByteSink(0);
    for (int i = 0; i < prefix; i++) {
      sink.writeByte(0xFF);
    }
    BitPacking.pack(values, values.length, width, sink);
    int packed = sink.size() - prefix;
    assertThat(packed).isEqualTo((values.length * width + 7) / 8);
    for (int i = 0; i < suffix; i++) {
      sink.writeByte(0xFF);
    }
    // an exact-size array makes the last values take the near-the-end path
    byte[] exact = Arrays.copyOf(sink.array(), sink.size());
    ByteSource in = new ByteSource(exact, prefix, packed + suffix);
    long[] decoded = new long[values.length];
    BitPacking.unpack(in, decoded, values.length, width);
    assertThat(decoded).containsExactly(values);
    assertThat(in.position()).isEqualTo(prefix + packed);
  }

  private static long[] masked(long[] raw, int width) {
    long[] values = new long[raw.length];
    for (int i = 0; i < raw.length; i++) {
      values[i] = raw[i] & BitPacking.mask(width);
    }
    return values;
  }

  @Test
  void layoutIsLowBitFirst() {
    ByteSink sink = new ByteSink(0);
    BitPacking.pack(new long[] {0b101, 0b011, 0b110}, 3, 3, sink);
    assertThat(sink.toByteArray()).containsExactly(0b10_011_101, 0b1);
  }

  @Test
  void packIgnoresBitsAboveTheWidth() {
    ByteSink sink = new ByteSink(0);
    BitPacking.pack(new long[] {-1L, 0}, 2, 4, sink);
    assertThat(sink.toByteArray()).containsExactly(0x0F);
  }

  @Test
  void bitWidths() {
    assertThat(BitPacking.bitWidth(0)).isZero();
    assertThat(BitPacking.bitWidth(1)).isEqualTo(1);
    assertThat(BitPacking.bitWidth(255)).isEqualTo(8);
    assertThat(BitPacking.bitWidth(256)).isEqualTo(9);
    assertThat(BitPacking.bitWidth(Long.MAX_VALUE)).isEqualTo(63);
    assertThat(BitPacking.bitWidth(-1L)).isEqualTo(64);
    assertThat(BitPacking.bitWidth(Long.MIN_VALUE)).isEqualTo(64);
  }

  @Test
  void widthZeroCostsNothing() {
    ByteSink sink = new ByteSink(0);
    BitPacking.pack(new long[1000], 1000, 0, sink);
    assertThat(sink.size()).isZero();
    long[] decoded = new long[] {7, 7};
    BitPacking.unpack(new ByteSource(new byte[0], 0, 0), decoded, 2, 0);
    assertThat(decoded).containsExactly(0, 0);
  }

  @Test
  void truncatedBlockIsCorrupt() {
    ByteSink sink = new ByteSink(0);
    BitPacking.pack(new long[] {1, 2, 3, 4, 5}, 5, 7, sink);
    ByteSource in = new ByteSource(sink.array(), 0, sink.size() - 1);
    assertThatThrownBy(() -> BitPacking.unpack(in, new long[5], 5, 7))
        .isInstanceOf(CorruptChunkException.class)
        .hasMessageContaining("BitPacking");
  }

  @Test
  void widthOutsideRangeIsRejected() {
    ByteSink sink = new ByteSink(0);
    assertThatThrownBy(() -> BitPacking.pack(new long[1], 1, 65, sink))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] widthByte = {65};
    assertThatThrownBy(() -> BitPacking.readWidth(new ByteSource(widthByte, 0, 1)))
        .isInstanceOf(CorruptChunkException.class);
  }
}
