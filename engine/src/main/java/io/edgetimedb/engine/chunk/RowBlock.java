package io.edgetimedb.engine.chunk;

import io.edgetimedb.engine.schema.FieldType;
import java.util.Arrays;

/**
 * A reader's window onto rows of one series: timestamps plus the columns of the requested
 * fields (null where the rows carry no such field). Filled either by decoding a sealed chunk
 * or by copying a head under the series lock, and reused for the next chunk.
 */
public final class RowBlock {
  private final int[] fieldIds;
  private final ColumnVector[] vectors;
  private final ColumnVector[] columns;
  private long[] timestamps = new long[0];
  private int rows;

  /** A block for the given field ids. */
  public RowBlock(int[] fieldIds) {
    this.fieldIds = fieldIds.clone();
    this.vectors = new ColumnVector[fieldIds.length];
    this.columns = new ColumnVector[fieldIds.length];
  }

  public int rows() {
    return rows;
  }

  public long timestamp(int row) {
    return timestamps[row];
  }

  /** The column of the i-th requested field, or null when no row here carries it. */
  public ColumnVector column(int i) {
    return columns[i];
  }

  /** First row whose timestamp is at least {@code ts}. */
  public int lowerBound(long ts) {
    return HeadChunk.lowerBound(timestamps, rows, ts);
  }

  /** First row at or past the exclusive end {@code toExclusive}; Long.MAX_VALUE means past every row. */
  public int upperBound(long toExclusive) {
    return toExclusive == Long.MAX_VALUE ? rows : lowerBound(toExclusive);
  }

  /** Decodes the timestamps and the requested columns of a sealed chunk. */
  public void decode(SealedChunk chunk, ChunkDecoder decoder) {
    rows = chunk.rows();
    ensureTimestamps(rows);
    decoder.decodeTimestamps(chunk, timestamps);
    for (int i = 0; i < fieldIds.length; i++) {
      int column = chunk.columnOf(fieldIds[i]);
      if (column < 0) {
        columns[i] = null;
        continue;
      }
      ColumnVector vector = vector(i, chunk.storedType(column), rows);
      decoder.decodeColumn(chunk, column, vector);
      columns[i] = vector;
    }
  }

  /** Copies rows [from, to) of a head; the caller holds the series lock. */
  public void copy(HeadChunk head, int from, int to) {
    rows = to - from;
    ensureTimestamps(rows);
    System.arraycopy(head.timestamps(), from, timestamps, 0, rows);
    for (int i = 0; i < fieldIds.length; i++) {
      ColumnVector source = head.column(fieldIds[i]);
      if (source == null || rows == 0) {
        columns[i] = null;
        continue;
      }
      ColumnVector vector = vector(i, source.type(), rows);
      vector.prepare(source.type(), rows);
      vector.copyRows(source, from, 0, rows);
      columns[i] = vector;
    }
  }

  /** The field id of the i-th requested field. */
  public int fieldId(int i) {
    return fieldIds[i];
  }

  public int fieldCount() {
    return fieldIds.length;
  }

  /** Makes this block a single row at {@code ts} carrying no field yet; {@link #setCell} fills it. */
  public void singleRow(long ts) {
    rows = 1;
    ensureTimestamps(1);
    timestamps[0] = ts;
    Arrays.fill(columns, null);
  }

  /** Gives the single row its value of the i-th requested field, in the type it was written as. */
  public void setCell(int i, FieldType writtenType, long bits, Object ref) {
    ColumnVector vector = vector(i, writtenType, 1);
    vector.prepare(writtenType, 1);
    vector.clearAll(1);
    vector.set(0, writtenType, bits, ref);
    columns[i] = vector;
  }

  private ColumnVector vector(int i, FieldType type, int capacity) {
    if (vectors[i] == null) {
      vectors[i] = new ColumnVector(fieldIds[i], type, capacity);
    }
    return vectors[i];
  }

  private void ensureTimestamps(int n) {
    if (timestamps.length < n) {
      timestamps = Arrays.copyOf(timestamps, Math.max(n, timestamps.length * 2));
    }
  }
}
