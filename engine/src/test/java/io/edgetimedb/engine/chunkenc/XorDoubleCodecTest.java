package io.edgetimedb.engine.chunkenc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.testsupport.AdversarialValues;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class XorDoubleCodecTest extends CodecContract<double[]> {
  private final XorDoubleCodec codec = new XorDoubleCodec();
  private final CodecRoundTrip<double[]> roundTrip =
      CodecRoundTrip.ofDoubles(codec::encode, codec::decode);

  @Override
  CodecRoundTrip<double[]> roundTrip() {
    return roundTrip;
  }

  @Override
  Gen<double[]> valueChunks() {
    return AdversarialValues.doubleChunks();
  }

  @Test
  void constantValuesCostOneBitEach() {
    double[] values = new double[1000];
    Arrays.fill(values, 21.37);
    int size = roundTrip.check(values, values.length);
    assertThat(size).isEqualTo(8 + (999 + 7) / 8);
  }

  @Test
  void repeatedWindowIsReused() {
    double[] values = {1.0, 1.5, 1.25, 1.5, 1.25};
    // 1.5 ^ 1.25 has the same window as 1.0 ^ 1.5, so the later codes skip the window header
    roundTrip.check(values, values.length);
    assertThat(roundTrip.encode(values, values.length)).hasSizeLessThan(8 + 4 * 2);
  }

  @Test
  void windowReuseBeforeAnyWindowIsCorrupt() {
    byte[] encoding = new byte[9];
    encoding[8] = 0b01; // first code after the raw value: '1' then '0'
    assertThatThrownBy(() -> roundTrip.decode(encoding, 2))
        .isInstanceOf(CorruptChunkException.class)
        .hasMessageStartingWith("XorDoubleCodec: window reused");
  }

  @Test
  void windowWiderThanSixtyFourBitsIsCorrupt() {
    ByteSink sink = new ByteSink(0);
    sink.writeLongLE(0);
    // '1', '1', lead 31, len 40 as one 13-bit little-endian field
    int header = 0b11 | 31 << 2 | 40 << 7;
    sink.writeByte(header);
    sink.writeByte(header >>> 8);
    sink.writeLongLE(0);
    assertThatThrownBy(() -> roundTrip.decode(sink.toByteArray(), 2))
        .isInstanceOf(CorruptChunkException.class)
        .hasMessageContaining("31 leading and 40 significant bits");
  }
}
