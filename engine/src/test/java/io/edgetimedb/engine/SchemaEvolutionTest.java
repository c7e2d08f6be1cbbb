package io.edgetimedb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.schema.SchemaChange;
import io.edgetimedb.engine.schema.SchemaChange.Kind;
import io.edgetimedb.engine.write.PointBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** New measurements, tags and fields appear on write; field types widen and old rows are cast. */
class SchemaEvolutionTest {
  private final Database db = Database.open(DatabaseConfig.defaults().withChunkRows(3));
  private final PointBatch batch = new PointBatch().source("test-gateway");

  @Test
  void recordsEveryChangeWithItsSource() {
    batch.point("m", 1).tag("site", "A").field("v", true);
    db.write(batch);
    batch.clear();
    batch.point("m", 2).tag("site", "A").tag("line", "1").field("v", 5L).field("w", "x");
    batch.point("m", 3).tag("site", "A").field("v", 2.5);
    db.write(batch);

    assertThat(db.schemaHistory()).extracting(SchemaChange::kind, SchemaChange::item, SchemaChange::fromType,
        SchemaChange::toType, SchemaChange::source).containsExactly(
            tuple(Kind.MEASUREMENT_CREATED, "m", null, null, "test-gateway"),
            tuple(Kind.TAG_KEY_ADDED, "site", null, null, "test-gateway"),
            tuple(Kind.FIELD_ADDED, "v", null, FieldType.BOOLEAN, "test-gateway"),
            tuple(Kind.TAG_KEY_ADDED, "line", null, null, "test-gateway"),
            tuple(Kind.FIELD_WIDENED, "v", FieldType.BOOLEAN, FieldType.BIGINT, "test-gateway"),
            tuple(Kind.FIELD_ADDED, "w", null, FieldType.VARCHAR, "test-gateway"),
            tuple(Kind.FIELD_WIDENED, "v", FieldType.BIGINT, FieldType.DOUBLE, "test-gateway"));
    assertThat(db.schemaHistory()).allSatisfy(c -> assertThat(c.timeMillis()).isPositive());
  }

  @Test
  void theSchemaVersionGrowsWithEachChangeAndOnlyThen() {
    long empty = db.schemaVersion();
    batch.point("m", 1).tag("site", "A").field("v", 1L);
    db.write(batch);
    long created = db.schemaVersion();
    db.write(batch);
    assertThat(db.schemaVersion()).isEqualTo(created).isGreaterThan(empty);
    batch.clear();
    batch.point("m", 2).tag("site", "A").field("v", 1.5);
    db.write(batch);
    assertThat(db.schemaVersion()).as("widened").isGreaterThan(created);
  }

  @Test
  void widensAlongTheChainAndCastsOlderRows() {
    batch.point("m", 1).field("v", true);
    batch.point("m", 2).field("v", 7L);
    batch.point("m", 3).field("v", 7.25);
    batch.point("m", 4).field("v", false);
    db.write(batch);

    assertThat(db.fields("m")).containsExactly(new FieldInfo("v", FieldType.DOUBLE));
    assertThat(doubles()).containsExactly(1.0, 7.0, 7.25, 0.0);

    batch.clear();
    batch.point("m", 5).field("v", "text");
    db.write(batch);
    assertThat(db.fields("m")).containsExactly(new FieldInfo("v", FieldType.VARCHAR));
    assertThat(strings()).containsExactly("true", "7", "7.25", "0.0", "text");
  }

  @Test
  void rowsKeepTheTypeTheyWereWrittenAsWhetherSealedOrNot() {
    batch.point("m", 1).field("v", 5L);
    db.write(batch);
    batch.clear();
    batch.point("m", 2).field("v", "five");
    db.write(batch);
    assertThat(strings()).containsExactly("5", "five");
    db.sealHeads();
    assertThat(strings()).containsExactly("5", "five");
  }

  @Test
  void cursorsKeepTheTypeTheyStartedWith() {
    batch.point("m", 1).field("v", 5L);
    db.write(batch);
    try (PointCursor c = db.read(ReadRequest.of("m"))) {
      batch.clear();
      batch.point("m", 2).field("v", 1.5);
      db.write(batch);
      assertThat(c.fieldType(0)).isEqualTo(FieldType.BIGINT);
      assertThat(c.next()).isTrue();
      assertThat(c.getObject(0)).isEqualTo(5L);
    }
  }

  private List<Double> doubles() {
    List<Double> out = new ArrayList<>();
    try (PointCursor c = db.read(ReadRequest.of("m"))) {
      while (c.next()) {
        out.add(c.getDouble(0));
      }
    }
    return out;
  }

  private List<String> strings() {
    List<String> out = new ArrayList<>();
    try (PointCursor c = db.read(ReadRequest.of("m"))) {
      while (c.next()) {
        out.add(c.getString(0));
      }
    }
    return out;
  }
}
