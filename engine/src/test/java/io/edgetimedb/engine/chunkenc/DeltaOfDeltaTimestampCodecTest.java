package io.edgetimedb.engine.chunkenc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.testsupport.AdversarialValues;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class DeltaOfDeltaTimestampCodecTest extends CodecContract<long[]> {
  private final DeltaOfDeltaTimestampCodec codec = new DeltaOfDeltaTimestampCodec();
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
  void regularOneSecondSeriesCostsOnlyTheHeader() {
    long[] timestamps = new long[1000];
    for (int i = 0; i < timestamps.length; i++) {
      timestamps[i] = 1_700_000_000_000L + 1000L * i;
    }
    assertThat(roundTrip.check(timestamps, 1000)).isLessThan(20);
  }

  @Test
  void rareJitterBecomesExceptionsInsteadOfWideningEveryValue() {
    long[] timestamps = new long[1000];
    Random random = new Random(7);
    long t = 1_700_000_000_000L;
    for (int i = 0; i < timestamps.length; i++) {
      timestamps[i] = t;
      t += 1000 + (random.nextInt(100) == 0 ? random.nextInt(20_000) : random.nextInt(3) - 1);
    }
    int size = roundTrip.check(timestamps, timestamps.length);
    assertThat(size * 8.0 / timestamps.length).as("bits per value").isLessThan(3.5);
  }

  @Test
  void irregularWholeSecondsAreDividedByTheTick() {
    long[] timestamps = new long[1000];
    Random random = new Random(12);
    long t = 1_700_000_000_000L;
    for (int i = 0; i < timestamps.length; i++) {
      timestamps[i] = t;
      t += 1000L * (1 + random.nextInt(8));
    }
    int size = roundTrip.check(timestamps, timestamps.length);
    // dods in -7..7 seconds: 4 bits each once divided by 1000, 14 bits if not
    assertThat(size * 8.0 / timestamps.length).as("bits per value").isLessThan(4.2);
  }

  @Test
  void extremesAndHugeJumpsRoundTrip() {
    long[] timestamps = {
      Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 0, -1, Long.MAX_VALUE, Long.MAX_VALUE, 1,
      Long.MIN_VALUE + 1, Long.MAX_VALUE - 1, 42
    };
    for (int count = 0; count <= timestamps.length; count++) {
      roundTrip.check(timestamps, count);
    }
    long[] hugeTicks = {0, 0, 1L << 62, 0, 1L << 62, Long.MIN_VALUE, 0, 3L << 61};
    for (int count = 0; count <= hugeTicks.length; count++) {
      roundTrip.check(hugeTicks, count);
    }
  }

  @Test
  void reusedCodecHandlesShrinkingAndGrowingChunks() {
    Random random = new Random(3);
    for (int count : new int[] {5000, 3, 0, 1, 2, 17, 9000}) {
      long[] timestamps = new long[count];
      for (int i = 1; i < count; i++) {
        timestamps[i] = timestamps[i - 1] + 10 + random.nextInt(5);
      }
      roundTrip.check(timestamps, count);
    }
  }

  @Test
  void exceptionPastTheEndIsCorrupt() {
    ByteSink sink = new ByteSink(0);
    sink.writeZigZagVarLong(0); // t[0]
    sink.writeZigZagVarLong(1); // first delta
    sink.writeVarLong(1); // tick
    sink.writeByte(0); // width
    sink.writeVarLong(1); // one exception
    sink.writeVarLong(3); // at position 3 of only 3
    sink.writeVarLong(1);
    ByteSource in = new ByteSource(sink.array(), 0, sink.size());
    assertThatThrownBy(() -> codec.decode(in, new long[5], 5))
        .isInstanceOf(CorruptChunkException.class)
        .hasMessageStartingWith("DeltaOfDeltaTimestampCodec: ")
        .hasMessageContaining("exception gap");
  }
}
