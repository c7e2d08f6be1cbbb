package io.edgetimedb.engine.chunkenc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RunLengthBooleanCodecTest {
  private final RunLengthBooleanCodec codec = new RunLengthBooleanCodec();
  private final CodecRoundTrip<boolean[]> roundTrip =
      CodecRoundTrip.ofBooleans(codec::encode, codec::decode);

  @Provide
  Arbitrary<boolean[]> chunks() {
    return AdversarialValues.booleanChunks();
  }

  @Property
  void roundTripsAnyBooleans(@ForAll("chunks") boolean[] values) {
    roundTrip.check(values, values.length);
  }

  @Property(tries = 300)
  void garbageIsCorruptOrDecodes(
      @ForAll @Size(max = 64) byte[] bytes, @ForAll @IntRange(max = 200) int count) {
    roundTrip.checkGarbage(bytes, count);
  }

  @Property(tries = 300)
  void mangledEncodingsAreCorruptOrDecode(@ForAll("chunks") boolean[] values, @ForAll long seed) {
    roundTrip.checkMangled(values, values.length, seed);
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
