package io.edgetimedb.engine.chunkenc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.edgetimedb.testsupport.AdversarialValues;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DoubleColumnCodecTest {
  private final DoubleColumnCodec codec = new DoubleColumnCodec();
  private final CodecRoundTrip<double[]> roundTrip =
      CodecRoundTrip.ofDoubles(codec::encode, codec::decode);
  private final AlpDoubleCodec alp = new AlpDoubleCodec();
  private final CodecRoundTrip<double[]> alpAlone =
      CodecRoundTrip.ofDoubles(alp::encode, alp::decode);
  private final XorDoubleCodec xor = new XorDoubleCodec();
  private final CodecRoundTrip<double[]> xorAlone =
      CodecRoundTrip.ofDoubles(xor::encode, xor::decode);

  @Test
  void roundTripsAnyDoublesBitExactlyAndKeepsTheSmallerEncoding() {
    qt().withExamples(1000)
        .forAll(AdversarialValues.doubleChunks())
        .checkAssert(
            values -> {
              int size = roundTrip.check(values, values.length);
              if (values.length > 0) {
                int alpSize = alpAlone.encode(values, values.length).length;
                int xorSize = xorAlone.encode(values, values.length).length;
                assertThat(size).isEqualTo(1 + Math.min(alpSize, xorSize));
              }
            });
  }

  @Test
  void garbageIsCorruptOrDecodes() {
    qt().withExamples(300)
        .forAll(AdversarialValues.byteArrays(0, 64), integers().between(0, 200))
        .checkAssert(roundTrip::checkGarbage);
  }

  @Test
  void mangledEncodingsAreCorruptOrDecode() {
    qt().withExamples(300)
        .forAll(AdversarialValues.doubleChunks(), AdversarialValues.seeds())
        .checkAssert((values, seed) -> roundTrip.checkMangled(values, values.length, seed));
  }

  @Test
  void choosesXorForRandomHighPrecisionDoubles() {
    // like poi_lat: radians with all 17 significant digits, nothing for ALP to scale
    double[] latitudes = new double[1000];
    Random random = new Random(8);
    for (int i = 0; i < latitudes.length; i++) {
      latitudes[i] = (random.nextDouble() - 0.5) * Math.PI;
    }
    byte[] encoding = roundTrip.encode(latitudes, latitudes.length);
    assertThat(encoding[0]).isEqualTo((byte) DoubleColumnCodec.KIND_XOR);
    assertThat(encoding.length - 1).isEqualTo(xorAlone.encode(latitudes, latitudes.length).length);
    roundTrip.check(latitudes, latitudes.length);
  }

  @Test
  void choosesAlpForDecimals() {
    double[] temperatures = AdversarialValues.sensorWalk(new Random(2), 1000, 2);
    byte[] encoding = roundTrip.encode(temperatures, temperatures.length);
    assertThat(encoding[0]).isEqualTo((byte) DoubleColumnCodec.KIND_ALP);
    assertThat(encoding.length).isLessThan(temperatures.length);
    roundTrip.check(temperatures, temperatures.length);
  }

  @Test
  void unknownKindIsCorrupt() {
    byte[] encoding = {2, 0, 0, 0};
    assertThatThrownBy(() -> roundTrip.decode(encoding, 1))
        .isInstanceOf(CorruptChunkException.class)
        .hasMessageStartingWith("DoubleColumnCodec: unknown kind 2 at offset 0");
  }
}
