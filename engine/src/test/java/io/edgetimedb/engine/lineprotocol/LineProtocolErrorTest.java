package io.edgetimedb.engine.lineprotocol;

import static io.edgetimedb.engine.lineprotocol.Precision.NANOSECONDS;
import static io.edgetimedb.engine.lineprotocol.Precision.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per kind of fault: the bad line sits between two good ones, and the test checks
 * the error's line, column and message, and that both good lines were kept.
 */
class LineProtocolErrorTest {

  static Stream<Arguments> faults() {
    String maxLong = "9223372036854775807";
    return Stream.of(
        fault("missing measurement", ",t=a f=1", 1, "missing measurement"),
        fault("missing tag key", "m,=a f=1", 3, "missing tag key"),
        fault("tag key without '='", "m,t f=1", 4, "missing '=' after tag key 't'"),
        fault("tag key without '=' at the line end", "m,t", 4, "missing '=' after tag key 't'"),
        fault("missing tag value", "m,t= f=1", 5, "missing value for tag 't'"),
        fault("duplicate tag key", "m,t=a,t=b f=1", 7, "duplicate tag key 't'"),
        fault("no fields", "m,t=a", 6, "missing fields"),
        fault("measurement only", "m", 2, "missing fields"),
        fault("escaped space swallows the separator", "m,k=a\\ f=1", 11, "missing fields"),
        fault("missing field key", "m =1", 3, "missing field key"),
        fault("trailing comma after fields", "m f=1,", 7, "missing field key"),
        fault("field key without '='", "m value", 8, "missing '=' after field key 'value'"),
        fault("missing field value", "m f= 1", 5, "missing value for field 'f'"),
        fault("missing field value at the line end", "m f=", 5, "missing value for field 'f'"),
        fault("missing field value before a comma", "m f=,g=1", 5, "missing value for field 'f'"),
        fault("unterminated string", "m f=\"abc", 5, "unterminated string for field 'f'"),
        fault("string ended by an escaped quote", "m f=\"abc\\\"", 5, "unterminated string for field 'f'"),
        fault("text after a string", "m f=\"a\"b", 8, "unexpected text after the string of field 'f'"),
        fault("invalid float", "m,site=A temp=abc", 15, "invalid float 'abc' for field 'temp'"),
        fault("two dots", "m f=1.2.3", 5, "invalid float '1.2.3' for field 'f'"),
        fault("exponent without digits", "m f=1e", 5, "invalid float '1e' for field 'f'"),
        fault("leading plus", "m f=+1", 5, "invalid float '+1' for field 'f'"),
        fault("NaN is not a number here", "m f=NaN", 5, "invalid float 'NaN' for field 'f'"),
        fault("lone minus", "m f=-", 5, "invalid float '-' for field 'f'"),
        fault("float overflow", "m f=1e999", 5, "float '1e999' out of range for field 'f'"),
        fault("invalid integer", "m f=1.5i", 5, "invalid integer '1.5i' for field 'f'"),
        fault("integer suffix alone", "m f=i", 5, "invalid integer 'i' for field 'f'"),
        fault("integer too large", "m f=9223372036854775808i", 5,
            "integer '9223372036854775808i' out of range (-9223372036854775808 to " + maxLong + ") for field 'f'"),
        fault("integer too small", "m f=-9223372036854775809i", 5,
            "integer '-9223372036854775809i' out of range (-9223372036854775808 to " + maxLong + ") for field 'f'"),
        fault("negative unsigned", "m f=-1u", 5, "unsigned integer '-1u' out of range (0 to " + maxLong + ") for field 'f'"),
        fault("unsigned beyond a long", "m f=18446744073709551615u", 5,
            "unsigned integer '18446744073709551615u' out of range (0 to " + maxLong + ") for field 'f'"),
        fault("invalid unsigned", "m f=1xu", 5, "invalid unsigned integer '1xu' for field 'f'"),
        fault("invalid boolean", "m f=tru", 5, "invalid boolean 'tru' for field 'f'"),
        fault("boolean in mixed case", "m f=tRUE", 5, "invalid boolean 'tRUE' for field 'f'"),
        fault("invalid timestamp", "m f=1 12a", 7, "invalid timestamp '12a'"),
        fault("float timestamp", "m f=1 1.5", 7, "invalid timestamp '1.5'"),
        fault("timestamp beyond a long", "m f=1 99999999999999999999", 7,
            "timestamp '99999999999999999999' out of range for precision nanoseconds"),
        fault("text after the timestamp", "m f=1 123 456", 11, "unexpected text after the timestamp: '456'"),
        fault("field named like the time column", "m ts=1", 3, "field 'ts' is reserved for the time column"),
        fault("tag named like the time column", "m,TS=a f=1", 3, "tag key 'TS' is reserved for the time column"),
        fault("control character in a measurement", "m\tx f=1", 1,
            "measurement 'm\\u0009x' has control character U+0009 at position 1"),
        fault("control character in a tag value", "m,k=a\u0001 f=1", 5,
            "tag value 'a\\u0001' has control character U+0001 at position 1"),
        fault("column counts characters, not bytes", "温度,地点=東京 値=abc", 12, "invalid float 'abc' for field '値'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void reportsLineColumnAndMessageAndKeepsTheGoodLines(String kind, String bad, int column, String message) {
    BatchText.Parsed parsed = BatchText.parse("good f=1 1000000\n" + bad + "\ngood f=2 2000000", NANOSECONDS);
    assertThat(parsed.result().errors()).containsExactly(new LineError(2, column, message, bad));
    assertThat(parsed.result().errorCount()).isEqualTo(1);
    assertThat(parsed.points()).containsExactly("good [] [f=1.0d] @1", "good [] [f=2.0d] @2");
    assertThat(parsed.result().lines()).isEqualTo(3);
    assertThat(parsed.result().points()).isEqualTo(2);
  }

  private static Arguments fault(String kind, String bad, int column, String message) {
    return Arguments.of(kind, bad, column, message);
  }

  @Test
  void secondsThatOverflowMillisecondsAreOutOfRange() {
    BatchText.Parsed parsed = BatchText.parse("m f=1 9223372036854775807", SECONDS);
    assertThat(parsed.result().errors()).singleElement().hasToString(
        "line 1, column 7: timestamp '9223372036854775807' out of range for precision seconds");
  }

  /**
   * The smallest millisecond stands for "no timestamp" inside the engine (the database stamps such
   * a point with its receive time), so a sender writing it would silently get the receive time:
   * it is refused by name, and the next millisecond is still taken.
   */
  @Test
  void theReservedNoTimestampInstantIsRefusedAndTheNextOneTaken() {
    BatchText.Parsed parsed = BatchText.parse("m f=1 -9223372036854775808\nm f=2 -9223372036854775807",
        Precision.MILLISECONDS);
    assertThat(parsed.result().errors()).singleElement().hasToString("line 1, column 7: timestamp "
        + "'-9223372036854775808' is reserved for points without a timestamp; the earliest that can be written "
        + "is -9223372036854775807 ms");
    assertThat(parsed.points()).containsExactly("m [] [f=2.0d] @-9223372036854775807");
  }

  @Test
  void errorMessageReadsAsLineColumnMessage() {
    BatchText.Parsed parsed = BatchText.parse("a f=1\n\n# c\nm,site=A temp=abc", NANOSECONDS);
    assertThat(parsed.result().errors()).singleElement()
        .hasToString("line 4, column 15: invalid float 'abc' for field 'temp'");
    assertThat(parsed.result().lines()).isEqualTo(2);
  }

  @Test
  void crlfLineTextHasNoCarriageReturn() {
    BatchText.Parsed parsed = BatchText.parse("m f=x\r\nm f=1\r\n", NANOSECONDS);
    assertThat(parsed.result().errors()).containsExactly(new LineError(1, 5, "invalid float 'x' for field 'f'", "m f=x"));
    assertThat(parsed.points()).containsExactly("m [] [f=1.0d] @0");
  }

  @Test
  void keepsTheFirstThousandErrorsAndCountsAll() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 1500; i++) {
      body.append("m f=bad").append(i).append('\n').append("m f=").append(i).append('\n');
    }
    BatchText.Parsed parsed = BatchText.parse(body.toString(), NANOSECONDS);
    assertThat(parsed.result().errors()).hasSize(ParseResult.MAX_ERRORS_KEPT);
    assertThat(parsed.result().errorCount()).isEqualTo(1500);
    assertThat(parsed.result().points()).isEqualTo(1500);
    assertThat(parsed.result().lines()).isEqualTo(3000);
    assertThat(parsed.result().errors().get(999).line()).isEqualTo(1999);
  }

  @Test
  void longLinesAndLongTokensAreCutInTheReport() {
    String name = "x".repeat(300);
    String bad = "m f=" + name;
    BatchText.Parsed parsed = BatchText.parse(bad, NANOSECONDS);
    LineError error = parsed.result().errors().get(0);
    assertThat(error.lineText()).isEqualTo(bad.substring(0, LineError.MAX_LINE_TEXT) + "...");
    assertThat(error.message()).isEqualTo("invalid float '" + "x".repeat(64) + "...' for field 'f'");
  }

  @Test
  void lineTextIsNotCutInsideASurrogatePair() {
    String bad = "m f=" + "x".repeat(195) + "🌡🌡🌡";
    LineError error = BatchText.parse(bad, NANOSECONDS).result().errors().get(0);
    assertThat(error.lineText()).isEqualTo(bad.substring(0, 199) + "...");
  }
}
