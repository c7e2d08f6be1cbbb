package io.edgetimedb.engine.chunk;

import io.edgetimedb.engine.memory.ObjectSizes;
import io.edgetimedb.engine.schema.FieldType;
import java.util.Arrays;

/**
 * The values of one field over the rows of a chunk, in the type they are stored as, with a
 * presence flag per row (a field may be missing from a point). Heads write into it; readers
 * decode sealed chunks into it and read values cast to the field's current, possibly wider
 * type. Only the array of the stored type is allocated.
 */
public final class ColumnVector {
  private final int fieldId;
  private FieldType type;
  private boolean[] present;
  private int presentCount;
  private double[] doubles;
  private long[] longs;
  private boolean[] booleans;
  private Object[] refs;

  public ColumnVector(int fieldId, FieldType type, int capacity) {
    this.fieldId = fieldId;
    this.type = type;
    this.present = new boolean[capacity];
    allocate(capacity);
  }

  public int fieldId() {
    return fieldId;
  }

  public FieldType type() {
    return type;
  }

  public int capacity() {
    return present.length;
  }

  public int presentCount() {
    return presentCount;
  }

  public boolean isPresent(int row) {
    return present[row];
  }

  /** Writes a value given in its written type, converted to the column's type (which is at least as wide). */
  public void set(int row, FieldType valueType, long bits, Object ref) {
    if (!present[row]) {
      present[row] = true;
      presentCount++;
    }
    switch (type) {
      case DOUBLE -> doubles[row] = valueType == FieldType.DOUBLE ? Double.longBitsToDouble(bits) : (double) bits;
      case BIGINT, BOOLEAN -> storeLong(row, bits);
      case VARCHAR -> refs[row] = valueType == FieldType.VARCHAR ? ref : render(valueType, bits);
      case VARBINARY -> refs[row] = ref;
    }
  }

  private void storeLong(int row, long bits) {
    if (type == FieldType.BOOLEAN) {
      booleans[row] = bits != 0;
    } else {
      longs[row] = bits;
    }
  }

  /** Marks the row absent, dropping any reference it held. */
  public void clear(int row) {
    if (present[row]) {
      present[row] = false;
      presentCount--;
    }
    if (refs != null) {
      refs[row] = null;
    }
  }

  /** Forgets every row: a sealed head starts over with the same arrays. */
  public void clearAll(int rows) {
    Arrays.fill(present, 0, rows, false);
    presentCount = 0;
    if (refs != null) {
      Arrays.fill(refs, 0, rows, null);
    }
  }

  /** Moves rows [row, rows) up by one so that {@code row} is free and absent. */
  public void openGap(int row, int rows) {
    System.arraycopy(present, row, present, row + 1, rows - row);
    Object values = values();
    System.arraycopy(values, row, values, row + 1, rows - row);
    present[row] = false;
    if (refs != null) {
      refs[row] = null;
    }
  }

  /** Removes rows [from, to) of the first {@code rows}, moving later rows down. */
  public void removeRows(int from, int to, int rows) {
    for (int row = from; row < to; row++) {
      if (present[row]) {
        presentCount--;
      }
    }
    System.arraycopy(present, to, present, from, rows - to);
    Object values = values();
    System.arraycopy(values, to, values, from, rows - to);
    int newRows = rows - (to - from);
    Arrays.fill(present, newRows, rows, false);
    if (refs != null) {
      Arrays.fill(refs, newRows, rows, null);
    }
  }

  public void grow(int capacity) {
    present = Arrays.copyOf(present, capacity);
    switch (type) {
      case DOUBLE -> doubles = Arrays.copyOf(doubles, capacity);
      case BIGINT -> longs = Arrays.copyOf(longs, capacity);
      case BOOLEAN -> booleans = Arrays.copyOf(booleans, capacity);
      case VARCHAR, VARBINARY -> refs = Arrays.copyOf(refs, capacity);
    }
  }

  /**
   * Converts the stored values to a wider type in place; used when a head column meets a
   * widened field (sealed chunks keep their type and are cast on read instead).
   */
  public void widenTo(FieldType wider, int rows) {
    ColumnVector converted = new ColumnVector(fieldId, wider, present.length);
    for (int row = 0; row < rows; row++) {
      if (present[row]) {
        converted.set(row, type, rawBits(row), type == FieldType.VARCHAR ? refs[row] : null);
      }
    }
    type = wider;
    present = converted.present;
    doubles = converted.doubles;
    longs = converted.longs;
    booleans = converted.booleans;
    refs = converted.refs;
  }

  /** Copies rows [from, from + length) of another vector of the same stored type to row {@code at}. */
  public void copyRows(ColumnVector source, int from, int at, int length) {
    System.arraycopy(source.present, from, present, at, length);
    System.arraycopy(source.values(), from, values(), at, length);
    presentCount = countPresent(at + length);
  }

  private int countPresent(int rows) {
    int n = 0;
    for (int i = 0; i < rows; i++) {
      if (present[i]) {
        n++;
      }
    }
    return n;
  }

  /** Makes this a vector of the given type and capacity for decoding into, reusing arrays. */
  public void prepare(FieldType storedType, int rows) {
    if (storedType != type) {
      type = storedType;
      doubles = null;
      longs = null;
      booleans = null;
      refs = null;
      allocate(Math.max(rows, present.length));
    } else if (rows > present.length) {
      grow(rows);
    }
    if (rows > present.length) {
      present = Arrays.copyOf(present, rows);
    }
    presentCount = 0;
  }

  /** Sets the presence of the first {@code rows} rows, as decoded from a chunk. */
  public void setPresence(boolean[] flags, int rows, int count) {
    System.arraycopy(flags, 0, present, 0, rows);
    presentCount = count;
  }

  public void markAllPresent(int rows) {
    Arrays.fill(present, 0, rows, true);
    presentCount = rows;
  }

  public double getDouble(int row) {
    return switch (type) {
      case DOUBLE -> doubles[row];
      case BIGINT -> longs[row];
      case BOOLEAN -> booleans[row] ? 1 : 0;
      default -> throw castError(FieldType.DOUBLE);
    };
  }

  public long getLong(int row) {
    return switch (type) {
      case BIGINT -> longs[row];
      case BOOLEAN -> booleans[row] ? 1 : 0;
      case DOUBLE -> (long) doubles[row];
      default -> throw castError(FieldType.BIGINT);
    };
  }

  public boolean getBoolean(int row) {
    return switch (type) {
      case BOOLEAN -> booleans[row];
      case BIGINT -> longs[row] != 0;
      case DOUBLE -> doubles[row] != 0;
      default -> throw castError(FieldType.BOOLEAN);
    };
  }

  public String getString(int row) {
    return type == FieldType.VARCHAR ? (String) refs[row] : render(type, rawBits(row));
  }

  public byte[] getBytes(int row) {
    if (type != FieldType.VARBINARY) {
      throw castError(FieldType.VARBINARY);
    }
    return (byte[]) refs[row];
  }

  /** The stored value as the raw bits the write path carries (doubles as their IEEE bits). */
  public long rawBits(int row) {
    return switch (type) {
      case DOUBLE -> Double.doubleToRawLongBits(doubles[row]);
      case BIGINT -> longs[row];
      case BOOLEAN -> booleans[row] ? 1 : 0;
      default -> 0;
    };
  }

  public Object ref(int row) {
    return refs == null ? null : refs[row];
  }

  double[] doubles() {
    return doubles;
  }

  long[] longs() {
    return longs;
  }

  boolean[] booleans() {
    return booleans;
  }

  Object[] refs() {
    return refs;
  }

  boolean[] presence() {
    return present;
  }

  /** Heap bytes of this vector, its arrays and the strings or byte arrays it references. */
  public long bytesHeld(int rows) {
    long bytes = ObjectSizes.object(8 * ObjectSizes.REFERENCE) + ObjectSizes.booleanArray(present.length);
    return bytes + switch (type) {
      case DOUBLE -> ObjectSizes.doubleArray(doubles.length);
      case BIGINT -> ObjectSizes.longArray(longs.length);
      case BOOLEAN -> ObjectSizes.booleanArray(booleans.length);
      case VARCHAR, VARBINARY -> ObjectSizes.referenceArray(refs.length) + referencedBytes(rows);
    };
  }

  /**
   * Bytes of the referenced values. A value repeated by reference in consecutive rows (a status
   * that stays "OK") is one object on the heap, so it is counted once per run.
   */
  private long referencedBytes(int rows) {
    long bytes = 0;
    Object previous = null;
    for (int row = 0; row < rows; row++) {
      Object ref = refs[row];
      if (ref == previous) {
        continue;
      }
      previous = ref;
      if (ref instanceof String s) {
        bytes += ObjectSizes.string(s);
      } else if (ref instanceof byte[] b) {
        bytes += ObjectSizes.byteArray(b.length);
      }
    }
    return bytes;
  }

  private void allocate(int capacity) {
    switch (type) {
      case DOUBLE -> doubles = new double[capacity];
      case BIGINT -> longs = new long[capacity];
      case BOOLEAN -> booleans = new boolean[capacity];
      case VARCHAR, VARBINARY -> refs = new Object[capacity];
    }
  }

  private Object values() {
    return switch (type) {
      case DOUBLE -> doubles;
      case BIGINT -> longs;
      case BOOLEAN -> booleans;
      case VARCHAR, VARBINARY -> refs;
    };
  }

  private static String render(FieldType valueType, long bits) {
    return switch (valueType) {
      case DOUBLE -> Double.toString(Double.longBitsToDouble(bits));
      case BIGINT -> Long.toString(bits);
      case BOOLEAN -> bits != 0 ? "true" : "false";
      default -> throw new IllegalArgumentException("cannot render " + valueType + " as text");
    };
  }

  private IllegalStateException castError(FieldType wanted) {
    return new IllegalStateException("field " + fieldId + " is stored as " + type + " and cannot be read as " + wanted);
  }
}
