package io.edgetimedb.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.catalog.Catalog;
import io.edgetimedb.engine.chunkenc.ByteSink;
import io.edgetimedb.engine.chunkenc.ByteSource;
import io.edgetimedb.engine.chunkenc.CorruptChunkException;
import io.edgetimedb.engine.write.PointBatch;
import org.junit.jupiter.api.Test;

class LogRecordFormatTest {
  private final ByteSink sink = new ByteSink(256);

  private ByteSource encode(PointBatch batch) {
    boolean[] accepted = new boolean[batch.size()];
    java.util.Arrays.fill(accepted, true);
    sink.reset();
    LogRecordFormat.encodePoints(batch, accepted, 42, sink);
    ByteSource source = new ByteSource(sink.toByteArray(), 0, sink.size());
    assertThat(source.readByte()).isEqualTo(LogRecordFormat.POINTS);
    return source;
  }

  @Test
  void pointsOfSeriesThatNoLongerExistAreLeftOut() {
    PointBatch batch = new PointBatch().source("s");
    batch.point("m", 1).tag("k", "v").field("a", 1.0).field("b", "text");
    batch.seriesId(0, 7);
    batch.fieldId(batch.fieldStart(0), 0);
    batch.point("m", 2).tag("k", "w").field("a", 2.0);

    PointBatch decoded = new PointBatch();
    long now = LogRecordFormat.decodePoints(encode(batch), decoded, new ReplayStrings(), new Catalog());

    assertThat(now).isEqualTo(42);
    assertThat(decoded.size()).isEqualTo(1);
    assertThat(decoded.timestamp(0)).isEqualTo(2);
    assertThat(decoded.tagValues()[decoded.tagStart(0)]).isEqualTo("w");
    assertThat(decoded.fieldCount(0)).isEqualTo(1);
  }

  @Test
  void aFieldIdOutsideTheSchemaIsCorruption() {
    Catalog catalog = new Catalog();
    catalog.measurementFor("m", "s", 1);
    PointBatch batch = new PointBatch().source("s");
    batch.point("m", 1).field("a", 1.0);
    batch.fieldId(0, 3);

    assertThatThrownBy(() -> LogRecordFormat.decodePoints(encode(batch), new PointBatch(), new ReplayStrings(), catalog))
        .isInstanceOf(CorruptChunkException.class).hasMessageContaining("field id 3");
  }

  @Test
  void replayStringsHandBackOneInstancePerNameAndSurviveGrowth() {
    ByteSink names = new ByteSink(64);
    for (int i = 0; i < 3000; i++) {
      names.writeString("name-" + (i % 1500));
    }
    ByteSource in = new ByteSource(names.toByteArray(), 0, names.size());
    ReplayStrings strings = new ReplayStrings();
    String[] first = new String[1500];
    for (int i = 0; i < 3000; i++) {
      String s = strings.read(in);
      assertThat(s).isEqualTo("name-" + (i % 1500));
      if (i < 1500) {
        first[i] = s;
      } else {
        assertThat(s).isSameAs(first[i - 1500]);
      }
    }
  }
}
