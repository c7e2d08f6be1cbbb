package io.edgetimedb.engine.lineprotocol;

import static io.edgetimedb.engine.lineprotocol.Precision.NANOSECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.schema.NameRules;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.write.WriteResult;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The parser at the engine's limits. Names are checked here against {@link NameRules} (256
 * characters, counted as Java chars like the engine does), so the error names the line; the
 * value length limit depends on the database's configuration and is left to
 * {@code Database.write}, which refuses the point by index. Nothing here may crash the parser.
 */
class LineProtocolLimitTest {
  private static final int MAX = NameRules.MAX_NAME_LENGTH;

  @Test
  void namesOfTheMaximumLengthAreAcceptedAndWritten() {
    String name = "é".repeat(MAX); // 512 bytes, 256 characters: the limit is in characters
    String body = name + "," + name.replace('é', 'k') + "=" + name.replace('é', 'v') + " " + name.replace('é', 'f')
        + "=1i 1000000";
    BatchText.Parsed parsed = BatchText.parse(body, NANOSECONDS);
    assertThat(parsed.result().errors()).isEmpty();
    try (Database db = Database.open(DatabaseConfig.defaults())) {
      WriteResult result = db.write(parsed.batch());
      assertThat(result.rejected()).isEmpty();
      assertThat(result.accepted()).isEqualTo(1);
    }
  }

  @Test
  void aMeasurementOneCharacterTooLongIsALineError() {
    String name = "m".repeat(MAX + 1);
    BatchText.Parsed parsed = BatchText.parse("ok f=1\n" + name + " f=1", NANOSECONDS);
    LineError error = parsed.result().errors().get(0);
    assertThat(error.line()).isEqualTo(2);
    assertThat(error.column()).isEqualTo(1);
    assertThat(error.message()).startsWith("measurement longer than 256 characters: 'mmm");
    assertThat(parsed.points()).containsExactly("ok [] [f=1.0d] @0");
  }

  @Test
  void tagKeysTagValuesAndFieldsOneCharacterTooLongAreLineErrors() {
    String tooLong = "x".repeat(MAX + 1);
    BatchText.Parsed parsed = BatchText.parse(
        "m," + tooLong + "=v f=1\nm,k=" + tooLong + " f=1\nm " + tooLong + "=1", NANOSECONDS);
    assertThat(parsed.result().errors()).extracting(LineError::column).containsExactly(3, 5, 3);
    assertThat(parsed.result().errors()).extracting(LineError::message).allSatisfy(m ->
        assertThat(m).contains("longer than 256 characters"));
    assertThat(parsed.result().errors().get(0).message()).startsWith("tag key ");
    assertThat(parsed.result().errors().get(1).message()).startsWith("tag value ");
    assertThat(parsed.result().errors().get(2).message()).startsWith("field ");
  }

  @Test
  void aStringOverTheValueLimitParsesAndIsRefusedByTheDatabase() {
    String big = "s".repeat(DatabaseConfig.defaults().maxValueLength() + 1);
    BatchText.Parsed parsed = BatchText.parse("m,k=v text=\"" + big + "\"\nm,k=v text=\"ok\"", NANOSECONDS);
    assertThat(parsed.result().errors()).isEmpty();
    try (Database db = Database.open(DatabaseConfig.defaults())) {
      WriteResult result = db.write(parsed.batch());
      assertThat(result.accepted()).isEqualTo(1);
      assertThat(result.rejected()).singleElement().satisfies(r -> {
        assertThat(r.index()).isZero();
        assertThat(r.reason()).contains("over the limit");
      });
    }
  }

  @Test
  void aHugeLineWithoutSeparatorsIsOneErrorWithACutText() {
    byte[] body = new byte[8 << 20];
    java.util.Arrays.fill(body, (byte) 'x');
    PointBatch batch = new PointBatch();
    ParseResult result = new LineProtocolParser().parse(body, 0, body.length, NANOSECONDS, 0, 1, batch);
    assertThat(result.errorCount()).isEqualTo(1);
    LineError error = result.errors().get(0);
    assertThat(error.lineText()).hasSize(LineError.MAX_LINE_TEXT + 3);
    assertThat(error.message()).isEqualTo("measurement longer than 256 characters: '" + "x".repeat(32) + "...'");
  }

  @Test
  void namesBeyondTheCacheSizeAndManyDistinctNamesStillParse() {
    // more distinct tag values than the tag-value table holds, and names too long to cache
    String longName = "n".repeat(KnownNames.MAX_CACHED_BYTES + 10);
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      body.append(longName).append(",id=").append(i).append(' ').append(longName).append('=').append(i).append("i\n");
    }
    for (int i = 0; i < 20_000; i++) {
      body.append("m,id=").append(i).append(" v=").append(i).append("i\n");
    }
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    PointBatch batch = new PointBatch();
    LineProtocolParser parser = new LineProtocolParser();
    ParseResult result = parser.parse(bytes, 0, bytes.length, NANOSECONDS, 0, 1, batch);
    assertThat(result.errors()).isEmpty();
    assertThat(result.points()).isEqualTo(40_000);
    Set<String> ids = new HashSet<>();
    for (int p = 0; p < batch.size(); p++) {
      String id = batch.tagValues()[batch.tagStart(p)];
      assertThat(id).isEqualTo(Long.toString(batch.fieldBits(batch.fieldStart(p))));
      assertThat(batch.measurement(p)).isEqualTo(p < 20_000 ? longName : "m");
      ids.add(id);
    }
    assertThat(ids).hasSize(20_000);
  }
}
