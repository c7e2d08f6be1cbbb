package io.edgetimedb.server.mqtt;

import static io.edgetimedb.testsupport.AdversarialValues.anyChar;
import static io.edgetimedb.testsupport.AdversarialValues.anyLong;
import static io.edgetimedb.testsupport.AdversarialValues.byteArrays;
import static io.edgetimedb.testsupport.AdversarialValues.seeds;
import static io.edgetimedb.testsupport.AdversarialValues.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.testsupport.AdversarialValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * What the payload mappers do with anything a broker may hand them: random bytes, mangled JSON and
 * line protocol, good points mixed with bad ones. No exception escapes, the batch holds exactly the
 * points the result reports, and good points next to bad ones are kept.
 */
class MqttPayloadPropertyTest {
  private static final TopicTags TOPIC = new TopicTags(null, List.of("site"), List.of("A"));

  private static MessageDecoder decoder(PayloadFormat format) {
    return new MessageDecoder(TopicTemplate.parse("{measurement}/{site}"), format,
        new LineProtocolPayload(Precision.MILLISECONDS), new JsonPayload("m", "ts", JsonTimeUnit.MS, Set.of("sensor")));
  }

  /** A good point: its JSON object, its line and the text BatchText gives for it. */
  record GoodPoint(String sensor, long ts, Object value) {
    String json() {
      return "{\"ts\":" + ts + ",\"sensor\":\"" + sensor + "\",\"v\":" + value + "}";
    }

    String line() {
      return "m,sensor=" + sensor + " v=" + value + (value instanceof Long ? "i" : "") + " " + ts;
    }

    String text() {
      return "m " + ts + " sensor=" + sensor + ",site=A v=" + value + ":" + (value instanceof Long ? "BIGINT" : "DOUBLE");
    }
  }

  private static Gen<GoodPoint> goodPoints() {
    Gen<Object> values = Generate.oneOf(anyLong().map(v -> (Object) v),
        Generate.oneOf(AdversarialValues.shortDecimals(), doubles().any().assuming(Double::isFinite)).map(v -> (Object) v));
    return strings(Generate.characters('a', 'z'), 1, 8)
        .zip(longs().between(-1L << 40, 1L << 42), values, GoodPoint::new);
  }

  /** JSON array elements that cannot be points, each for another reason. */
  private static Gen<String> badElements() {
    Gen<String> text = strings(anyChar(), 0, 12)
        .map(s -> s.replaceAll("[\\x00-\\x1f\\\\\"]", "")); // what may stand between quotes unescaped
    return Generate.oneOf(
        anyLong().map(Object::toString),
        text.map(s -> "\"" + s + "\""),
        Generate.pick(List.of("null", "true", "[]", "[{\"v\":1}]", "{}", "{\"sensor\":\"only-a-tag\"}")),
        text.map(s -> "{\"v\":[\"" + s + "\"]}"),
        text.map(s -> "{\"ts\":\"" + s + "\",\"v\":1}"),
        Generate.pick(List.of("{\"ts\":true,\"v\":1}", "{\"ts\":1e300,\"v\":1}", "{\"v\":1,\"sensor\":{\"a\":1}}")));
  }

  @Test
  void badElementsOfAJsonArrayCostOnlyThemselves() {
    qt().withExamples(300)
        .forAll(lists().of(goodPoints()).ofSizeBetween(0, 6), lists().of(badElements()).ofSizeBetween(1, 4), seeds())
        .checkAssert(MqttPayloadPropertyTest::badElementsCostOnlyThemselves);
  }

  private static void badElementsCostOnlyThemselves(List<GoodPoint> good, List<String> bad, long seed) {
    List<String> elements = new ArrayList<>(good.stream().map(GoodPoint::json).toList());
    Random random = new Random(seed);
    for (String b : bad) {
      elements.add(random.nextInt(elements.size() + 1), b);
    }
    PointBatch batch = new PointBatch();
    PayloadResult result = new JsonPayload("m", "ts", JsonTimeUnit.MS, Set.of("sensor"))
        .map(bytes("[" + String.join(",", elements) + "]"), TOPIC, 0, batch);

    assertThat(result.points()).isEqualTo(good.size());
    assertThat(result.refused()).isEqualTo(bad.size());
    assertThat(result.firstError()).startsWith("element ");
    assertThat(BatchText.of(batch)).containsExactlyElementsOf(good.stream().map(GoodPoint::text).toList());
  }

  @Test
  void garbageLinesCostOnlyThemselves() {
    qt().withExamples(300)
        .forAll(lists().of(goodPoints()).ofSizeBetween(0, 6), lists().of(strings(anyChar(), 0, 40)).ofSizeBetween(1, 4),
            seeds())
        .checkAssert(MqttPayloadPropertyTest::garbageLinesCostOnlyThemselves);
  }

  private static void garbageLinesCostOnlyThemselves(List<GoodPoint> good, List<String> garbage, long seed) {
    List<String> lines = new ArrayList<>(good.stream().map(GoodPoint::line).toList());
    Random random = new Random(seed);
    for (String g : garbage) {
      lines.add(random.nextInt(lines.size() + 1), g.replace('\n', ' '));
    }
    PointBatch batch = new PointBatch();
    PayloadResult result = new LineProtocolPayload(Precision.MILLISECONDS)
        .map(bytes(String.join("\n", lines)), TOPIC, 0, batch);

    assertThat(batch.size()).isEqualTo(result.points()).isGreaterThanOrEqualTo(good.size());
    assertThat(BatchText.of(batch)).containsSubsequence(good.stream().map(GoodPoint::text).toList());
  }

  @Test
  void mangledPayloadsNeverThrow() {
    qt().withExamples(500)
        .forAll(lists().of(goodPoints()).ofSizeBetween(1, 4), booleans().all(), seeds())
        .checkAssert((good, json, seed) -> {
          String payload = json ? "[" + String.join(",", good.stream().map(GoodPoint::json).toList()) + "]"
              : String.join("\n", good.stream().map(GoodPoint::line).toList());
          assertConsistent(PayloadFormat.AUTO, bytes(mangle(payload, new Random(seed))));
        });
  }

  @Test
  void randomBytesNeverThrow() {
    qt().withExamples(500)
        .forAll(byteArrays(0, 200), Generate.enumValues(PayloadFormat.class))
        .checkAssert((payload, format) -> assertConsistent(format, payload));
  }

  @Test
  void deeplyNestedJsonNeverThrows() {
    qt().withExamples(200)
        .forAll(integers().between(1, 3_000), booleans().all())
        .checkAssert((depth, arrays) -> {
          String open = arrays ? "[" : "{\"a\":";
          String close = arrays ? "]" : "}";
          assertConsistent(PayloadFormat.JSON, bytes(open.repeat(depth) + "1" + close.repeat(depth)));
        });
  }

  private static void assertConsistent(PayloadFormat format, byte[] payload) {
    PointBatch batch = new PointBatch();
    PayloadResult result = decoder(format).decode("boiler/A", payload, 0, batch);
    assertThat(batch.size()).isEqualTo(result.points());
    assertThat(result.refused()).isNotNegative();
    assertThat(result.clean() || result.firstError() != null).isTrue();
  }

  /** A few random edits: deleted, duplicated, replaced characters, structural ones favoured. */
  private static String mangle(String text, Random random) {
    StringBuilder s = new StringBuilder(text);
    String alphabet = "{}[],:\"\\ =\n#0.e-tfnul\u00e9\u0000";
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits && s.length() > 0; i++) {
      int at = random.nextInt(s.length());
      char c = alphabet.charAt(random.nextInt(alphabet.length()));
      switch (random.nextInt(3)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, c);
        default -> s.setCharAt(at, c);
      }
    }
    return s.toString();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
