package io.edgetimedb.server.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.write.PointBatch;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MqttMessageDecoderTest {
  private final PointBatch batch = new PointBatch();

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void autoDetectsJsonByTheFirstNonBlankByte() {
    assertThat(PayloadFormat.AUTO.resolve(bytes(" \r\n\t{"))).isEqualTo(PayloadFormat.JSON);
    assertThat(PayloadFormat.AUTO.resolve(bytes("\uFEFF["))).isEqualTo(PayloadFormat.JSON);
    assertThat(PayloadFormat.AUTO.resolve(bytes("m v=1"))).isEqualTo(PayloadFormat.LINE_PROTOCOL);
    assertThat(PayloadFormat.AUTO.resolve(bytes(""))).isEqualTo(PayloadFormat.LINE_PROTOCOL);
    assertThat(PayloadFormat.LINE_PROTOCOL.resolve(bytes("{"))).isEqualTo(PayloadFormat.LINE_PROTOCOL);
    assertThat(PayloadFormat.of("line-protocol")).isEqualTo(PayloadFormat.LINE_PROTOCOL);
  }

  @Test
  void aMapperThatFailsUnexpectedlyCostsOnlyItsMessage() {
    PayloadMapper broken = (payload, tags, received, into) -> {
      into.point("half", 1).field("v", 1L);
      throw new IllegalStateException("bug");
    };
    MessageDecoder decoder = new MessageDecoder(TopicTemplate.NONE, PayloadFormat.AUTO, broken, broken);
    batch.point("kept", 1).field("v", 1L);
    PayloadResult result = decoder.decode("t", bytes("m v=1"), 0, batch);
    assertThat(result.refused()).isEqualTo(1);
    assertThat(result.firstError()).contains("bug");
    assertThat(BatchText.of(batch)).containsExactly("kept 1  v=1:BIGINT");
  }

  @Test
  void theTopicTemplateAppliesToBothFormats() {
    MessageDecoder decoder = new MessageDecoder(TopicTemplate.parse("{measurement}/{site}"), PayloadFormat.AUTO,
        new LineProtocolPayload(Precision.MILLISECONDS), new JsonPayload("x", "ts", JsonTimeUnit.MS, Set.of()));
    decoder.decode("boiler/A", bytes("lp v=1 7"), 0, batch);
    decoder.decode("boiler/A", bytes("{\"ts\":8,\"v\":2}"), 0, batch);
    assertThat(BatchText.of(batch)).containsExactly("lp 7 site=A v=1.0:DOUBLE", "boiler 8 site=A v=2:BIGINT");
  }
}
