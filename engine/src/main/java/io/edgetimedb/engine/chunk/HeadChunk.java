package io.edgetimedb.engine.chunk;

import io.edgetimedb.engine.memory.ObjectSizes;
import io.edgetimedb.engine.schema.FieldType;
import java.util.Arrays;
import java.util.Objects;

/**
 * The mutable newest rows of one series: a sorted timestamp array and one {@link ColumnVector}
 * per field the rows carry. Arrays grow by doubling up to the chunk size and are reused after
 * each seal, so a series in steady state writes without allocating.
 *
 * <p>Rows stay sorted by timestamp: appends are the common case, a late point is inserted by
 * shifting, and a timestamp written twice updates the fields of its existing row.
 */
public final class HeadChunk {
  private static final int INITIAL_CAPACITY = 16;

  private long[] timestamps;
  private int rows;
  /** Slots {@code [0, columnCount)} are in use; the array doubles, so a wide point costs O(1) per new field. */
  private ColumnVector[] columns = new ColumnVector[0];
  private int columnCount;
  private int[] slotOfField = new int[0];

  public HeadChunk() {
    this(INITIAL_CAPACITY);
  }

  HeadChunk(int capacity) {
    timestamps = new long[capacity];
  }

  public int rows() {
    return rows;
  }

  public boolean isEmpty() {
    return rows == 0;
  }

  public long timestamp(int row) {
    return timestamps[row];
  }

  public long minTimestamp() {
    return timestamps[0];
  }

  public long maxTimestamp() {
    return timestamps[rows - 1];
  }

  long[] timestamps() {
    return timestamps;
  }

  public int columnCount() {
    return columnCount;
  }

  public ColumnVector columnAt(int slot) {
    return columns[Objects.checkIndex(slot, columnCount)];
  }

  /** The column of a field, or null when no row of this head carries it. */
  public ColumnVector column(int fieldId) {
    return fieldId < slotOfField.length && slotOfField[fieldId] >= 0 ? columns[slotOfField[fieldId]] : null;
  }

  /**
   * The column a value of the field is written to, created on first use and widened to the
   * field's current type when the schema has widened since.
   */
  public ColumnVector columnFor(int fieldId, FieldType fieldType) {
    ColumnVector column = column(fieldId);
    if (column == null) {
      return addColumn(fieldId, fieldType);
    }
    if (column.type() != fieldType) {
      column.widenTo(fieldType, rows);
    }
    return column;
  }

  private ColumnVector addColumn(int fieldId, FieldType fieldType) {
    if (fieldId >= slotOfField.length) {
      int old = slotOfField.length;
      slotOfField = Arrays.copyOf(slotOfField, Math.max(fieldId + 1, old * 2));
      Arrays.fill(slotOfField, old, slotOfField.length, -1);
    }
    ColumnVector column = new ColumnVector(fieldId, fieldType, timestamps.length);
    if (columnCount == columns.length) {
      columns = Arrays.copyOf(columns, Math.max(1, 2 * columnCount));
    }
    columns[columnCount] = column;
    slotOfField[fieldId] = columnCount++;
    return column;
  }

  /** The row holding {@code ts}, inserted (all fields absent) when there is none yet. */
  public int rowFor(long ts) {
    if (rows == 0 || ts > timestamps[rows - 1]) {
      ensureCapacity(rows + 1);
      timestamps[rows] = ts;
      return rows++;
    }
    int found = Arrays.binarySearch(timestamps, 0, rows, ts);
    if (found >= 0) {
      return found;
    }
    return insertRow(-found - 1, ts);
  }

  private int insertRow(int row, long ts) {
    ensureCapacity(rows + 1);
    System.arraycopy(timestamps, row, timestamps, row + 1, rows - row);
    timestamps[row] = ts;
    for (int c = 0; c < columnCount; c++) {
      columns[c].openGap(row, rows);
    }
    rows++;
    return row;
  }

  private void ensureCapacity(int needed) {
    if (needed <= timestamps.length) {
      return;
    }
    int capacity = Math.max(needed, timestamps.length * 2);
    timestamps = Arrays.copyOf(timestamps, capacity);
    for (int c = 0; c < columnCount; c++) {
      columns[c].grow(capacity);
    }
  }

  /** Deletes the rows with timestamps in [from, to); returns how many went. */
  public int deleteRange(long from, long to) {
    int lo = lowerBound(from);
    int hi = to == Long.MAX_VALUE ? rows : lowerBound(to);
    if (hi <= lo) {
      return 0;
    }
    System.arraycopy(timestamps, hi, timestamps, lo, rows - hi);
    for (int c = 0; c < columnCount; c++) {
      columns[c].removeRows(lo, hi, rows);
    }
    rows -= hi - lo;
    return hi - lo;
  }

  /** First row whose timestamp is at least {@code ts}. */
  public int lowerBound(long ts) {
    return lowerBound(timestamps, rows, ts);
  }

  /** First index in the sorted {@code timestamps[0, rows)} holding at least {@code ts}. */
  static int lowerBound(long[] timestamps, int rows, long ts) {
    int lo = 0;
    int hi = rows;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (timestamps[mid] < ts) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Takes over the rows, columns and arrays of another head (one a checkpoint's chunk was decoded into). */
  public void loadFrom(HeadChunk other) {
    timestamps = other.timestamps;
    rows = other.rows;
    columns = other.columns;
    columnCount = other.columnCount;
    slotOfField = other.slotOfField;
  }

  /** Empties the head after its rows were sealed; arrays and columns are kept for reuse. */
  public void reset() {
    for (int c = 0; c < columnCount; c++) {
      columns[c].clearAll(rows);
    }
    rows = 0;
  }

  /** Heap bytes held: this object, the timestamp array and every column. */
  public long bytesHeld() {
    long bytes = ObjectSizes.object(2 * 4 + 3 * ObjectSizes.REFERENCE)
        + ObjectSizes.longArray(timestamps.length)
        + ObjectSizes.referenceArray(columns.length)
        + ObjectSizes.intArray(slotOfField.length);
    for (int c = 0; c < columnCount; c++) {
      bytes += columns[c].bytesHeld(rows);
    }
    return bytes;
  }
}
