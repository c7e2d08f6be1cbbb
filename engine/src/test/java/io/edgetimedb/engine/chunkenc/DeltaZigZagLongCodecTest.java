package io.edgetimedb.engine.chunkenc;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.testsupport.AdversarialValues;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class DeltaZigZagLongCodecTest extends CodecContract<long[]> {
  private final DeltaZigZagLongCodec codec = new DeltaZigZagLongCodec();
  private final CodecRoundTrip<long[]> roundTrip =
      CodecRoundTrip.ofLongs(codec::encode, codec::decode);

  @Override
  CodecRoundTrip<long[]> roundTrip() {
    return roundTrip;
  }

  @Override
  Gen<long[]> valueChunks() {
    return AdversarialValues.longChunks();
  }

  @Test
  void energyCounterCostsAtMostTwoBitsPerValue() {
    long[] counter = AdversarialValues.counterSeries(new Random(11), 1000);
    int size = roundTrip.check(counter, counter.length);
    assertThat(size * 8.0 / counter.length).as("bits per value").isLessThanOrEqualTo(2.1);
  }

  @Test
  void constantStepCostsOnlyTheHeader() {
    long[] counter = new long[1000];
    for (int i = 0; i < counter.length; i++) {
      counter[i] = 5_000_000L + 37L * i;
    }
    assertThat(roundTrip.check(counter, counter.length)).isLessThan(8);
  }

  @Test
  void fullRangeDeltasRoundTrip() {
    long[] values = {Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, 0};
    for (int count = 0; count <= values.length; count++) {
      roundTrip.check(values, count);
    }
  }
}
