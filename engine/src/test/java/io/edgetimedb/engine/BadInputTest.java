package io.edgetimedb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.engine.schema.NameRules;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.write.RejectedPoint;
import io.edgetimedb.engine.write.WriteResult;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Refused points name what is wrong, and never cost the good points around them. */
class BadInputTest {
  private final Database db = Database.open(DatabaseConfig.defaults().withChunkRows(8).withMaxValueLength(100));

  static Stream<Arguments> badPoints() {
    String longName = "n".repeat(NameRules.MAX_NAME_LENGTH + 1);
    return Stream.of(
        bad("empty measurement", b -> b.point("", 1).field("v", 1.0), "empty measurement"),
        bad("control character in measurement", b -> b.point("bad\u0001m", 1).field("v", 1.0),
            "measurement 'bad\\u0001m' has control character U+0001 at position 3"),
        bad("too long measurement", b -> b.point(longName, 1).field("v", 1.0), "measurement longer than 256"),
        bad("empty tag key", b -> b.point("m", 1).tag("", "x").field("v", 1.0), "empty tag key"),
        bad("empty tag value", b -> b.point("m", 1).tag("site", "").field("v", 1.0), "empty tag value (tag key 'site')"),
        bad("control character in tag value", b -> b.point("m", 1).tag("site", "a\nb").field("v", 1.0),
            "tag value 'a\\u000ab' has control character U+000A at position 1 (tag key 'site')"),
        bad("delete character in tag key", b -> b.point("m", 1).tag("k\u007f", "v").field("v", 1.0),
            "control character U+007F"),
        bad("duplicate tag key", b -> b.point("m", 1).tag("site", "a").tag("site", "b").field("v", 1.0),
            "duplicate tag key 'site'"),
        bad("empty field name", b -> b.point("m", 1).field("", 1.0), "empty field"),
        bad("field named ts", b -> b.point("m", 1).field("TS", 1.0), "field 'TS' is reserved for the time column"),
        bad("tag named ts", b -> b.point("m", 1).tag("ts", "x").field("v", 1.0), "tag key 'ts' is reserved"),
        bad("no fields", b -> b.point("m", 1).tag("site", "a"), "point has no fields"),
        bad("field equal to a tag of the point", b -> b.point("m", 1).tag("site", "a").field("site", 1.0),
            "'site' is both a tag key and a field of the point"),
        bad("string over the limit", b -> b.point("m", 1).field("s", "x".repeat(101)),
            "field 's' is 101 characters long, over the limit of 100"),
        bad("bytes over the limit", b -> b.point("m", 1).field("b", new byte[101]),
            "field 'b' is 101 bytes long, over the limit of 100"));
  }

  private static Arguments bad(String name, Consumer<PointBatch> point, String message) {
    return Arguments.of(name, point, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPoints")
  void refusesTheBadPointAndKeepsItsNeighbours(String name, Consumer<PointBatch> badPoint, String message) {
    PointBatch batch = new PointBatch();
    batch.point("good", 1).tag("site", "a").field("v", 1.0);
    badPoint.accept(batch);
    batch.point("good", 2).tag("site", "a").field("v", 2.0);

    WriteResult result = db.write(batch);

    assertThat(result.accepted()).isEqualTo(2);
    assertThat(result.rejected()).extracting(RejectedPoint::index).containsExactly(1);
    assertThat(result.rejected().get(0).reason()).contains(message);
    assertThat(result.rejected().get(0).toString()).startsWith("point 1: ");
    assertThat(DatabaseTest.timestampsOf(db, ReadRequest.of("good"))).containsExactly(1L, 2L);
  }

  @Test
  void acceptsNamesAndValuesExactlyAtTheLimits() {
    PointBatch batch = new PointBatch();
    String name = "n".repeat(NameRules.MAX_NAME_LENGTH);
    batch.point(name, 1).tag(name + "", name).field("s", "x".repeat(100)).field("b", new byte[100]);
    assertThat(db.write(batch).allAccepted()).isTrue();
  }

  @Test
  void refusesAFieldThatIsAlreadyATagAndTheReverse() {
    PointBatch batch = new PointBatch();
    batch.point("m", 1).tag("site", "a").field("v", 1.0);
    db.write(batch);
    batch.clear();
    batch.point("m", 2).tag("site", "a").field("x", 1.0);
    batch.point("m", 2).tag("v", "b").field("x", 1.0);
    batch.point("m", 2).field("site", 1.0);

    WriteResult result = db.write(batch);

    assertThat(result.accepted()).isEqualTo(1);
    assertThat(result.rejected()).extracting(RejectedPoint::reason).containsExactly(
        "tag key 'v' of measurement 'm' is already a field",
        "field 'site' of measurement 'm' is already a tag key");
  }

  @Test
  void refusesBytesMeetingAnotherType() {
    PointBatch batch = new PointBatch();
    batch.point("m", 1).field("b", new byte[] {1});
    batch.point("m", 2).field("b", 2.0);
    batch.point("m", 3).field("d", 2.0);
    batch.point("m", 4).field("d", new byte[] {1});

    WriteResult result = db.write(batch);

    assertThat(result.rejected()).extracting(RejectedPoint::reason).containsExactly(
        "field 'b' of measurement 'm' is VARBINARY and cannot take a DOUBLE value",
        "field 'd' of measurement 'm' is DOUBLE and cannot take a VARBINARY value");
  }

  @Test
  void conflictsBetweenPointsOfTheSameBatchRefuseTheLaterPoint() {
    PointBatch batch = new PointBatch();
    batch.point("fresh", 1).field("f", 1L);
    batch.point("fresh", 2).field("f", new byte[] {1});
    batch.point("fresh", 3).tag("x", "a").field("g", 1.0);
    batch.point("fresh", 4).field("x", 1.0);
    batch.point("fresh", 5).field("h", 1.0);
    batch.point("fresh", 6).tag("h", "b").field("g", 2.0);

    WriteResult result = db.write(batch);

    assertThat(result.accepted()).isEqualTo(3);
    assertThat(result.rejected()).extracting(RejectedPoint::index).containsExactly(1, 3, 5);
    assertThat(result.rejected()).extracting(RejectedPoint::reason).containsExactly(
        "field 'f' of measurement 'fresh' is BIGINT and cannot take a VARBINARY value",
        "field 'x' of measurement 'fresh' is already a tag key",
        "tag key 'h' of measurement 'fresh' is already a field");
    assertThat(DatabaseTest.timestampsOf(db, ReadRequest.of("fresh"))).containsExactlyInAnyOrder(1L, 3L, 5L);
  }

  @Test
  void nullNamesAreRefusedWhenTheBatchIsBuilt() {
    PointBatch batch = new PointBatch();
    assertThatThrownBy(() -> batch.tag("k", "v")).hasMessageContaining("point(measurement, timestamp)");
    assertThatThrownBy(() -> batch.point(null, 1)).hasMessageContaining("measurement");
    batch.point("m", 1);
    assertThatThrownBy(() -> batch.tag(null, "v")).hasMessageContaining("tag key");
    assertThatThrownBy(() -> batch.tag("k", null)).hasMessageContaining("tag value");
    assertThatThrownBy(() -> batch.field(null, 1.0)).hasMessageContaining("field name");
    assertThatThrownBy(() -> batch.field("s", (String) null)).hasMessageContaining("value of field s");
  }

  @Test
  void extremeValuesRoundTripBitExactly() {
    PointBatch batch = new PointBatch();
    double[] doubles = {Double.NaN, Double.longBitsToDouble(0x7ff0000000000badL), Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, 21.37};
    long[] longs = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE, 42, -42, 7};
    long[] timestamps = {Long.MIN_VALUE + 1, -1_000_000_000_000L, -1, 0, 1, 1_000_000_000_000L,
        4_000_000_000_000_000L, Long.MAX_VALUE - 5, Long.MAX_VALUE - 1, Long.MAX_VALUE};
    String[] strings = {"", "x".repeat(10_000), "ünïcödé ✓", "", "OK", "OK", "\u0000\n", "a", "", "z"};
    Database wide = Database.open(DatabaseConfig.defaults().withChunkRows(4).withOutOfOrderWindowMillis(Long.MAX_VALUE));
    wide.settings().change(EngineSettings.FUTURE_BOUND, "0ms", "test");   // timestamps far in the future
    for (int i = 0; i < doubles.length; i++) {
      batch.point("x", timestamps[i]).field("d", doubles[i]).field("l", longs[i]).field("s", strings[i])
          .field("b", strings[i].getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(wide.write(batch).allAccepted()).isTrue();
    wide.sealHeads();

    int i = 0;
    try (PointCursor c = wide.read(ReadRequest.of("x"))) {
      while (c.next()) {
        assertThat(c.timestamp()).isEqualTo(timestamps[i]);
        assertThat(Double.doubleToRawLongBits(c.getDouble(0))).isEqualTo(Double.doubleToRawLongBits(doubles[i]));
        assertThat(c.getLong(1)).isEqualTo(longs[i]);
        assertThat(c.getString(2)).isEqualTo(strings[i]);
        assertThat(Arrays.equals(c.getBytes(3), strings[i].getBytes(java.nio.charset.StandardCharsets.UTF_8))).isTrue();
        i++;
      }
    }
    assertThat(i).isEqualTo(doubles.length);
  }
}
