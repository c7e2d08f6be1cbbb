package io.edgetimedb.server.bench.peer;

import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.write.PointBatch;
import java.util.Arrays;

/**
 * Walks a batch of the plant feed point by point in the shape of the peers' tables: which
 * {@link PlantTable}, the timestamp, the tag values in {@link PlantTable#TAGS} order and the one
 * field. A point of another shape is refused with an {@link IllegalArgumentException} naming
 * the point and what is wrong, rather than stored in the wrong column.
 */
final class PlantPoints {
  private final PointBatch batch;
  private final String[] tags = new String[PlantTable.TAGS.size()];
  private int point = -1;
  private int table;
  private int field;

  PlantPoints(PointBatch batch) {
    this.batch = batch;
  }

  /** Moves to the next point; false after the last. */
  boolean next() {
    if (++point >= batch.size()) {
      return false;
    }
    table = table();
    readTags();
    field = field();
    return true;
  }

  int tableIndex() {
    return table;
  }

  long timestamp() {
    return batch.timestamp(point);
  }

  /** The value of {@code PlantTable.TAGS.get(i)}. */
  String tag(int i) {
    return tags[i];
  }

  FieldType type() {
    return batch.fieldType(field);
  }

  double doubleValue() {
    return Double.longBitsToDouble(batch.fieldBits(field));
  }

  long longValue() {
    return batch.fieldBits(field);
  }

  boolean booleanValue() {
    return batch.fieldBits(field) != 0;
  }

  String stringValue() {
    return (String) batch.fieldRef(field);
  }

  private int table() {
    int index = PlantTable.indexOf(batch.measurement(point));
    if (index < 0) {
      throw refused("measurement '" + batch.measurement(point) + "' is not one of the plant feed's ("
          + PlantTable.measurements() + ")");
    }
    return index;
  }

  private void readTags() {
    Arrays.fill(tags, null);
    for (int t = batch.tagStart(point); t < batch.tagStart(point) + batch.tagCount(point); t++) {
      int column = PlantTable.TAGS.indexOf(batch.tagKeys()[t]);
      if (column < 0) {
        throw refused("tag '" + batch.tagKeys()[t] + "' is not one of the plant feed's " + PlantTable.TAGS);
      }
      tags[column] = batch.tagValues()[t];
    }
    for (int i = 0; i < tags.length; i++) {
      if (tags[i] == null) {
        throw refused("tag '" + PlantTable.TAGS.get(i) + "' is missing");
      }
    }
  }

  private int field() {
    PlantTable expected = PlantTable.ALL.get(table);
    int start = batch.fieldStart(point);
    if (batch.fieldCount(point) != 1 || !batch.fieldName(start).equals(expected.field())
        || batch.fieldType(start) != expected.type()) {
      String got = batch.fieldCount(point) == 0 ? "no field"
          : batch.fieldCount(point) + " field(s), the first '" + batch.fieldName(start) + "' " + batch.fieldType(start);
      throw refused("expected one field '" + expected.field() + "' " + expected.type() + ", got " + got);
    }
    return start;
  }

  private IllegalArgumentException refused(String why) {
    return new IllegalArgumentException("point " + point + " (" + batch.measurement(point) + " at "
        + batch.timestamp(point) + "): " + why);
  }
}
