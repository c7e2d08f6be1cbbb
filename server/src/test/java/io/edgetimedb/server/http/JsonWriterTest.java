package io.edgetimedb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the port writes is JSON any parser reads back as written, whatever characters a message holds. */
class JsonWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anyStringRoundTrips() throws Exception {
    Random random = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int c = random.nextInt(20); c > 0; c--) {
        text.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x3000)));
      }
      String s = text.toString();
      String written = new JsonWriter().beginObject().field("k\"" + s, s).endObject().toString();

      assertThat(JSON.readTree(written).get("k\"" + s).asText()).isEqualTo(s);
    }
  }

  @Test
  void nestingNullsNumbersAndBooleans() throws Exception {
    String written = new JsonWriter().beginObject().field("a", (String) null).field("n", 3L).field("d", 0.5)
        .field("nan", Double.NaN).field("b", true).beginObject("o").field("x", 1L).endObject()
        .beginArray("list").beginObject().field("y", 2L).endObject().beginObject().endObject().endArray()
        .endObject().toString();

    JsonNode tree = JSON.readTree(written);
    assertThat(tree.get("a").isNull()).isTrue();
    assertThat(tree.get("n").asLong()).isEqualTo(3);
    assertThat(tree.get("d").asDouble()).isEqualTo(0.5);
    assertThat(tree.get("nan").isNull()).isTrue();
    assertThat(tree.get("b").asBoolean()).isTrue();
    assertThat(tree.get("o").get("x").asLong()).isEqualTo(1);
    assertThat(tree.get("list")).hasSize(2);
  }
}
