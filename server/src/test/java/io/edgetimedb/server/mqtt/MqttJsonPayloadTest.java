package io.edgetimedb.server.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.write.PointBatch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MqttJsonPayloadTest {
  private static final long RECEIVED = 5_000;
  private final PointBatch batch = new PointBatch();

  private PayloadResult map(JsonPayload mapper, TopicTags topic, String json) {
    return mapper.map(json.getBytes(StandardCharsets.UTF_8), topic, RECEIVED, batch);
  }

  private PayloadResult map(String json) {
    return map(new JsonPayload("m", "ts", JsonTimeUnit.MS, Set.of("sensor", "loc.site")), TopicTags.NONE, json);
  }

  @Test
  void anObjectIsAPointWithTypedFieldsAndNamedTags() {
    assertThat(map("{\"ts\":1000,\"sensor\":\"t1\",\"d\":1.5,\"i\":-3,\"b\":false,\"s\":\"x\",\"n\":null,"
        + "\"big\":123456789012345678901234567890}")).isEqualTo(new PayloadResult(1, 0, null));
    assertThat(BatchText.of(batch)).containsExactly(
        "m 1000 sensor=t1 d=1.5:DOUBLE,i=-3:BIGINT,b=false:BOOLEAN,s=x:VARCHAR,big=1.2345678901234568E29:DOUBLE");
  }

  @Test
  void nestedObjectsAreFlattenedWithDotsAndTagFieldsNameTheDottedKey() {
    map("{\"loc\":{\"site\":\"A\",\"xy\":{\"x\":1}},\"v\":{\"t\":2.5},\"sensor\":7}");
    assertThat(BatchText.of(batch)).containsExactly("m 5000 loc.site=A,sensor=7 loc.xy.x=1:BIGINT,v.t=2.5:DOUBLE");
  }

  @Test
  void theLaterOfTwoKeysFlatteningToOneNameWins() {
    map("{\"a.b\":1,\"a\":{\"b\":2}}");
    assertThat(BatchText.of(batch)).containsExactly("m 5000  a.b=2:BIGINT");
  }

  @Test
  void anArrayIsSeveralPointsAndBadElementsAreLeftOutAlone() {
    PayloadResult result = map("[{\"v\":1},7,{\"v\":[1]},{\"sensor\":\"t\"},{\"ts\":\"soon\",\"v\":1},{\"v\":2}]");
    assertThat(result.points()).isEqualTo(2);
    assertThat(result.refused()).isEqualTo(4);
    assertThat(result.firstError()).isEqualTo("element 2: a point must be a JSON object, not a number");
    assertThat(BatchText.of(batch)).containsExactly("m 5000  v=1:BIGINT", "m 5000  v=2:BIGINT");
  }

  @Test
  void refusalsSayWhy() {
    assertThat(map("{\"sensor\":\"t\"}").firstError()).startsWith("no fields");
    assertThat(map("{\"v\":1,\"x\":[]}").firstError()).startsWith("'x' is an array");
    assertThat(map("{\"v\":1,\"loc\":{\"site\":{\"a\":1}}}").firstError()).startsWith("tag 'loc.site' is an object");
    assertThat(map("{\"v\":1,\"ts\":true}").firstError()).isEqualTo("time 'ts' is a boolean, not a number or an "
        + "ISO-8601 string");
    assertThat(map("{\"v\":1,\"ts\":1e300}").firstError()).isEqualTo("time 'ts' is out of range as epoch milliseconds");
    assertThat(map("{\"v\":1,\"ts\":-9223372036854775808}").firstError()).isEqualTo("time 'ts' is reserved for "
        + "points without a timestamp; the earliest that can be written is -9223372036854775807 ms");
    assertThat(map("{\"v\":1} x").firstError()).startsWith("line 1, column 10: invalid JSON");
    assertThat(map("{\n\"v\":1,\n\"w\" 2}").firstError()).startsWith("line 3, column 5: invalid JSON");
    assertThat(map("\"text\"").firstError()).isEqualTo("a point must be a JSON object, not a string");
    assertThat(map("   ").firstError()).isEqualTo("empty JSON payload");
    assertThat(batch.size()).isZero();
  }

  @Test
  void timesInEveryUnit() {
    assertThat(time(JsonTimeUnit.MS, "1714564800123")).isEqualTo(1714564800123L);
    assertThat(time(JsonTimeUnit.S, "1714564800.123")).isEqualTo(1714564800123L);
    assertThat(time(JsonTimeUnit.S, "1714564800")).isEqualTo(1714564800000L);
    assertThat(time(JsonTimeUnit.US, "1714564800123999")).isEqualTo(1714564800123L);
    assertThat(time(JsonTimeUnit.NS, "1714564800123999999")).isEqualTo(1714564800123L);
    assertThat(time(JsonTimeUnit.NS, "-1")).isEqualTo(-1L);
    assertThat(time(JsonTimeUnit.MS, "\"2024-05-01T12:00:00.123Z\"")).isEqualTo(1714564800123L);
    assertThat(time(JsonTimeUnit.ISO, "\"2024-05-01T14:00:00.123+02:00\"")).isEqualTo(1714564800123L);
    assertThat(time(JsonTimeUnit.ISO, "\"2024-05-01T12:00:00.123\"")).as("no offset: UTC").isEqualTo(1714564800123L);
    assertThat(time(JsonTimeUnit.MS, "null")).as("null: received").isEqualTo(RECEIVED);
  }

  @Test
  void isoRefusesNumbersAndEveryUnitRefusesBadText() {
    JsonPayload iso = new JsonPayload("m", "ts", JsonTimeUnit.ISO, Set.of());
    assertThat(map(iso, TopicTags.NONE, "{\"ts\":1714564800,\"v\":1}").firstError())
        .isEqualTo("time 'ts' is a number, but mqtt.json.time-unit is iso (expected an ISO-8601 string)");
    assertThat(map(iso, TopicTags.NONE, "{\"ts\":\"2024-13-01T00:00:00Z\",\"v\":1}").firstError())
        .isEqualTo("time 'ts' is not an ISO-8601 date-time such as 2024-05-01T12:00:00Z");
  }

  private long time(JsonTimeUnit unit, String json) {
    batch.clear();
    PayloadResult result = map(new JsonPayload("m", "ts", unit, Set.of()), TopicTags.NONE, "{\"ts\":" + json + ",\"v\":1}");
    assertThat(result.firstError()).isNull();
    return batch.timestamp(0);
  }

  @Test
  void theTopicGivesTheMeasurementAndTagsThePayloadDoesNotName() {
    JsonPayload mapper = new JsonPayload("default", "time", JsonTimeUnit.MS, Set.of("site"));
    TopicTags topic = new TopicTags("boiler", List.of("site", "line"), List.of("A", "l1"));
    map(mapper, topic, "[{\"time\":1,\"site\":\"B\",\"v\":1},{\"time\":2,\"v\":2}]");
    map(mapper, TopicTags.NONE, "{\"time\":3,\"v\":3}");
    assertThat(BatchText.of(batch)).containsExactly("boiler 1 site=B,line=l1 v=1:BIGINT",
        "boiler 2 site=A,line=l1 v=2:BIGINT", "default 3  v=3:BIGINT");
  }
}
