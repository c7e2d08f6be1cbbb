package io.edgetimedb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.index.TagPredicate;
import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.write.WriteResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatabaseTest {
  private final Database db = Database.open(DatabaseConfig.defaults().withChunkRows(4));
  private final PointBatch batch = new PointBatch();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void writesAndReadsEveryFieldType() {
    batch.point("machine", 1000).tag("site", "A")
        .field("temp", 21.5).field("count", 7L).field("on", true).field("state", "OK").field("blob", new byte[] {1, 2});
    assertThat(db.write(batch).allAccepted()).isTrue();

    try (PointCursor c = db.read(ReadRequest.of("machine"))) {
      assertThat(c.next()).isTrue();
      assertThat(c.timestamp()).isEqualTo(1000);
      assertThat(c.tagKeys()).containsExactly("site");
      assertThat(c.tag(0)).isEqualTo("A");
      assertThat(c.fieldNames()).containsExactly("temp", "count", "on", "state", "blob");
      assertThat(c.getDouble(0)).isEqualTo(21.5);
      assertThat(c.getLong(1)).isEqualTo(7);
      assertThat(c.getBoolean(2)).isTrue();
      assertThat(c.getString(3)).isEqualTo("OK");
      assertThat(c.getBytes(4)).containsExactly(1, 2);
      assertThat(c.getObject(0)).isEqualTo(21.5);
      assertThat(c.next()).isFalse();
    }
  }

  @Test
  void readsTimeRangeAcrossSealedChunksAndHead() {
    for (long ts = 0; ts < 10; ts++) {
      batch.point("m", ts * 1000).tag("s", "1").field("v", (double) ts);
    }
    db.write(batch);

    assertThat(timestamps(ReadRequest.of("m").timeRange(2500, 8000))).containsExactly(3000L, 4000L, 5000L, 6000L, 7000L);
    assertThat(timestamps(ReadRequest.of("m").timeRange(2500, 8000).descending(true)))
        .containsExactly(7000L, 6000L, 5000L, 4000L, 3000L);
    assertThat(timestamps(ReadRequest.of("m").descending(true).limitPerSeries(2))).containsExactly(9000L, 8000L);
    assertThat(timestamps(ReadRequest.of("m").limitPerSeries(9))).hasSize(9).startsWith(0L).endsWith(8000L);
    assertThat(timestamps(ReadRequest.of("m").descending(true).limitPerSeries(0))).isEmpty();
    assertThat(timestamps(ReadRequest.of("m").timeRange(0, 9500).descending(true).limitPerSeries(1)))
        .containsExactly(9000L);
    assertThat(timestamps(ReadRequest.of("m").timeRange(20_000, 30_000))).isEmpty();
  }

  @Test
  void selectsSeriesByTags() {
    batch.point("m", 1).tag("site", "A").tag("type", "t").field("v", 1.0);
    batch.point("m", 1).tag("site", "B").tag("type", "t").field("v", 2.0);
    batch.point("m", 1).tag("site", "C").tag("type", "p").field("v", 3.0);
    db.write(batch);

    List<Double> values = new ArrayList<>();
    try (PointCursor c = db.read(ReadRequest.of("m").where(TagPredicate.and(TagPredicate.eq("type", "t"),
        TagPredicate.not(TagPredicate.eq("site", "A")))))) {
      while (c.next()) {
        values.add(c.getDouble(0));
      }
    }
    assertThat(values).containsExactly(2.0);
    assertThat(db.series("m", TagPredicate.in("site", List.of("A", "C")))).extracting(s -> s.tags().get("site"))
        .containsExactly("A", "C");
    assertThat(db.tagKeys("m")).containsExactly("site", "type");
    assertThat(db.tagValues("m", "site")).containsExactly("A", "B", "C");
  }

  @Test
  void tagOrderDoesNotMakeANewSeries() {
    batch.point("m", 1).tag("a", "1").tag("b", "2").field("v", 1.0);
    batch.point("m", 2).tag("b", "2").tag("a", "1").field("v", 2.0);
    db.write(batch);
    assertThat(db.series("m", TagPredicate.all())).hasSize(1);
  }

  @Test
  void sameTimestampKeepsLastWritePerField() {
    batch.point("m", 5).field("a", 1.0).field("b", 1.0);
    batch.point("m", 5).field("a", 2.0);
    db.write(batch);
    try (PointCursor c = db.read(ReadRequest.of("m"))) {
      assertThat(c.next()).isTrue();
      assertThat(c.getDouble(0)).isEqualTo(2.0);
      assertThat(c.getDouble(1)).isEqualTo(1.0);
      assertThat(c.next()).isFalse();
    }
  }

  @Test
  void missingFieldsReadAsNull() {
    batch.point("m", 1).field("a", 1.0);
    batch.point("m", 2).field("b", 2L);
    db.write(batch);
    try (PointCursor c = db.read(ReadRequest.of("m"))) {
      assertThat(c.next()).isTrue();
      assertThat(c.isNull(0)).isFalse();
      assertThat(c.isNull(1)).isTrue();
      assertThat(c.getObject(1)).isNull();
      assertThat(c.next()).isTrue();
      assertThat(c.isNull(0)).isTrue();
      assertThat(c.getLong(1)).isEqualTo(2);
    }
  }

  @Test
  void acceptsLatePointsInsideTheWindowAndRefusesOlderOnes() {
    Database windowed = Database.open(DatabaseConfig.defaults().withChunkRows(4).withOutOfOrderWindowMillis(10_000));
    for (long ts = 0; ts < 22; ts++) {
      batch.point("m", 100_000 + ts * 1000).field("v", (double) ts);
    }
    windowed.write(batch);
    batch.clear();
    batch.point("m", 115_500).field("v", -1.0);  // late, lands in a sealed chunk
    batch.point("m", 120_500).field("v", -2.0);  // late, lands in the head
    batch.point("m", 121_000 - 10_000).field("v", -3.0);  // exactly at the window edge, overwrites
    batch.point("m", 121_000 - 10_001).field("v", -4.0);  // one ms beyond it
    WriteResult result = windowed.write(batch);

    assertThat(result.accepted()).isEqualTo(3);
    assertThat(result.rejected()).singleElement().satisfies(r -> {
      assertThat(r.index()).isEqualTo(3);
      assertThat(r.reason()).contains("10001 ms older").contains("out-of-order window 10000 ms");
    });
    List<Long> ts = timestampsOf(windowed, ReadRequest.of("m"));
    assertThat(ts).hasSize(24).isSorted().doesNotHaveDuplicates().contains(115_500L, 120_500L);
    try (PointCursor c = windowed.read(ReadRequest.of("m").timeRange(111_000, 111_001))) {
      assertThat(c.next()).isTrue();
      assertThat(c.getDouble(0)).isEqualTo(-3.0);
    }
  }

  @Test
  void listsFieldsWithTypes() {
    batch.point("m", 1).field("a", 1.0).field("b", true);
    db.write(batch);
    assertThat(db.fields("m")).containsExactly(new FieldInfo("a", FieldType.DOUBLE), new FieldInfo("b", FieldType.BOOLEAN));
    assertThat(db.measurements()).containsExactly("m");
  }

  @Test
  void refusesUnknownMeasurementsAndFieldsOnRead() {
    batch.point("m", 1).field("a", 1.0);
    db.write(batch);
    assertThatThrownBy(() -> db.read(ReadRequest.of("nope"))).hasMessageContaining("unknown measurement 'nope'");
    assertThatThrownBy(() -> db.read(ReadRequest.of("m").fields("zz")))
        .hasMessageContaining("unknown field 'zz' in measurement 'm'");
    assertThatThrownBy(() -> db.fields("nope")).hasMessageContaining("unknown measurement 'nope'");
  }

  @Test
  void refusesWorkAfterClose() {
    db.close();
    assertThatThrownBy(() -> db.write(batch)).hasMessageContaining("closed");
  }

  @Test
  void sealHeadsMakesEveryRowSealed() {
    batch.point("m", 1).field("a", 1.0);
    db.write(batch);
    assertThat(db.memoryUsage().chunks()).isZero();
    db.sealHeads();
    assertThat(db.memoryUsage().chunks()).isPositive();
    assertThat(timestamps(ReadRequest.of("m"))).containsExactly(1L);
  }

  private List<Long> timestamps(ReadRequest request) {
    return timestampsOf(db, request);
  }

  static List<Long> timestampsOf(Database database, ReadRequest request) {
    List<Long> out = new ArrayList<>();
    try (PointCursor c = database.read(request)) {
      while (c.next()) {
        out.add(c.timestamp());
      }
    }
    return out;
  }
}
