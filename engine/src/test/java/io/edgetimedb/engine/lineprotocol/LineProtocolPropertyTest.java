package io.edgetimedb.engine.lineprotocol;

import static io.edgetimedb.testsupport.AdversarialValues.anyChar;
import static io.edgetimedb.testsupport.AdversarialValues.anyLong;
import static io.edgetimedb.testsupport.AdversarialValues.byteArrays;
import static io.edgetimedb.testsupport.AdversarialValues.charsOf;
import static io.edgetimedb.testsupport.AdversarialValues.seeds;
import static io.edgetimedb.testsupport.AdversarialValues.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.edgetimedb.engine.write.PointBatch;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of the parser: (1) any point rendered by the reference writer parses back to the
 * same point, bit for bit; (2) no input makes it throw: random bytes and mangled lines end as
 * points or line errors, and the valid lines around a mangled one still parse.
 */
class LineProtocolPropertyTest {
  private static final long DEFAULT_MILLIS = 123_456L;

  @Test
  void renderedPointsParseBackToTheSamePoints() {
    qt().withExamples(400)
        .forAll(points(0, 20), Generate.enumValues(Precision.class))
        .checkAssert(LineProtocolPropertyTest::renderedPointsParseBack);
  }

  private static void renderedPointsParseBack(List<ReferencePoint> points, Precision precision) {
    PointBatch expected = new PointBatch();
    StringBuilder body = new StringBuilder();
    for (ReferencePoint point : points) {
      body.append(point.line()).append(body.length() % 3 == 0 ? "\r\n" : "\n");
      point.appendTo(expected, precision, DEFAULT_MILLIS);
    }
    PointBatch parsed = new PointBatch();
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    ParseResult result = new LineProtocolParser().parse(bytes, 0, bytes.length, precision, DEFAULT_MILLIS, 1, parsed);
    assertThat(result.errors()).isEmpty();
    assertThat(BatchText.of(parsed)).containsExactlyElementsOf(BatchText.of(expected));
  }

  @Test
  void randomBytesNeverThrow() {
    qt().withExamples(500).forAll(byteArrays(0, 300), Generate.enumValues(Precision.class)).checkAssert((bytes, precision) -> {
      ParseResult result = new LineProtocolParser().parse(bytes, 0, bytes.length, precision, 0, 1, new PointBatch());
      assertThat(result.points() + result.errorCount()).isEqualTo(result.lines());
    });
  }

  @Test
  void randomLineProtocolCharactersNeverThrow() {
    qt().withExamples(500).forAll(protocolNoise()).checkAssert(noise -> {
      byte[] bytes = noise.getBytes(StandardCharsets.UTF_8);
      ParseResult result = new LineProtocolParser().parse(bytes, 0, bytes.length, Precision.NANOSECONDS, 0, 1,
          new PointBatch());
      assertThat(result.points() + result.errorCount()).isEqualTo(result.lines());
    });
  }

  @Test
  void aMangledLineCostsAtMostItself() {
    qt().withExamples(500).forAll(points(3, 3), seeds()).checkAssert(LineProtocolPropertyTest::mangledLineCostsAtMostItself);
  }

  private static void mangledLineCostsAtMostItself(List<ReferencePoint> points, long seed) {
    String mangled = mangle(points.get(1).line(), new Random(seed));
    String body = points.get(0).line() + "\n" + mangled + "\n" + points.get(2).line() + "\n";
    PointBatch parsed = new PointBatch();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ParseResult result = new LineProtocolParser().parse(bytes, 0, bytes.length, Precision.NANOSECONDS, 0, 1, parsed);

    PointBatch first = new PointBatch();
    points.get(0).appendTo(first, Precision.NANOSECONDS, 0);
    PointBatch last = new PointBatch();
    points.get(2).appendTo(last, Precision.NANOSECONDS, 0);
    List<String> got = BatchText.of(parsed);
    assertThat(got.get(0)).isEqualTo(BatchText.of(first).get(0));
    assertThat(got.get(got.size() - 1)).isEqualTo(BatchText.of(last).get(0));
    assertThat(result.points() + result.errorCount()).isEqualTo(result.lines());
    assertThat(result.errors()).allSatisfy(e -> {
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.column()).isBetween(1, mangled.codePointCount(0, mangled.length()) + 1);
    });
  }

  /** Inserts, deletes or replaces a few characters, favouring the ones with a meaning. */
  private static String mangle(String line, Random random) {
    String specials = ",= \\\"#-.eiutf0\t\r";
    StringBuilder out = new StringBuilder(line);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(out.length() + 1);
      char c = random.nextInt(4) == 0 ? (char) random.nextInt(0x3000) : specials.charAt(random.nextInt(specials.length()));
      if (Character.isSurrogate(c) || c == '\n') {
        c = '?';
      }
      switch (random.nextInt(3)) {
        case 0 -> out.insert(at, c);
        case 1 -> out.deleteCharAt(Math.min(at, out.length() - 1));
        default -> out.setCharAt(Math.min(at, out.length() - 1), c);
      }
    }
    return out.toString();
  }

  private static Gen<String> protocolNoise() {
    return strings(charsOf(",= \\\"#\n\r\t-.+eEiutTfF0123456789mxé温"), 0, 200);
  }

  private static Gen<List<ReferencePoint>> points(int min, int max) {
    return lists().of(point()).ofSizeBetween(min, max);
  }

  private static Gen<ReferencePoint> point() {
    Gen<String> measurement = names().assuming(n -> !n.startsWith("#"));
    Gen<List<ReferencePoint.Tag>> tags = lists().of(columnNames().zip(names(), ReferencePoint.Tag::new))
        .ofSizeBetween(0, 4).map(LineProtocolPropertyTest::distinctTags);
    Gen<List<ReferencePoint.Field>> fields = lists()
        .of(columnNames().zip(value(), (name, v) -> new ReferencePoint.Field(name, v.value(), v.text())))
        .ofSizeBetween(1, 4).map(LineProtocolPropertyTest::distinctFields);
    Gen<Long> timestamp = Generate.oneOf(
        longs().between(-4_000_000_000_000_000_000L, 4_000_000_000_000_000_000L),
        longs().between(-9_000_000_000_000_000L, 9_000_000_000_000_000L),
        Generate.pick(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L)))
        .toOptionals(20).map(t -> t.orElse(null));
    // any unit may be chosen, and seconds must fit as milliseconds: larger timestamps are
    // scaled down (the extremes of each unit are cases of LineProtocolSpecTest)
    return measurement.zip(tags, fields, timestamp, ReferencePoint::new)
        .map(p -> p.timestamp() == null || Math.abs(p.timestamp() / 1000) < Long.MAX_VALUE / 1_000_000 ? p
            : new ReferencePoint(p.measurement(), p.tags(), p.fields(), p.timestamp() / 1_000_000));
  }

  private static List<ReferencePoint.Tag> distinctTags(List<ReferencePoint.Tag> tags) {
    Map<String, ReferencePoint.Tag> byKey = new LinkedHashMap<>();
    tags.forEach(t -> byKey.putIfAbsent(t.key(), t));
    return new ArrayList<>(byKey.values());
  }

  private static List<ReferencePoint.Field> distinctFields(List<ReferencePoint.Field> fields) {
    Map<String, ReferencePoint.Field> byName = new LinkedHashMap<>();
    fields.forEach(f -> byName.putIfAbsent(f.name(), f));
    return new ArrayList<>(byName.values());
  }

  /** Names with every character the escaping rules mention, letters of other scripts and emoji. */
  private static Gen<String> names() {
    Gen<String> plain = strings(Generate.characters('a', 'z'), 1, 12);
    Gen<String> tricky = strings(charsOf(",= \\\"#.-_tTi0é温ABCDEFGHIJKLMNOPQRSTUVWXYZ"), 1, 20);
    Gen<String> unicode = Generate.pick(List.of("温度", "Grüße", "🌡sensor", "\\", "a\\", "\\,", " ", "=", "x "));
    return Generate.frequency(Pair.of(5, plain), Pair.of(3, tricky), Pair.of(1, unicode));
  }

  private static Gen<String> columnNames() {
    return names().assuming(n -> !n.equalsIgnoreCase("ts"));
  }

  record Value(Object value, String text) {}

  private static Gen<Value> value() {
    Gen<Value> doubles = doublesOfEveryKind().zip(integers().between(0, 3), LineProtocolPropertyTest::doubleText);
    Gen<Value> longs = anyLong().map(l -> new Value(l, l + "i"));
    Gen<Value> unsigned = anyLong().map(l -> l & Long.MAX_VALUE).map(l -> new Value(l, l + "u"));
    Gen<Value> booleans = Generate.pick(List.of("t", "T", "true", "True", "TRUE", "f", "F", "false", "False", "FALSE"))
        .map(s -> new Value(s.toLowerCase(Locale.ROOT).startsWith("t"), s));
    Gen<Value> strings = strings(anyChar(), 0, 30)
        .map(LineProtocolPropertyTest::withoutNewlinesAndLoneSurrogates).map(s -> new Value(s, ReferencePoint.quoted(s)));
    return Generate.oneOf(doubles, longs, unsigned, booleans, strings);
  }

  private static Gen<Double> doublesOfEveryKind() {
    return Generate.oneOf(
        doubles().any().assuming(Double::isFinite),
        integers().between(-100_000, 100_000).map(i -> i / 100.0),
        longs().all().map(Double::longBitsToDouble).assuming(Double::isFinite),
        Generate.pick(List.of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL,
            9007199254740993.0, 0.1, 1e22, 1e23, 123456789012345678.0)));
  }

  /** A double written four ways: Java's shortest form, plain decimal, lower-case exponent, integral. */
  private static Value doubleText(double d, int style) {
    String text = switch (style) {
      case 0 -> Double.toString(d);
      case 1 -> new BigDecimal(Double.toString(d)).toPlainString();
      case 2 -> Double.toString(d).toLowerCase(Locale.ROOT).replace("e", "e+").replace("e+-", "e-");
      default -> Math.rint(d) == d && Math.abs(d) < 1e30 && Double.compare(d, -0.0) != 0
          ? new BigDecimal(d).toPlainString() : Double.toString(d);
    };
    return new Value(Double.parseDouble(text), text);
  }

  /** What a string field can hold: any string without a line end that UTF-8 can carry unchanged. */
  private static String withoutNewlinesAndLoneSurrogates(String s) {
    StringBuilder kept = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        kept.append(c).append(s.charAt(++i));
      } else if (c != '\n' && !Character.isSurrogate(c)) {
        kept.append(c);
      }
    }
    return kept.toString();
  }

}
