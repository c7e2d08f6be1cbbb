package io.edgetimedb.engine.lineprotocol;

import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.write.PointBatch;
import java.util.Arrays;

/**
 * The point of the line being parsed, held until the whole line has parsed so that a fault
 * anywhere in it leaves the batch untouched. It is also where a repeated field is resolved:
 * InfluxDB keeps the last value written for a field within a line, so a repeat replaces the
 * earlier value (and type) in place, keeping the field's first position. Arrays grow once to
 * the widest line seen and are reused.
 */
final class PendingPoint {
  private String measurement;
  private long timestamp;
  private int tags;
  private String[] tagKeys = new String[8];
  private String[] tagValues = new String[8];
  private int fields;
  private String[] fieldNames = new String[8];
  private FieldType[] fieldTypes = new FieldType[8];
  private long[] fieldBits = new long[8];
  private String[] fieldStrings = new String[8];

  void start(String measurement) {
    this.measurement = measurement;
    Arrays.fill(fieldStrings, 0, fields, null);
    tags = 0;
    fields = 0;
  }

  void timestamp(long millis) {
    timestamp = millis;
  }

  /** Adds a tag; false when the point already has a tag with this key (InfluxDB refuses that). */
  boolean tag(String key, String value) {
    for (int t = 0; t < tags; t++) {
      if (tagKeys[t].equals(key)) {
        return false;
      }
    }
    if (tags == tagKeys.length) {
      tagKeys = Arrays.copyOf(tagKeys, tags * 2);
      tagValues = Arrays.copyOf(tagValues, tags * 2);
    }
    tagKeys[tags] = key;
    tagValues[tags] = value;
    tags++;
    return true;
  }

  void field(String name, FieldType type, long bits, String text) {
    int f = 0;
    while (f < fields && !fieldNames[f].equals(name)) {
      f++;
    }
    if (f == fields) {
      if (fields == fieldNames.length) {
        grow();
      }
      fields++;
    }
    fieldNames[f] = name;
    fieldTypes[f] = type;
    fieldBits[f] = bits;
    fieldStrings[f] = text;
  }

  int fieldCount() {
    return fields;
  }

  void appendTo(PointBatch batch) {
    batch.point(measurement, timestamp);
    for (int t = 0; t < tags; t++) {
      batch.tag(tagKeys[t], tagValues[t]);
    }
    for (int f = 0; f < fields; f++) {
      switch (fieldTypes[f]) {
        case DOUBLE -> batch.field(fieldNames[f], Double.longBitsToDouble(fieldBits[f]));
        case BIGINT -> batch.field(fieldNames[f], fieldBits[f]);
        case BOOLEAN -> batch.field(fieldNames[f], fieldBits[f] != 0);
        default -> batch.field(fieldNames[f], fieldStrings[f]);
      }
    }
  }

  private void grow() {
    int n = fields * 2;
    fieldNames = Arrays.copyOf(fieldNames, n);
    fieldTypes = Arrays.copyOf(fieldTypes, n);
    fieldBits = Arrays.copyOf(fieldBits, n);
    fieldStrings = Arrays.copyOf(fieldStrings, n);
  }
}
