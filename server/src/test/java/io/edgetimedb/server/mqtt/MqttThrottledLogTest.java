package io.edgetimedb.server.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MqttThrottledLogTest {
  @Test
  void logsTheFirstAtOnceThenAtMostOncePerInterval() {
    AtomicLong now = new AtomicLong(1_000);
    ThrottledLog log = new ThrottledLog(System.getLogger("mqtt-throttle-test"), 10_000, now::get);
    assertThat(log.warn("first")).isTrue();
    now.addAndGet(9_999);
    assertThat(log.warn("second")).isFalse();
    now.addAndGet(1);
    assertThat(log.warn("third")).isTrue();
  }
}
