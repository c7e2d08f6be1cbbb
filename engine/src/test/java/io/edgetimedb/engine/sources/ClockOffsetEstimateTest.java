package io.edgetimedb.engine.sources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The offset estimate: the median of the last 16 batches, robust to a minority of odd ones. */
class ClockOffsetEstimateTest {
  private static final long RECEIVED = 1_700_000_000_000L;

  @Test
  void noEstimateBeforeTheFirstSample() {
    assertThat(new ClockOffsetEstimate().millis()).isNull();
  }

  @Test
  void sevenOddBatchesOfSixteenDoNotMoveIt() {
    ClockOffsetEstimate estimate = new ClockOffsetEstimate();
    for (int i = 0; i < 9; i++) {
      estimate.add(RECEIVED + 2_000 + i, RECEIVED);
    }
    for (int i = 0; i < 7; i++) {
      estimate.add(RECEIVED - 3_600_000, RECEIVED);   // backfill after an outage
    }
    assertThat(estimate.millis()).isBetween(2_000L, 2_008L);
  }

  @Test
  void followsAClockSetBackAfterEightBatches() {
    ClockOffsetEstimate estimate = new ClockOffsetEstimate();
    for (int i = 0; i < ClockOffsetEstimate.WINDOW; i++) {
      estimate.add(RECEIVED, RECEIVED);
    }
    for (int i = 0; i < 7; i++) {
      estimate.add(RECEIVED - 30_000, RECEIVED);
    }
    assertThat(estimate.millis()).isZero();
    estimate.add(RECEIVED - 30_000, RECEIVED);
    assertThat(estimate.millis()).isEqualTo(-30_000);
  }

  @Test
  void anOffsetBeyondTheRangeOfLongSaturates() {
    ClockOffsetEstimate estimate = new ClockOffsetEstimate();
    estimate.add(Long.MAX_VALUE, -RECEIVED);
    assertThat(estimate.millis()).isEqualTo(Long.MAX_VALUE);
    estimate.add(Long.MIN_VALUE + 1, RECEIVED);
    assertThat(estimate.millis()).isEqualTo(Long.MIN_VALUE);
  }
}
