package io.edgetimedb.engine.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.write.PointBatch;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** InfluxDB 1.x's minute and hour precisions, which the HTTP {@code /write} endpoint accepts. */
class CoarsePrecisionTest {
  @Test
  void minutesAndHoursBecomeMilliseconds() {
    assertThat(Precision.MINUTES.toMillis(2)).isEqualTo(120_000L);
    assertThat(Precision.HOURS.toMillis(-1)).isEqualTo(-3_600_000L);
  }

  @Test
  void aTimestampThatOverflowsInMillisecondsIsALineError() {
    byte[] body = ("m v=1 1\nm v=2 " + Long.MAX_VALUE / 1000 + "\n").getBytes(StandardCharsets.UTF_8);
    PointBatch batch = new PointBatch();
    ParseResult result = new LineProtocolParser().parse(body, 0, body.length, Precision.HOURS, 0, 1, batch);

    assertThat(batch.size()).isEqualTo(1);
    assertThat(batch.timestamp(0)).isEqualTo(3_600_000L);
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.message()).contains("out of range for precision hours");
    });
  }
}
