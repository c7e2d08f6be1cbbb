package io.edgetimedb.engine.chunkenc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.edgetimedb.testsupport.AdversarialValues;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

class SnappyBytesCodecTest {
  private final SnappyBytesCodec codec = new SnappyBytesCodec();
  private final CodecRoundTrip<byte[][]> roundTrip =
      CodecRoundTrip.ofByteArrays(codec::encode, codec::decode);

  @Test
  void roundTripsAnyByteArrays() {
    qt().withExamples(300)
        .forAll(AdversarialValues.byteArrayChunks())
        .checkAssert(values -> roundTrip.check(values, values.length));
  }

  @Test
  void garbageIsCorruptOrDecodes() {
    qt().withExamples(200)
        .forAll(AdversarialValues.byteArrays(0, 64), integers().between(0, 200))
        .checkAssert(roundTrip::checkGarbage);
  }

  @Test
  void mangledEncodingsAreCorruptOrDecode() {
    qt().withExamples(200)
        .forAll(AdversarialValues.byteArrayChunks(), AdversarialValues.seeds())
        .checkAssert((values, seed) -> roundTrip.checkMangled(values, values.length, seed));
  }

  @Test
  void similarPayloadsCompress() {
    byte[][] values = new byte[1000][];
    for (int i = 0; i < values.length; i++) {
      values[i] = ("{\"status\":\"ok\",\"pump\":" + (i % 7) + "}").getBytes(StandardCharsets.UTF_8);
    }
    assertThat(roundTrip.check(values, values.length)).isLessThan(values.length * 5);
  }

  @Test
  void emptyArraysRoundTrip() {
    byte[][] values = {new byte[0], new byte[0], {1}, new byte[0]};
    roundTrip.check(values, values.length);
  }

  @Test
  void lengthsThatDisagreeWithThePayloadAreCorrupt() throws Exception {
    byte[] block = {2, 3, 7, 7}; // lengths 2 and 3, but only 2 payload bytes
    byte[] compressed = Snappy.compress(block);
    ByteSink sink = new ByteSink(0);
    sink.writeVarLong(compressed.length);
    sink.writeBytes(compressed, 0, compressed.length);
    assertThatThrownBy(() -> roundTrip.decode(sink.toByteArray(), 2))
        .isInstanceOf(CorruptChunkException.class)
        .hasMessageStartingWith("SnappyBytesCodec: lengths add up to 5 but 2 payload bytes");
  }

  @Test
  void invalidSnappyBlockIsCorrupt() {
    byte[] encoding = {3, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    assertThatThrownBy(() -> roundTrip.decode(encoding, 1))
        .isInstanceOf(CorruptChunkException.class)
        .hasMessageStartingWith("SnappyBytesCodec: invalid Snappy block at offset 0");
  }
}
