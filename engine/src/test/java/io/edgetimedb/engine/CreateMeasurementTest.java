package io.edgetimedb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.schema.SchemaChange;
import io.edgetimedb.engine.write.PointBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreateMeasurementTest {
  private final Database db = Database.open(DatabaseConfig.defaults());

  @Test
  void declaresTagsAndTypedFieldsBeforeAnyWrite() {
    boolean created = db.createMeasurement("boiler", List.of("site", "sensor"),
        List.of(new FieldInfo("value", FieldType.DOUBLE), new FieldInfo("ok", FieldType.BOOLEAN)), "sql");

    assertThat(created).isTrue();
    assertThat(db.measurements()).containsExactly("boiler");
    assertThat(db.tagKeys("boiler")).containsExactly("sensor", "site");
    assertThat(db.fields("boiler")).containsExactly(new FieldInfo("value", FieldType.DOUBLE),
        new FieldInfo("ok", FieldType.BOOLEAN));
    assertThat(db.schemaHistory()).extracting(SchemaChange::kind).containsExactly(
        SchemaChange.Kind.MEASUREMENT_CREATED, SchemaChange.Kind.TAG_KEY_ADDED, SchemaChange.Kind.TAG_KEY_ADDED,
        SchemaChange.Kind.FIELD_ADDED, SchemaChange.Kind.FIELD_ADDED);
    assertThat(db.series("boiler", io.edgetimedb.engine.index.TagPredicate.all())).isEmpty();
  }

  @Test
  void anExistingMeasurementIsLeftAsItIs() {
    db.write(new PointBatch().point("boiler", 1).field("value", 1L));

    boolean created = db.createMeasurement("boiler", List.of(), List.of(new FieldInfo("other", FieldType.DOUBLE)),
        "sql");

    assertThat(created).isFalse();
    assertThat(db.fields("boiler")).containsExactly(new FieldInfo("value", FieldType.BIGINT));
  }

  @Test
  void badAndDuplicateNamesCreateNothing() {
    assertThatThrownBy(() -> db.createMeasurement("m", List.of("ts"), List.of(), "sql"))
        .hasMessageContaining("'ts' is reserved");
    assertThatThrownBy(() -> db.createMeasurement("m", List.of("a"), List.of(new FieldInfo("a", FieldType.DOUBLE)),
        "sql")).hasMessageContaining("column 'a' is declared twice");
    assertThatThrownBy(() -> db.createMeasurement("", List.of(), List.of(), "sql"))
        .hasMessageContaining("empty measurement");
    assertThat(db.measurements()).isEmpty();
  }
}
