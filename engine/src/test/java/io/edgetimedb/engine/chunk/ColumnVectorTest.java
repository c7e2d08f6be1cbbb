package io.edgetimedb.engine.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.schema.FieldType;
import org.junit.jupiter.api.Test;

/** Values are stored in the column's type and read back cast to any wider one. */
class ColumnVectorTest {

  @Test
  void castsBooleansUpTheChain() {
    ColumnVector v = new ColumnVector(0, FieldType.BOOLEAN, 4);
    v.set(0, FieldType.BOOLEAN, 1, null);
    v.set(1, FieldType.BOOLEAN, 0, null);
    assertThat(v.getBoolean(0)).isTrue();
    assertThat(v.getLong(0)).isEqualTo(1);
    assertThat(v.getDouble(1)).isZero();
    assertThat(v.getString(0)).isEqualTo("true");
    assertThat(v.getString(1)).isEqualTo("false");
    assertThat(v.rawBits(0)).isEqualTo(1);
  }

  @Test
  void convertsNarrowerWrittenValuesIntoTheColumnType() {
    ColumnVector doubles = new ColumnVector(0, FieldType.DOUBLE, 4);
    doubles.set(0, FieldType.BIGINT, 3, null);
    doubles.set(1, FieldType.BOOLEAN, 1, null);
    assertThat(doubles.getDouble(0)).isEqualTo(3.0);
    assertThat(doubles.getDouble(1)).isEqualTo(1.0);
    assertThat(doubles.getLong(0)).isEqualTo(3);
    assertThat(doubles.getBoolean(1)).isTrue();

    ColumnVector strings = new ColumnVector(0, FieldType.VARCHAR, 4);
    strings.set(0, FieldType.DOUBLE, Double.doubleToRawLongBits(2.5), null);
    strings.set(1, FieldType.BIGINT, -4, null);
    strings.set(2, FieldType.BOOLEAN, 0, null);
    assertThat(strings.getString(0)).isEqualTo("2.5");
    assertThat(strings.getString(1)).isEqualTo("-4");
    assertThat(strings.getString(2)).isEqualTo("false");
  }

  @Test
  void widensInPlace() {
    ColumnVector v = new ColumnVector(0, FieldType.BIGINT, 4);
    v.set(0, FieldType.BIGINT, 7, null);
    v.set(2, FieldType.BIGINT, 9, null);
    v.widenTo(FieldType.DOUBLE, 3);
    assertThat(v.type()).isEqualTo(FieldType.DOUBLE);
    assertThat(v.getDouble(0)).isEqualTo(7.0);
    assertThat(v.isPresent(1)).isFalse();
    assertThat(v.getDouble(2)).isEqualTo(9.0);
    assertThat(v.presentCount()).isEqualTo(2);
  }

  @Test
  void refusesReadsThatWouldNarrow() {
    ColumnVector s = new ColumnVector(3, FieldType.VARCHAR, 2);
    s.set(0, FieldType.VARCHAR, 0, "x");
    assertThatThrownBy(() -> s.getDouble(0)).hasMessageContaining("field 3 is stored as VARCHAR and cannot be read as DOUBLE");
    assertThatThrownBy(() -> s.getLong(0)).hasMessageContaining("BIGINT");
    assertThatThrownBy(() -> s.getBoolean(0)).hasMessageContaining("BOOLEAN");
    assertThatThrownBy(() -> s.getBytes(0)).hasMessageContaining("VARBINARY");
    ColumnVector y = new ColumnVector(3, FieldType.VARBINARY, 2);
    y.set(0, FieldType.VARBINARY, 0, new byte[] {1});
    assertThatThrownBy(() -> y.getString(0)).hasMessageContaining("cannot render VARBINARY");
  }

  @Test
  void clearDropsPresenceAndReferences() {
    ColumnVector v = new ColumnVector(0, FieldType.VARCHAR, 2);
    v.set(0, FieldType.VARCHAR, 0, "x");
    v.set(0, FieldType.VARCHAR, 0, "y");
    assertThat(v.presentCount()).isEqualTo(1);
    v.clear(0);
    v.clear(1);
    assertThat(v.presentCount()).isZero();
    assertThat(v.ref(0)).isNull();
  }

  @Test
  void countsRepeatedReferencesOnce() {
    ColumnVector v = new ColumnVector(0, FieldType.VARCHAR, 4);
    String ok = "OK-status";
    ColumnVector distinct = new ColumnVector(0, FieldType.VARCHAR, 4);
    for (int row = 0; row < 4; row++) {
      v.set(row, FieldType.VARCHAR, 0, ok);
      distinct.set(row, FieldType.VARCHAR, 0, new String(ok));
    }
    assertThat(distinct.bytesHeld(4) - v.bytesHeld(4)).isEqualTo(3 * io.edgetimedb.engine.memory.ObjectSizes.string(ok));
  }
}
