package io.edgetimedb.engine.chunkenc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.testsupport.AdversarialValues;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class RunLengthBooleanCodecTest extends CodecContract<boolean[]> {
  private final RunLengthBooleanCodec codec = new RunLengthBooleanCodec();
  private final CodecRoundTrip<boolean[]> roundTrip =
      CodecRoundTrip.ofBooleans(codec::encode, codec::decode);

  @Override
  CodecRoundTrip<boolean[]> roundTrip() {
    return roundTrip;
  }

  @Override
  Gen<boolean[]> valueChunks() {
    return AdversarialValues.booleanChunks();
  }

  @Test
  void threeChangesInAThousandCostAFewBytes() {
    boolean[] values = new boolean[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = (i >= 100 && i < 400) || i >= 900;
    }
    assertThat(roundTrip.check(values, values.length)).isLessThan(16);
  }

  @Test
  void emptyAndOverlongRunsAreCorrupt() {
    byte[] emptyRun = {1, 0};
    assertThatThrownBy(() -> roundTrip.decode(emptyRun, 3))
        .isInstanceOf(CorruptChunkException.class)
        .hasMessageStartingWith("RunLengthBooleanCodec: empty run at offset 1");
    byte[] overlongRun = {0, 4};
    assertThatThrownBy(() -> roundTrip.decode(overlongRun, 3))
        .isInstanceOf(CorruptChunkException.class)
        .hasMessageContaining("run length 4");
    byte[] badFirstValue = {2, 3};
    assertThatThrownBy(() -> roundTrip.decode(badFirstValue, 3))
        .isInstanceOf(CorruptChunkException.class)
        .hasMessageContaining("first value byte 2");
  }
}
