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
 *
 * <p>Repeats are found through {@link #positions}, an open-addressing table from a field name's
 * hash to its position, so a line of tens of thousands of fields costs a few comparisons per
 * field rather than one per earlier field. A slot counts as taken only when its stamp is the
 * current line's, so starting a line clears nothing.
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
  /** Per slot: a position in the field arrays; at most half the slots are taken. */
  private int[] positions = new int[16];
  private int[] stamps = new int[16];
  private int line = 1;
  /** Name comparisons made finding repeated fields, so a test can hold that work linear. */
  private long nameComparisons;

  void start(String measurement) {
    this.measurement = measurement;
    Arrays.fill(fieldStrings, 0, fields, null);
    tags = 0;
    fields = 0;
    if (++line == 0) {
      Arrays.fill(stamps, 0);
      line = 1;
    }
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
    if (2 * (fields + 1) > positions.length) {
      rehash(2 * positions.length);
    }
    int slot = slotOf(name);
    int f;
    if (stamps[slot] == line) {
      f = positions[slot];
    } else {
      if (fields == fieldNames.length) {
        grow();
      }
      f = fields++;
      stamps[slot] = line;
      positions[slot] = f;
    }
    fieldNames[f] = name;
    fieldTypes[f] = type;
    fieldBits[f] = bits;
    fieldStrings[f] = text;
  }

  long nameComparisons() {
    return nameComparisons;
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

  /** The slot holding {@code name} in this line, or the free slot where it belongs. */
  private int slotOf(String name) {
    int mask = positions.length - 1;
    int slot = spread(name.hashCode()) & mask;
    while (stamps[slot] == line) {
      nameComparisons++;
      if (fieldNames[positions[slot]].equals(name)) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void rehash(int slots) {
    positions = new int[slots];
    stamps = new int[slots];
    for (int f = 0; f < fields; f++) {
      int slot = slotOf(fieldNames[f]);
      stamps[slot] = line;
      positions[slot] = f;
    }
  }

  /** Names like f1, f2, f3 have consecutive hashes; scattering keeps their probe runs apart. */
  private static int spread(int hash) {
    return (hash * 0x9E3779B9) >>> 7;
  }

  private void grow() {
    int n = fields * 2;
    fieldNames = Arrays.copyOf(fieldNames, n);
    fieldTypes = Arrays.copyOf(fieldTypes, n);
    fieldBits = Arrays.copyOf(fieldBits, n);
    fieldStrings = Arrays.copyOf(fieldStrings, n);
  }
}
