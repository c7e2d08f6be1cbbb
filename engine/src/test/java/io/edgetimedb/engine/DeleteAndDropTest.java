package io.edgetimedb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.index.TagPredicate;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.engine.schema.SchemaChange;
import io.edgetimedb.engine.write.PointBatch;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DeleteAndDropTest {
  private final Database db = Database.open(DatabaseConfig.defaults().withChunkRows(10));
  private final PointBatch batch = new PointBatch();

  private void fill(String site, int points) {
    for (long ts = 0; ts < points; ts++) {
      batch.point("m", ts).tag("site", site).field("v", (double) ts);
    }
    db.write(batch);
    batch.clear();
  }

  @Test
  void deletesARangeAcrossWholeChunksCutChunksAndTheHead() {
    fill("A", 55);
    fill("B", 55);

    long deleted = db.delete("m", TagPredicate.eq("site", "A"), 5, 52);

    assertThat(deleted).isEqualTo(47);
    assertThat(DatabaseTest.timestampsOf(db, ReadRequest.of("m").where(TagPredicate.eq("site", "A"))))
        .containsExactly(0L, 1L, 2L, 3L, 4L, 52L, 53L, 54L);
    assertThat(DatabaseTest.timestampsOf(db, ReadRequest.of("m").where(TagPredicate.eq("site", "B")))).hasSize(55);
    assertThat(db.memoryUsage().points()).isEqualTo(8 + 55);
  }

  @Test
  void deletingTheNewestRowsMovesTheOutOfOrderWindowBack() {
    Database windowed = Database.open(DatabaseConfig.defaults().withChunkRows(10).withOutOfOrderWindowMillis(5));
    PointBatch b = new PointBatch();
    LongStream.range(0, 30).forEach(ts -> b.point("m", ts * 10).field("v", 1.0));
    windowed.write(b);
    assertThat(windowed.delete("m", TagPredicate.all(), 100, Long.MAX_VALUE)).isEqualTo(20);
    b.clear();
    b.point("m", 92).field("v", 2.0);
    assertThat(windowed.write(b).allAccepted()).isTrue();
    assertThat(DatabaseTest.timestampsOf(windowed, ReadRequest.of("m"))).endsWith(90L, 92L);
  }

  @Test
  void deletingEverythingLeavesAnEmptySeries() {
    fill("A", 25);
    assertThat(db.delete("m", TagPredicate.all(), Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(25);
    assertThat(DatabaseTest.timestampsOf(db, ReadRequest.of("m"))).isEmpty();
    assertThat(db.memoryUsage().chunks()).isZero();
    assertThat(db.delete("m", TagPredicate.all(), 0, 100)).isZero();
  }

  @Test
  void dropsAMeasurementWithItsSeries() {
    fill("A", 25);
    batch.point("other", 1).field("x", 1L);
    db.write(batch);

    assertThat(db.dropMeasurement("m", "test")).isTrue();
    assertThat(db.dropMeasurement("m", "test")).isFalse();

    assertThat(db.measurements()).containsExactly("other");
    assertThatThrownBy(() -> db.read(ReadRequest.of("m"))).hasMessageContaining("unknown measurement 'm'");
    assertThat(db.schemaHistory()).last().extracting(SchemaChange::kind).isEqualTo(SchemaChange.Kind.MEASUREMENT_DROPPED);
    db.sealHeads();
    assertThat(db.memoryUsage().points()).isEqualTo(1);

    fill("A", 3);
    assertThat(db.series("m", TagPredicate.all())).hasSize(1);
    assertThat(db.fields("m")).extracting(FieldInfo::name).isEqualTo(List.of("v"));
  }
}
