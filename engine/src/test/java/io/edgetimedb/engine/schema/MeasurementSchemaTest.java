package io.edgetimedb.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MeasurementSchemaTest {
  private final SchemaHistory history = new SchemaHistory();
  private final MeasurementSchema schema = new MeasurementSchema("m", history);

  @Test
  void createsAndWidensFieldsOnce() {
    FieldSchema a = schema.fieldFor("a", FieldType.BIGINT, "src", 1);
    assertThat(schema.fieldFor("a", FieldType.BOOLEAN, "src", 2)).isSameAs(a);
    assertThat(a.type()).isEqualTo(FieldType.BIGINT);
    schema.fieldFor("a", FieldType.DOUBLE, "src", 3);
    assertThat(a.type()).isEqualTo(FieldType.DOUBLE);
    assertThat(a.toString()).isEqualTo("a DOUBLE");
    assertThat(schema.fieldById(0)).isSameAs(a);
    assertThat(history.size()).isEqualTo(2);
    assertThat(schema.measurement()).isEqualTo("m");
  }

  @Test
  void refusesBytesAgainstOtherTypes() {
    schema.fieldFor("b", FieldType.VARBINARY, "src", 1);
    assertThat(schema.fieldProblem("b", FieldType.VARCHAR)).contains("is VARBINARY and cannot take a VARCHAR value");
    assertThatThrownBy(() -> schema.fieldFor("b", FieldType.BIGINT, "src", 2))
        .hasMessageContaining("cannot take a BIGINT value");
  }

  @Test
  void keepsTagKeysAndFieldsApart() {
    schema.useTagKey("site", "src", 1);
    schema.useTagKey("site", "src", 2);
    schema.fieldFor("v", FieldType.DOUBLE, "src", 3);
    assertThat(schema.tagKeys()).containsExactly("site");
    assertThat(schema.hasTagKey("site")).isTrue();
    assertThat(schema.fieldProblem("site", FieldType.DOUBLE)).contains("already a tag key");
    assertThat(schema.tagKeyProblem("v")).contains("already a field");
    assertThat(schema.tagKeyProblem("other")).isNull();
    assertThat(history.changes()).extracting(SchemaChange::kind)
        .containsExactly(SchemaChange.Kind.TAG_KEY_ADDED, SchemaChange.Kind.FIELD_ADDED);
  }
}
