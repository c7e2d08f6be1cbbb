package io.edgetimedb.engine.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.write.PointBatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PendingPointTest {
  private final PendingPoint point = new PendingPoint();

  /**
   * A repeated field keeps its first position and takes the last value. Finding repeats once
   * compared each new field with every earlier one: a line of 40,000 fields made 800 million
   * comparisons. Counted, not timed: a few per field whatever the line's width.
   */
  @Test
  void findingRepeatedFieldsCostsTheSamePerFieldWhateverTheLineWidth() {
    int n = 40_000;
    String[] names = IntStream.range(0, n).mapToObj(i -> "f" + i).toArray(String[]::new);
    point.start("m");
    for (int i = 0; i < n; i++) {
      point.field(names[i], FieldType.BIGINT, i, null);
    }
    point.field(new String("f7"), FieldType.VARCHAR, 0, "again");
    long comparisons = point.nameComparisons();

    assertThat(comparisons).as("name comparisons for %d fields", n).isLessThan(4L * n);
    PointBatch batch = new PointBatch();
    point.appendTo(batch);
    assertThat(batch.fieldCount(0)).isEqualTo(n);
    assertThat(batch.fieldName(7)).isEqualTo("f7");
    assertThat(batch.fieldRef(7)).isEqualTo("again");
    assertThat(batch.fieldBits(n - 1)).isEqualTo(n - 1);
  }

  @Test
  void aNewLineForgetsTheFieldsOfTheLastOne() {
    point.start("m");
    point.field("a", FieldType.BIGINT, 1, null);
    point.field("b", FieldType.BIGINT, 2, null);
    point.start("m");
    point.field("b", FieldType.BIGINT, 3, null);
    point.field("a", FieldType.BIGINT, 4, null);
    point.field("b", FieldType.BIGINT, 5, null);
    PointBatch batch = new PointBatch();
    point.appendTo(batch);
    assertThat(batch.fieldCount(0)).isEqualTo(2);
    assertThat(batch.fieldName(0)).isEqualTo("b");
    assertThat(batch.fieldBits(0)).isEqualTo(5);
    assertThat(batch.fieldName(1)).isEqualTo("a");
  }
}
