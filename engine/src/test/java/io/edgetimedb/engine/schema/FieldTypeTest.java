package io.edgetimedb.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldTypeTest {

  @Test
  void widensAlongTheChain() {
    assertThat(FieldType.BOOLEAN.widenWith(FieldType.BIGINT)).isEqualTo(FieldType.BIGINT);
    assertThat(FieldType.DOUBLE.widenWith(FieldType.BIGINT)).isEqualTo(FieldType.DOUBLE);
    assertThat(FieldType.BOOLEAN.widenWith(FieldType.VARCHAR)).isEqualTo(FieldType.VARCHAR);
    assertThat(FieldType.VARBINARY.widenWith(FieldType.VARBINARY)).isEqualTo(FieldType.VARBINARY);
    assertThat(FieldType.VARBINARY.widenWith(FieldType.VARCHAR)).isNull();
    assertThat(FieldType.DOUBLE.widenWith(FieldType.VARBINARY)).isNull();
  }

  @Test
  void codesAreStable() {
    for (FieldType type : FieldType.values()) {
      assertThat(FieldType.ofCode(type.code())).isEqualTo(type);
    }
    assertThat(FieldType.DOUBLE.code()).isEqualTo((byte) 2);
    assertThatThrownBy(() -> FieldType.ofCode(9)).hasMessageContaining("unknown field type code 9");
    assertThatThrownBy(() -> FieldType.ofCode(-1)).hasMessageContaining("unknown field type code -1");
    assertThat(FieldType.BIGINT.isNumeric()).isTrue();
    assertThat(FieldType.BOOLEAN.isNumeric()).isFalse();
  }
}
