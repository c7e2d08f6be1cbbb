package io.edgetimedb.engine.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.write.PointBatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineProtocolWriterTest {
  private static final long TS = 1_700_000_000_123L;

  @Test
  void thePlantFeedParsesBackExactly() {
    PointBatch feed = new PointBatch();
    SensorFeed plant = new SensorFeed(600, 5, 1_700_000_000_000L, 1000);
    plant.nextTick(feed);
    plant.nextTick(feed);
    for (Precision precision : new Precision[] {Precision.NANOSECONDS, Precision.MICROSECONDS, Precision.MILLISECONDS}) {
      byte[] body = new LineProtocolWriter(precision).write(feed);
      PointBatch parsed = new PointBatch();
      ParseResult result = new LineProtocolParser().parse(body, 0, body.length, precision, 0, 1, parsed);
      assertThat(result.errors()).isEmpty();
      assertThat(BatchText.of(parsed)).as(precision.name()).containsExactlyElementsOf(BatchText.of(feed));
    }
  }

  @Test
  void eachTypeIsSpelledAsTheClassCommentSays() {
    PointBatch batch = new PointBatch();
    batch.point("boiler", TS).tag("site", "A").field("t", 21.53).field("n", -42L).field("on", true)
        .field("off", false).field("s", "run").field("b", new byte[] {1, 2, 3}).field("tiny", 1e-7);
    assertThat(text(Precision.MILLISECONDS, batch))
        .isEqualTo("boiler,site=A t=21.53,n=-42i,on=true,off=false,s=\"run\",b=\"AQID\",tiny=1.0E-7 1700000000123\n");
    assertThat(text(Precision.SECONDS, batch)).endsWith(" 1700000000\n");
    assertThat(text(Precision.MICROSECONDS, batch)).endsWith(" 1700000000123000\n");
  }

  @Test
  void specialCharactersAreEscapedAndReadBackAsTheyWere() {
    PointBatch batch = new PointBatch();
    batch.point("a b,c\\d", TS).tag("k=1, x", "v,=\\ é").field("f =,", "say \"hi\" \\ ü, ok")
        .field("ß", 1.5);
    String line = text(Precision.MILLISECONDS, batch);
    assertThat(line).isEqualTo("a\\ b\\,c\\\\d,k\\=1\\,\\ x=v\\,\\=\\\\\\ é f\\ \\=\\,=\"say \\\"hi\\\" \\\\ ü, ok\",ß=1.5"
        + " 1700000000123\n");
    byte[] body = line.getBytes(StandardCharsets.UTF_8);
    PointBatch parsed = new PointBatch();
    ParseResult result = new LineProtocolParser().parse(body, 0, body.length, Precision.MILLISECONDS, 0, 1, parsed);
    assertThat(result.errors()).isEmpty();
    assertThat(BatchText.of(parsed)).containsExactlyElementsOf(BatchText.of(batch));
  }

  @Test
  void whatLineProtocolCannotSpellIsRefusedAndNothingIsAppended() {
    LineProtocolWriter writer = new LineProtocolWriter(Precision.NANOSECONDS);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PointBatch batch = new PointBatch();
    batch.point("m", TS).field("v", Double.NaN);
    batch.point("m", TS).field("v", Double.NEGATIVE_INFINITY);
    batch.point("m", TS).field("s", "two\nlines");
    batch.point("m", TS).tag("k", "é\nx").field("v", 1L);
    assertThatThrownBy(() -> writer.write(batch, 0, out)).hasMessageContaining("'v' is NaN");
    assertThatThrownBy(() -> writer.write(batch, 1, out)).hasMessageContaining("-Infinity");
    assertThatThrownBy(() -> writer.write(batch, 2, out)).hasMessageContaining("'two\\nlines' holds a line feed");
    assertThatThrownBy(() -> writer.write(batch, 3, out)).hasMessageContaining("line feed");
    assertThat(out.size()).isZero();
    assertThat(writer.precision()).isEqualTo(Precision.NANOSECONDS);
  }

  @Test
  void aLineLongerThanTheWritersBufferIsWholeAndTheNextLineStartsAfresh() {
    PointBatch batch = new PointBatch();
    String longText = "x,é\\".repeat(2_500);
    batch.point("m", TS).tag("k", "é".repeat(200)).field("s", longText);
    batch.point("m", TS + 1).field("v", 1L);
    byte[] body = new LineProtocolWriter(Precision.MILLISECONDS).write(batch);
    PointBatch parsed = new PointBatch();
    ParseResult result = new LineProtocolParser().parse(body, 0, body.length, Precision.MILLISECONDS, 0, 1, parsed);
    assertThat(result.errors()).isEmpty();
    assertThat(BatchText.of(parsed)).containsExactlyElementsOf(BatchText.of(batch));
    assertThat(new String(body, StandardCharsets.UTF_8)).endsWith("\nm v=1i " + (TS + 1) + "\n");
  }

  @Test
  void writingOnePointReturnsItsLength() {
    PointBatch batch = new PointBatch();
    batch.point("m", 0).field("v", 1L);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(new LineProtocolWriter(Precision.SECONDS).write(batch, 0, out)).isEqualTo("m v=1i 0\n".length());
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("m v=1i 0\n");
  }

  @Test
  void secondsAreFlooredAndOverflowIsRefused() {
    assertThat(Precision.SECONDS.fromMillis(-1)).isEqualTo(-1);
    assertThat(Precision.NANOSECONDS.fromMillis(5)).isEqualTo(5_000_000);
    assertThatThrownBy(() -> Precision.NANOSECONDS.fromMillis(Long.MAX_VALUE / 1000))
        .isInstanceOf(ArithmeticException.class);
  }

  private static String text(Precision precision, PointBatch batch) {
    return new String(new LineProtocolWriter(precision).write(batch), StandardCharsets.UTF_8);
  }
}
