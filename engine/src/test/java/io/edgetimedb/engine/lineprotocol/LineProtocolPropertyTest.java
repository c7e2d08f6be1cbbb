package io.edgetimedb.engine.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.write.PointBatch;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the parser: (1) any point rendered by the reference writer parses back to the
 * same point, bit for bit; (2) no input makes it throw: random bytes and mangled lines end as
 * points or line errors, and the valid lines around a mangled one still parse.
 */
class LineProtocolPropertyTest {
  private static final long DEFAULT_MILLIS = 123_456L;

  @Property(tries = 400)
  void renderedPointsParseBackToTheSamePoints(@ForAll("points") @Size(max = 20) List<ReferencePoint> points,
      @ForAll Precision precision) {
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

  @Property(tries = 500)
  void randomBytesNeverThrow(@ForAll @Size(max = 300) byte[] bytes, @ForAll Precision precision) {
    ParseResult result = new LineProtocolParser().parse(bytes, 0, bytes.length, precision, 0, 1, new PointBatch());
    assertThat(result.points() + result.errorCount()).isEqualTo(result.lines());
  }

  @Property(tries = 500)
  void randomLineProtocolCharactersNeverThrow(@ForAll("protocolNoise") String noise) {
    byte[] bytes = noise.getBytes(StandardCharsets.UTF_8);
    ParseResult result = new LineProtocolParser().parse(bytes, 0, bytes.length, Precision.NANOSECONDS, 0, 1,
        new PointBatch());
    assertThat(result.points() + result.errorCount()).isEqualTo(result.lines());
  }

  @Property(tries = 500)
  void aMangledLineCostsAtMostItself(@ForAll("points") @Size(min = 3, max = 3) List<ReferencePoint> points,
      @ForAll long seed) {
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

  @Provide
  Arbitrary<String> protocolNoise() {
    return Arbitraries.strings().withChars(",= \\\"#\n\r\t-.+eEiutTfF0123456789mxé温").ofMaxLength(200);
  }

  @Provide
  Arbitrary<List<ReferencePoint>> points() {
    return point().list();
  }

  private Arbitrary<ReferencePoint> point() {
    Arbitrary<String> measurement = names().filter(n -> !n.startsWith("#"));
    Arbitrary<List<ReferencePoint.Tag>> tags = Combinators.combine(columnNames(), names())
        .as(ReferencePoint.Tag::new).list().ofMaxSize(4).map(LineProtocolPropertyTest::distinctTags);
    Arbitrary<List<ReferencePoint.Field>> fields = Combinators.combine(columnNames(), value())
        .as((name, v) -> new ReferencePoint.Field(name, v.value(), v.text()))
        .list().ofMinSize(1).ofMaxSize(4).map(LineProtocolPropertyTest::distinctFields);
    Arbitrary<Long> timestamp = Arbitraries.oneOf(
        Arbitraries.longs().between(-4_000_000_000_000_000_000L, 4_000_000_000_000_000_000L),
        Arbitraries.longs().between(-9_000_000_000_000_000L, 9_000_000_000_000_000L),
        Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L)).injectNull(0.2);
    // any unit may be chosen, and seconds must fit as milliseconds: larger timestamps are
    // scaled down (the extremes of each unit are cases of LineProtocolSpecTest)
    return Combinators.combine(measurement, tags, fields, timestamp).as(ReferencePoint::new)
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
  private Arbitrary<String> names() {
    Arbitrary<String> plain = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> tricky = Arbitraries.strings()
        .withChars(",= \\\"#.-_tTi0é温")
        .withCharRange('A', 'Z')
        .ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> unicode = Arbitraries.of("温度", "Grüße", "🌡sensor", "\\", "a\\", "\\,", " ", "=", "x ");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, plain), net.jqwik.api.Tuple.of(3, tricky), net.jqwik.api.Tuple.of(1, unicode));
  }

  private Arbitrary<String> columnNames() {
    return names().filter(n -> !n.equalsIgnoreCase("ts"));
  }

  record Value(Object value, String text) {}

  private Arbitrary<Value> value() {
    Arbitrary<Value> doubles = Combinators.combine(doublesOfEveryKind(), Arbitraries.integers().between(0, 3))
        .as(LineProtocolPropertyTest::doubleText);
    Arbitrary<Value> longs = Arbitraries.longs().map(l -> new Value(l, l + "i"));
    Arbitrary<Value> unsigned = Arbitraries.longs().greaterOrEqual(0).map(l -> new Value(l, l + "u"));
    Arbitrary<Value> booleans = Arbitraries.of("t", "T", "true", "True", "TRUE", "f", "F", "false", "False", "FALSE")
        .map(s -> new Value(s.toLowerCase(Locale.ROOT).startsWith("t"), s));
    Arbitrary<Value> strings = Arbitraries.strings().all().ofMaxLength(30)
        .filter(s -> s.indexOf('\n') < 0 && wellFormed(s)).map(s -> new Value(s, ReferencePoint.quoted(s)));
    return Arbitraries.oneOf(doubles, longs, unsigned, booleans, strings);
  }

  private Arbitrary<Double> doublesOfEveryKind() {
    return Arbitraries.oneOf(
        Arbitraries.doubles(),
        Arbitraries.integers().between(-100_000, 100_000).map(i -> i / 100.0),
        Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
        Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL,
            9007199254740993.0, 0.1, 1e22, 1e23, 123456789012345678.0));
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

  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(++i)))) {
        return false;
      }
      if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
