package io.edgetimedb.engine.lineprotocol;

import static io.edgetimedb.engine.lineprotocol.Precision.NANOSECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.write.PointBatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Bytes that are not well-formed UTF-8 refuse their line with the byte and where it is, instead
 * of being stored as U+FFFD without a word; the lines around it are kept. Each case appears twice,
 * so a name table cannot let the second one through.
 */
class LineProtocolUtf8Test {

  static Stream<Arguments> malformed() {
    return Stream.of(
        bad("Latin-1 é in a measurement", bytes("caf", 0xE9, " f=1"), 4, "0xE9 in measurement"),
        bad("lead byte before an ASCII byte in a tag key", bytes("m,k", 0xC3, "=v f=1"), 4, "0xC3 in tag key"),
        bad("lone continuation byte in a tag value", bytes("m,k=", 0x80, " f=1"), 5, "0x80 in tag value"),
        bad("encoded surrogate in a field key", bytes("m f", 0xED, 0xA0, 0x80, "=1"), 4, "0xED in field"),
        bad("overlong slash in a string value", bytes("m s=\"ok", 0xC0, 0xAF, "\""), 8, "0xC0 in string value"),
        bad("overlong three-byte form", bytes("m s=\"", 0xE0, 0x80, 0x80, "\""), 6, "0xE0 in string value"),
        bad("beyond U+10FFFF", bytes("m s=\"", 0xF4, 0x90, 0x80, 0x80, "\""), 6, "0xF4 in string value"),
        bad("byte never in UTF-8", bytes("m s=\"a", 0xF5, "\""), 7, "0xF5 in string value"),
        bad("sequence cut by the end of the token", bytes("m,k=v", 0xE2, 0x82, " f=1"), 6, "0xE2 in tag value"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedUtf8RefusesItsLineByByteAndColumn(String kind, byte[] bad, int column, String what) {
    byte[] body = concat(bytes("good f=1 1000000\n"), bad, bytes("\ngood f=2 2000000\n"), bad);
    PointBatch batch = new PointBatch();
    ParseResult result = new LineProtocolParser().parse(body, 0, body.length, NANOSECONDS, 0, 1, batch);

    assertThat(result.errors()).hasSize(2).allSatisfy(error -> {
      assertThat(error.column()).isEqualTo(column);
      assertThat(error.message()).startsWith("invalid UTF-8 byte " + what);
    });
    assertThat(result.errors()).extracting(LineError::line).containsExactly(2, 4);
    assertThat(BatchText.of(batch)).containsExactly("good [] [f=1.0d] @1", "good [] [f=2.0d] @2");
  }

  @Test
  void wellFormedMultiByteTextIsKept() {
    BatchText.Parsed parsed = BatchText.parse(
        "温度,地点=東京,é=ü 値=1,s=\"🌡 ok 中\" 1000000\n温度,地点=東京,é=ü 値=2,s=\"\u07FF\uFFFD\uD83D\uDE00\" 2000000",
        NANOSECONDS);
    assertThat(parsed.result().errors()).isEmpty();
    assertThat(parsed.points()).containsExactly("温度 [地点=東京, é=ü] [値=1.0d, s=\"🌡 ok 中\"s] @1",
        "温度 [地点=東京, é=ü] [値=2.0d, s=\"\u07FF\uFFFD\uD83D\uDE00\"s] @2");
  }

  private static Arguments bad(String kind, byte[] line, int column, String what) {
    return Arguments.of(kind, line, column, what);
  }

  /** Text parts as UTF-8, integers as single bytes. */
  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof Integer b) {
        out.write(b);
      } else {
        out.writeBytes(((String) part).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
