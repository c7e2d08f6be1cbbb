package io.edgetimedb.server.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqttReconnectBackoffTest {
  private static List<Long> delays(ReconnectBackoff backoff, int n) {
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      delays.add(backoff.nextDelayMillis());
    }
    return delays;
  }

  @Test
  void doublesUpToTheMaximumWithoutJitterAtItsTop() {
    assertThat(delays(new ReconnectBackoff(100, 1_000, () -> 0.999_999), 6))
        .containsExactly(100L, 200L, 400L, 800L, 1_000L, 1_000L);
  }

  @Test
  void jitterWaitsBetweenHalfAndAllOfTheNominalDelay() {
    assertThat(delays(new ReconnectBackoff(100, 1_000, () -> 0.0), 5)).containsExactly(50L, 100L, 200L, 400L, 500L);
  }

  @Test
  void aSuccessfulConnectionStartsOverFromTheMinimum() {
    ReconnectBackoff backoff = new ReconnectBackoff(100, 60_000, () -> 0.999_999);
    delays(backoff, 10);
    backoff.reset();
    assertThat(backoff.nextDelayMillis()).isEqualTo(100L);
  }

  @Test
  void neverOverflowsAfterManyFailures() {
    ReconnectBackoff backoff = new ReconnectBackoff(1, Long.MAX_VALUE / 2, () -> 0.5);
    assertThat(delays(backoff, 200)).allMatch(d -> d >= 0 && d <= Long.MAX_VALUE / 2);
  }
}
