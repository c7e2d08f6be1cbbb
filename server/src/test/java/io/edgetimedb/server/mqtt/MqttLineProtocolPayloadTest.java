package io.edgetimedb.server.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.write.PointBatch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqttLineProtocolPayloadTest {
  private final LineProtocolPayload mapper = new LineProtocolPayload(Precision.SECONDS);
  private final TopicTags topic = new TopicTags(null, List.of("site", "sensor"), List.of("A", "t1"));

  private PayloadResult map(String payload, PointBatch into) {
    return mapper.map(payload.getBytes(StandardCharsets.UTF_8), topic, 99, into);
  }

  @Test
  void topicTagsAreAddedUnlessThePointNamesTheTagItself() {
    PointBatch batch = new PointBatch();
    PayloadResult result = map("boiler,site=B temp=1.5 1700000000\nboiler temp=2i\n", batch);
    assertThat(result).isEqualTo(new PayloadResult(2, 0, null));
    assertThat(BatchText.of(batch)).containsExactly(
        "boiler 1700000000000 site=B,sensor=t1 temp=1.5:DOUBLE",
        "boiler 99 site=A,sensor=t1 temp=2:BIGINT");
  }

  @Test
  void badLinesAreLeftOutWithLineAndColumnAndTheOthersKept() {
    PointBatch batch = new PointBatch();
    PayloadResult result = map("# comment\nboiler temp=abc\nboiler temp=1\nboiler\n", batch);
    assertThat(result.points()).isEqualTo(1);
    assertThat(result.refused()).isEqualTo(2);
    assertThat(result.firstError()).startsWith("line 2, column 13: ");
    assertThat(BatchText.of(batch)).hasSize(1);
  }

  @Test
  void pointsAppendToWhatTheBatchAlreadyHolds() {
    PointBatch batch = new PointBatch();
    batch.point("x", 1).field("v", 1L);
    map("boiler temp=1", batch);
    assertThat(BatchText.of(batch)).containsExactly("x 1  v=1:BIGINT", "boiler 99 site=A,sensor=t1 temp=1.0:DOUBLE");
  }
}
