package io.edgetimedb.engine.lineprotocol;

import static io.edgetimedb.engine.lineprotocol.Precision.MICROSECONDS;
import static io.edgetimedb.engine.lineprotocol.Precision.MILLISECONDS;
import static io.edgetimedb.engine.lineprotocol.Precision.NANOSECONDS;
import static io.edgetimedb.engine.lineprotocol.Precision.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.write.PointBatch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One named case per rule of the line protocol: the body, its precision and the points it
 * must give (see {@link BatchText} for the notation). Every case must parse without errors.
 */
class LineProtocolSpecTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        ok("a realistic line", "boiler,site=A,sensor=t17 value=21.53 1700000000000000000",
            "boiler [site=A, sensor=t17] [value=21.53d] @1700000000000"),
        ok("no tags", "m f=1.5 5000000", "m [] [f=1.5d] @5"),
        ok("several fields of every type", "m a=1,b=2i,c=3u,d=t,e=\"x\" 0",
            "m [] [a=1.0d, b=2i, c=3i, d=trueb, e=\"x\"s] @0"),
        // numbers
        ok("a bare integer is a float", "m f=1", "m [] [f=1.0d] @0"),
        ok("negative float", "m f=-21.5", "m [] [f=-21.5d] @0"),
        ok("float without integer digits", "m f=.5", "m [] [f=0.5d] @0"),
        ok("float ending in a dot", "m f=1.", "m [] [f=1.0d] @0"),
        ok("exponent", "m f=1e3", "m [] [f=1000.0d] @0"),
        ok("negative mantissa and exponent, capital E", "m f=-1.5E-7", "m [] [f=-1.5E-7d] @0"),
        ok("exponent with plus", "m f=2.5e+2", "m [] [f=250.0d] @0"),
        ok("negative zero", "m f=-0", "m [] [f=-0.0d] @0"),
        ok("more digits than a long holds", "m f=3.14159265358979323846264338", "m [] [f=3.141592653589793d] @0"),
        ok("huge exponent", "m f=1.7976931348623157e308", "m [] [f=1.7976931348623157E308d] @0"),
        ok("underflow to zero", "m f=1e-400", "m [] [f=0.0d] @0"),
        ok("subnormal", "m f=4.9e-324", "m [] [f=4.9E-324d] @0"),
        ok("integer", "m f=42i", "m [] [f=42i] @0"),
        ok("negative integer", "m f=-42i", "m [] [f=-42i] @0"),
        ok("max long integer", "m f=9223372036854775807i", "m [] [f=9223372036854775807i] @0"),
        ok("min long integer", "m f=-9223372036854775808i", "m [] [f=-9223372036854775808i] @0"),
        ok("unsigned", "m f=42u", "m [] [f=42i] @0"),
        ok("max unsigned that fits", "m f=9223372036854775807u", "m [] [f=9223372036854775807i] @0"),
        ok("zero unsigned", "m f=0u", "m [] [f=0i] @0"),
        // booleans
        ok("boolean t", "m f=t", "m [] [f=trueb] @0"),
        ok("boolean T", "m f=T", "m [] [f=trueb] @0"),
        ok("boolean true", "m f=true", "m [] [f=trueb] @0"),
        ok("boolean True", "m f=True", "m [] [f=trueb] @0"),
        ok("boolean TRUE", "m f=TRUE", "m [] [f=trueb] @0"),
        ok("boolean f", "m f=f", "m [] [f=falseb] @0"),
        ok("boolean F", "m f=F", "m [] [f=falseb] @0"),
        ok("boolean false", "m f=false", "m [] [f=falseb] @0"),
        ok("boolean False", "m f=False", "m [] [f=falseb] @0"),
        ok("boolean FALSE", "m f=FALSE", "m [] [f=falseb] @0"),
        // strings
        ok("string", "m f=\"hello world\"", "m [] [f=\"hello world\"s] @0"),
        ok("empty string", "m f=\"\"", "m [] [f=\"\"s] @0"),
        ok("escaped quote in string", "m f=\"say \\\"hi\\\"\"", "m [] [f=\"say \"hi\"\"s] @0"),
        ok("escaped backslash in string", "m f=\"a\\\\b\"", "m [] [f=\"a\\b\"s] @0"),
        ok("other backslash in string is literal", "m f=\"C:\\temp\\n\"", "m [] [f=\"C:\\temp\\n\"s] @0"),
        ok("delimiters inside a string", "m f=\"a,b=c d\",g=1i", "m [] [f=\"a,b=c d\"s, g=1i] @0"),
        ok("string then timestamp", "m f=\"x\" 2000000", "m [] [f=\"x\"s] @2"),
        ok("unicode string", "m f=\"Grüße 温度 🌡\"", "m [] [f=\"Grüße 温度 🌡\"s] @0"),
        // escapes in names
        ok("measurement escapes comma and space", "my\\ meas\\,ure f=1", "my meas,ure [] [f=1.0d] @0"),
        ok("equals sign in a measurement needs no escape", "a=b f=1", "a=b [] [f=1.0d] @0"),
        ok("escaped equals in a measurement stays as written", "a\\=b f=1", "a\\=b [] [f=1.0d] @0"),
        ok("tag key escapes", "m,k\\ e\\,y\\==v f=1", "m [k e,y==v] [f=1.0d] @0"),
        ok("tag value escapes", "m,k=v\\ a\\,l\\=ue f=1", "m [k=v a,l=ue] [f=1.0d] @0"),
        ok("field key escapes", "m f\\ i\\,e\\=ld=1", "m [] [f i,e=ld=1.0d] @0"),
        ok("double backslash is one backslash", "m\\\\,k=a\\\\ f=1", "m\\ [k=a\\] [f=1.0d] @0"),
        ok("backslash before an ordinary character is literal", "m\\x,k=C:\\dir f\\y=1", "m\\x [k=C:\\dir] [f\\y=1.0d] @0"),
        ok("unescaped equals in a tag value is kept", "m,k=a=b f=1", "m [k=a=b] [f=1.0d] @0"),
        ok("unicode names", "温度,地点=東京 値=1i", "温度 [地点=東京] [値=1i] @0"),
        // duplicates
        ok("a repeated field keeps the last value and type", "m f=1,g=2,f=\"x\"", "m [] [f=\"x\"s, g=2.0d] @0"),
        // timestamps and precision
        ok("missing timestamp takes the default", "m f=1", "m [] [f=1.0d] @0"),
        ok("nanoseconds floor", "m f=1 1999999", "m [] [f=1.0d] @1"),
        ok("negative nanoseconds floor towards minus infinity", "m f=1 -1", "m [] [f=1.0d] @-1"),
        ok("microseconds", "m f=1 1500", MICROSECONDS, "m [] [f=1.0d] @1"),
        ok("negative microseconds", "m f=1 -1500", MICROSECONDS, "m [] [f=1.0d] @-2"),
        ok("milliseconds", "m f=1 1700000000123", MILLISECONDS, "m [] [f=1.0d] @1700000000123"),
        ok("seconds", "m f=1 1700000000", SECONDS, "m [] [f=1.0d] @1700000000000"),
        ok("negative seconds", "m f=1 -5", SECONDS, "m [] [f=1.0d] @-5000"),
        ok("max long milliseconds", "m f=1 9223372036854775807", MILLISECONDS, "m [] [f=1.0d] @9223372036854775807"),
        ok("earliest writable milliseconds (the one before means no timestamp)", "m f=1 -9223372036854775807", MILLISECONDS,
            "m [] [f=1.0d] @-9223372036854775807"),
        ok("max long nanoseconds", "m f=1 9223372036854775807", "m [] [f=1.0d] @9223372036854"),
        ok("min long nanoseconds", "m f=1 -9223372036854775808", "m [] [f=1.0d] @-9223372036855"),
        // lines
        ok("comment lines", "# a comment\nm f=1\n#m f=2", "m [] [f=1.0d] @0"),
        ok("indented comment", "   # note\nm f=1", "m [] [f=1.0d] @0"),
        ok("blank lines", "\n\nm f=1\n   \n\t\nm f=2\n\n", "m [] [f=1.0d] @0", "m [] [f=2.0d] @0"),
        ok("CRLF line ends", "m f=1 1000000\r\nm f=2 2000000\r\n", "m [] [f=1.0d] @1", "m [] [f=2.0d] @2"),
        ok("no line end after the last line", "m f=1\nm f=2", "m [] [f=1.0d] @0", "m [] [f=2.0d] @0"),
        ok("leading and trailing blanks", "  \t m f=1 3000000 \t ", "m [] [f=1.0d] @3"),
        ok("several spaces between sections", "m,k=v   f=1    4000000", "m [k=v] [f=1.0d] @4"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parses(String rule, String body, Precision precision, List<String> expected) {
    BatchText.Parsed parsed = BatchText.parse(body, precision);
    assertThat(parsed.result().errors()).isEmpty();
    assertThat(parsed.points()).containsExactlyElementsOf(expected);
    assertThat(parsed.result().points()).isEqualTo(expected.size());
    assertThat(parsed.result().lines()).isEqualTo(expected.size());
  }

  private static Arguments ok(String rule, String body, String... points) {
    return ok(rule, body, NANOSECONDS, points);
  }

  private static Arguments ok(String rule, String body, Precision precision, String... points) {
    return Arguments.of(rule, body, precision, List.of(points));
  }

  @Test
  void precisionNamesFollowInfluxQueryParameters() {
    assertThat(Precision.fromQueryParameter(null)).isEqualTo(NANOSECONDS);
    assertThat(Precision.fromQueryParameter("")).isEqualTo(NANOSECONDS);
    assertThat(Precision.fromQueryParameter("ns")).isEqualTo(NANOSECONDS);
    assertThat(Precision.fromQueryParameter("n")).isEqualTo(NANOSECONDS);
    assertThat(Precision.fromQueryParameter("us")).isEqualTo(MICROSECONDS);
    assertThat(Precision.fromQueryParameter("u")).isEqualTo(MICROSECONDS);
    assertThat(Precision.fromQueryParameter("ms")).isEqualTo(MILLISECONDS);
    assertThat(Precision.fromQueryParameter("s")).isEqualTo(SECONDS);
    assertThatThrownBy(() -> Precision.fromQueryParameter("h"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'h'");
    assertThatThrownBy(() -> SECONDS.toMillis(Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void defaultTimestampAndFirstLineNumberComeFromTheCaller() {
    byte[] body = "x\nm f=1\n".getBytes(StandardCharsets.UTF_8);
    PointBatch batch = new PointBatch();
    ParseResult result = new LineProtocolParser().parse(body, 0, body.length, NANOSECONDS, 777, 41, batch);
    assertThat(BatchText.of(batch)).containsExactly("m [] [f=1.0d] @777");
    assertThat(result.errors()).extracting(LineError::line).containsExactly(41);
  }

  @Test
  void parsesOnlyTheGivenRangeAndAppendsToTheBatch() {
    byte[] body = "garbage\nm f=1\nm f=2\ngarbage".getBytes(StandardCharsets.UTF_8);
    PointBatch batch = new PointBatch();
    batch.point("before", 1).field("v", 1L);
    ParseResult result = new LineProtocolParser().parse(body, 8, 12, NANOSECONDS, 0, 2, batch);
    assertThat(result.errors()).isEmpty();
    assertThat(BatchText.of(batch)).containsExactly("before [] [v=1i] @1", "m [] [f=1.0d] @0", "m [] [f=2.0d] @0");
  }

  @Test
  void wideLinesGrowThePendingPoint() {
    StringBuilder line = new StringBuilder("m");
    StringBuilder expected = new StringBuilder("m [");
    for (int i = 0; i < 20; i++) {
      line.append(",k").append(i).append("=v").append(i);
      expected.append(i > 0 ? ", " : "").append("k").append(i).append("=v").append(i);
    }
    expected.append("] [");
    for (int i = 0; i < 20; i++) {
      line.append(i == 0 ? ' ' : ',').append("f").append(i).append("=\"s\"");
      expected.append(i > 0 ? ", " : "").append("f").append(i).append("=\"s\"s");
    }
    String body = line + "\n" + line;
    assertThat(BatchText.parse(body, NANOSECONDS).points()).containsExactly(expected + "] @0", expected + "] @0");
  }

  @Test
  void aResultWithoutACountCountsItsErrors() {
    LineError error = new LineError(1, 1, "missing fields", "m");
    assertThat(new ParseResult(1, 0, List.of(error)).errorCount()).isEqualTo(1);
  }

  @Test
  void repeatedNamesAreTheSameStringInstances() {
    BatchText.Parsed parsed = BatchText.parse("boiler,site=A v=1\nboiler,site=A v=2", NANOSECONDS);
    PointBatch b = parsed.batch();
    assertThat(b.measurement(1)).isSameAs(b.measurement(0));
    assertThat(b.tagKeys()[1]).isSameAs(b.tagKeys()[0]);
    assertThat(b.tagValues()[1]).isSameAs(b.tagValues()[0]);
    assertThat(b.fieldName(1)).isSameAs(b.fieldName(0));
  }
}
