package io.edgetimedb.server.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatenciesTest {
  private static Latencies oneToHundredMillis() {
    Latencies l = new Latencies();
    for (int ms = 100; ms >= 1; ms--) { // out of order: the percentile sorts
      l.add(ms * 1_000_000L);
    }
    return l;
  }

  @Test
  void nearestRankPercentilesAreMeasuredValues() {
    Latencies l = oneToHundredMillis();
    assertThat(l.percentile(50)).isEqualTo(50_000_000L);
    assertThat(l.percentile(99)).isEqualTo(99_000_000L);
    assertThat(l.percentile(100)).isEqualTo(100_000_000L);
    assertThat(l.percentile(0.5)).as("the smallest rank is the fastest sample").isEqualTo(1_000_000L);
    assertThat(l.summary()).isEqualTo(new LatencySummary(100, 50.0, 99.0));
  }

  @Test
  void withFewSamplesP99IsTheSlowestAndOneSampleIsEveryPercentile() {
    Latencies five = new Latencies();
    for (long n : new long[] {5, 1, 4, 2, 3}) {
      five.add(n);
    }
    assertThat(five.percentile(99)).isEqualTo(5);
    assertThat(five.percentile(50)).isEqualTo(3);
    Latencies one = new Latencies();
    one.add(7);
    assertThat(one.percentile(50)).isEqualTo(7);
    assertThat(one.percentile(99)).isEqualTo(7);
  }

  @Test
  void growsPastItsFirstArray() {
    Latencies l = new Latencies();
    for (int i = 1; i <= 1_000; i++) {
      l.add(i);
    }
    assertThat(l.count()).isEqualTo(1_000);
    assertThat(l.percentile(99)).isEqualTo(990);
  }

  @Test
  void badInputIsRefusedAndNothingMeasuredHasNoSummary() {
    Latencies l = new Latencies();
    assertThat(l.summary()).isNull();
    assertThatThrownBy(() -> l.percentile(50)).hasMessage("no latencies measured");
    assertThatThrownBy(() -> l.add(-1)).hasMessage("negative latency -1 ns");
    l.add(1);
    assertThatThrownBy(() -> l.percentile(0)).hasMessage("percentile 0.0 is not in (0, 100]");
    assertThatThrownBy(() -> l.percentile(100.5)).hasMessage("percentile 100.5 is not in (0, 100]");
    assertThatThrownBy(() -> l.percentile(Double.NaN)).hasMessage("percentile NaN is not in (0, 100]");
  }
}
