package io.edgetimedb.engine.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.schema.FieldType;
import org.junit.jupiter.api.Test;

class PointBatchTest {

  @Test
  void aPointCopiedFromAnotherBatchKeepsItsTagsFieldsAndTypes() {
    PointBatch from = new PointBatch();
    from.point("a", 1).tag("site", "A").field("x", 1.5);
    from.point("b", 2).tag("site", "B").tag("line", "7").field("n", 3L).field("ok", true).field("s", "txt");
    PointBatch to = new PointBatch();
    to.point("c", 0).field("y", 0.0);
    to.addPointFrom(from, 1);
    assertThat(to.size()).isEqualTo(2);
    assertThat(to.measurement(1)).isEqualTo("b");
    assertThat(to.timestamp(1)).isEqualTo(2);
    assertThat(to.tagCount(1)).isEqualTo(2);
    assertThat(to.tagValues()[to.tagStart(1) + 1]).isEqualTo("7");
    assertThat(to.fieldCount(1)).isEqualTo(3);
    int f = to.fieldStart(1);
    assertThat(to.fieldType(f)).isEqualTo(FieldType.BIGINT);
    assertThat(to.fieldBits(f)).isEqualTo(3L);
    assertThat(to.fieldType(f + 1)).isEqualTo(FieldType.BOOLEAN);
    assertThat(to.fieldRef(f + 2)).isEqualTo("txt");
    assertThat(to.fieldCount(0)).isEqualTo(1);
  }

  @Test
  void storesPointsColumnWiseAndGrows() {
    PointBatch batch = new PointBatch().source("unit");
    for (int i = 0; i < 100; i++) {
      batch.point("m" + (i % 3), i).tag("k" + (i % 2), "v").tag("a", "b").field("f", (long) i).field("g", i % 2 == 0);
    }
    assertThat(batch.size()).isEqualTo(100);
    assertThat(batch.source()).isEqualTo("unit");
    assertThat(batch.measurement(50)).isEqualTo("m2");
    assertThat(batch.timestamp(99)).isEqualTo(99);
    assertThat(batch.tagCount(99)).isEqualTo(2);
    assertThat(batch.fieldCount(99)).isEqualTo(2);
    int f = batch.fieldStart(99);
    assertThat(batch.fieldName(f)).isEqualTo("f");
    assertThat(batch.fieldType(f)).isEqualTo(FieldType.BIGINT);
    assertThat(batch.fieldBits(f)).isEqualTo(99);
    assertThat(batch.fieldType(f + 1)).isEqualTo(FieldType.BOOLEAN);
    assertThat(batch.fieldBits(f + 1)).isZero();
  }

  @Test
  void sortsTagsAndFindsDuplicates() {
    PointBatch batch = new PointBatch();
    batch.point("m", 1).tag("c", "3").tag("a", "1").tag("b", "2").field("v", 1.0);
    assertThat(batch.sortTags(0)).isNull();
    int t = batch.tagStart(0);
    assertThat(new String[] {batch.tagKeys()[t], batch.tagKeys()[t + 1], batch.tagKeys()[t + 2]})
        .containsExactly("a", "b", "c");
    assertThat(batch.tagValues()[t + 2]).isEqualTo("3");
    batch.point("m", 2).tag("x", "1").tag("x", "2").field("v", 1.0);
    assertThat(batch.sortTags(1)).isEqualTo("x");
  }

  @Test
  void clearKeepsTheSourceAndEmptiesTheBatch() {
    PointBatch batch = new PointBatch().source("s");
    batch.point("m", 1).field("v", "text").field("b", new byte[] {1});
    batch.clear();
    assertThat(batch.size()).isZero();
    assertThat(batch.source()).isEqualTo("s");
    batch.point("m", 2).field("d", 1.5);
    assertThat(batch.fieldCount(0)).isEqualTo(1);
    assertThat(Double.longBitsToDouble(batch.fieldBits(batch.fieldStart(0)))).isEqualTo(1.5);
    assertThat(batch.fieldRef(batch.fieldStart(0))).isNull();
  }
}
