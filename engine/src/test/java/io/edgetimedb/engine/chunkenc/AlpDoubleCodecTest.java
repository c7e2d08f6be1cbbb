package io.edgetimedb.engine.chunkenc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.testsupport.AdversarialValues;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class AlpDoubleCodecTest extends CodecContract<double[]> {
  private final AlpDoubleCodec codec = new AlpDoubleCodec();
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
  void slowTemperatureWalkCostsUnderOneBytePerValue() {
    double[] temperatures = AdversarialValues.sensorWalk(new Random(5), 1000, 2);
    int size = roundTrip.check(temperatures, temperatures.length);
    assertThat(size).isLessThan(temperatures.length);
  }

  @Test
  void specialValuesAreExceptionsThatKeepTheirBits() {
    double[] values = AdversarialValues.sensorWalk(new Random(9), 500, 2);
    values[0] = Double.longBitsToDouble(0x7FF0_0000_0000_0001L);
    values[100] = -0.0;
    values[200] = Double.NEGATIVE_INFINITY;
    values[300] = Double.MIN_VALUE;
    values[499] = Math.PI;
    int size = roundTrip.check(values, values.length);
    // five exceptions of 9 bytes must not widen the packed integers much
    assertThat(size).isLessThan(500 + 5 * 9);
  }

  @Test
  void largeIntegersWithTrailingZerosUseTheFactor() {
    double[] bytesWritten = new double[1000];
    Random random = new Random(1);
    for (int i = 0; i < bytesWritten.length; i++) {
      bytesWritten[i] = 100_000_000.0 + 1000.0 * random.nextInt(1000);
    }
    int size = roundTrip.check(bytesWritten, bytesWritten.length);
    assertThat(size * 8.0 / bytesWritten.length).as("bits per value").isLessThanOrEqualTo(11);
  }

  @Test
  void allExceptionChunksStillRoundTrip() {
    double[] values = new double[200];
    Random random = new Random(4);
    for (int i = 0; i < values.length; i++) {
      values[i] = Double.longBitsToDouble(random.nextLong());
    }
    roundTrip.check(values, values.length);
  }

  @Test
  void unknownPowerOrModeIsCorrupt() {
    byte[] badExponent = {19, 0, 0};
    assertThatThrownBy(() -> roundTrip.decode(badExponent, 1))
        .isInstanceOf(CorruptChunkException.class)
        .hasMessageStartingWith("AlpDoubleCodec: power of ten 19");
    byte[] badMode = {2, 0, 7};
    assertThatThrownBy(() -> roundTrip.decode(badMode, 1))
        .isInstanceOf(CorruptChunkException.class)
        .hasMessageStartingWith("AlpDoubleCodec: integer mode 7");
  }
}
