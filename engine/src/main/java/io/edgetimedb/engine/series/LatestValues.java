package io.edgetimedb.engine.series;

import io.edgetimedb.engine.chunk.ColumnVector;
import io.edgetimedb.engine.chunk.HeadChunk;
import io.edgetimedb.engine.chunk.RowBlock;
import io.edgetimedb.engine.memory.ObjectSizes;
import io.edgetimedb.engine.schema.FieldType;
import java.util.Arrays;

/**
 * The newest (timestamp, value) of each field of one series, kept by the write path so "the
 * last value" is answered without reading chunks. Indexed by field id; a value keeps the type it
 * was written as, like the chunks do, and is cast to the field's current type when read.
 *
 * <p>Arrays grow only when a series meets a field id it has not carried before, so in steady
 * state an update is four array stores. The owning {@link Series} guards it with its monitor.
 */
final class LatestValues {
  private long[] timestamps = new long[0];
  private FieldType[] types = new FieldType[0];
  private long[] bits = new long[0];
  private Object[] refs = new Object[0];

  /**
   * Takes the value when it is at least as new as the one held: the same timestamp written
   * again replaces the value, as it does in the chunks; a late point older than it changes nothing.
   */
  void offer(int fieldId, long ts, FieldType type, long valueBits, Object ref) {
    ensureCapacity(fieldId);
    if (types[fieldId] != null && ts < timestamps[fieldId]) {
      return;
    }
    timestamps[fieldId] = ts;
    types[fieldId] = type;
    bits[fieldId] = valueBits;
    refs[fieldId] = ref;
  }

  /** Takes every field of a written point. */
  void offer(long ts, FieldValues fields) {
    for (int i = 0; i < fields.fieldCount(); i++) {
      offer(fields.field(i).id(), ts, fields.valueType(i), fields.bits(i), fields.ref(i));
    }
  }

  /**
   * Takes, for each field this object does not hold yet, the newest value the rows carry. Used
   * to rebuild the values newest rows first, so a field found once is never overwritten.
   */
  void fillFrom(HeadChunk rows) {
    for (int slot = 0; slot < rows.columnCount(); slot++) {
      ColumnVector column = rows.columnAt(slot);
      if (column.presentCount() == 0 || has(column.fieldId())) {
        continue;
      }
      int row = newestPresentRow(column, rows.rows());
      offer(column.fieldId(), rows.timestamp(row), column.type(), column.rawBits(row), column.ref(row));
    }
  }

  private static int newestPresentRow(ColumnVector column, int rows) {
    int row = rows - 1;
    while (!column.isPresent(row)) {
      row--;
    }
    return row;
  }

  /**
   * Puts this series' value of the block's i-th field into the block's single row when the
   * value was written at {@code ts}; an older value means the row at {@code ts} lacks the field.
   */
  void copyInto(RowBlock block, int i, long ts) {
    int fieldId = block.fieldId(i);
    if (has(fieldId) && timestamps[fieldId] == ts) {
      block.setCell(i, types[fieldId], bits[fieldId], refs[fieldId]);
    }
  }

  /** Forgets every value, before a rebuild from the rows that are left. */
  void clear() {
    Arrays.fill(types, null);
    Arrays.fill(refs, null);
  }

  boolean has(int fieldId) {
    return fieldId < types.length && types[fieldId] != null;
  }

  long timestamp(int fieldId) {
    return timestamps[fieldId];
  }

  /** The value boxed in {@code readType}, the field's current type (at least as wide as the written one). */
  Object value(int fieldId, FieldType readType) {
    ColumnVector cell = new ColumnVector(fieldId, readType, 1);
    cell.set(0, types[fieldId], bits[fieldId], refs[fieldId]);
    return switch (readType) {
      case DOUBLE -> cell.getDouble(0);
      case BIGINT -> cell.getLong(0);
      case BOOLEAN -> cell.getBoolean(0);
      case VARCHAR -> cell.getString(0);
      case VARBINARY -> cell.getBytes(0);
    };
  }

  private void ensureCapacity(int fieldId) {
    if (fieldId < types.length) {
      return;
    }
    int capacity = Math.max(fieldId + 1, types.length * 2);
    timestamps = Arrays.copyOf(timestamps, capacity);
    types = Arrays.copyOf(types, capacity);
    bits = Arrays.copyOf(bits, capacity);
    refs = Arrays.copyOf(refs, capacity);
  }

  /**
   * Heap bytes of this object, its arrays and the strings and byte arrays it refers to. Those are
   * counted even while a head row still shares them: once sealed, only this object keeps them.
   */
  long bytesHeld() {
    long bytes = ObjectSizes.object(4 * ObjectSizes.REFERENCE) + 2 * ObjectSizes.longArray(types.length)
        + 2 * ObjectSizes.referenceArray(types.length);
    for (Object ref : refs) {
      if (ref instanceof String s) {
        bytes += ObjectSizes.string(s);
      } else if (ref instanceof byte[] b) {
        bytes += ObjectSizes.byteArray(b.length);
      }
    }
    return bytes;
  }
}
