package io.edgetimedb.engine.chunk;

import io.edgetimedb.engine.memory.ObjectSizes;
import io.edgetimedb.engine.schema.FieldType;

/**
 * An immutable, compressed run of rows of one series, with statistics that answer counts,
 * time bounds and min/max/sum without decompressing.
 *
 * <pre>
 * data (byte[]):
 * +-----------------------------+-----------------+-----+-------------------+
 * | timestamps                  | column 0        | ... | column n-1        |
 * | DeltaOfDeltaTimestampCodec  |                 |     |                   |
 * +-----------------------------+-----------------+-----+-------------------+
 *
 * column i (starts at its directory offset, ends where the next one starts):
 * +-------------------------------------------+-------------------------------------+
 * | presence: RunLengthBooleanCodec over rows | values of the present rows, dense,  |
 * | (only when some rows lack the field)      | in the codec of the stored type     |
 * +-------------------------------------------+-------------------------------------+
 *
 * directory (long[], five words per column):
 *   word 0  field id (bits 32-63) | sum overflowed (bit 8) | stored type code (bits 0-7)
 *   word 1  offset in data (bits 32-63) | present rows (bits 0-31)
 *   word 2  min: IEEE bits for DOUBLE (NaN ignored), the value for BIGINT, 0/1 for BOOLEAN
 *   word 3  max: likewise
 *   word 4  sum: IEEE bits for DOUBLE; for BIGINT the exact value, or the IEEE bits of
 *           the double sum when the exact one overflowed; the number of true rows for BOOLEAN
 * </pre>
 * Strings and byte arrays carry only the present-row count.
 */
public final class SealedChunk {
  static final int WORDS_PER_COLUMN = 5;
  static final long SUM_OVERFLOWED = 1L << 8;

  private final int rows;
  private final long minTimestamp;
  private final long maxTimestamp;
  private final byte[] data;
  private final long[] directory;

  public SealedChunk(int rows, long minTimestamp, long maxTimestamp, byte[] data, long[] directory) {
    this.rows = rows;
    this.minTimestamp = minTimestamp;
    this.maxTimestamp = maxTimestamp;
    this.data = data;
    this.directory = directory;
  }

  public int rows() {
    return rows;
  }

  public long minTimestamp() {
    return minTimestamp;
  }

  public long maxTimestamp() {
    return maxTimestamp;
  }

  /**
   * True when the chunk has rows in [fromInclusive, toExclusive); a {@code toExclusive} of
   * Long.MAX_VALUE means no upper bound, so that timestamp itself stays readable.
   */
  public boolean overlaps(long fromInclusive, long toExclusive) {
    return maxTimestamp >= fromInclusive && (minTimestamp < toExclusive || toExclusive == Long.MAX_VALUE);
  }

  public byte[] data() {
    return data;
  }

  public long[] directory() {
    return directory;
  }

  public int columnCount() {
    return directory.length / WORDS_PER_COLUMN;
  }

  /** The column index of a field, or -1 when no row of this chunk carries it. */
  public int columnOf(int fieldId) {
    for (int i = 0; i < columnCount(); i++) {
      if (fieldId(i) == fieldId) {
        return i;
      }
    }
    return -1;
  }

  public int fieldId(int column) {
    return (int) (directory[column * WORDS_PER_COLUMN] >>> 32);
  }

  public FieldType storedType(int column) {
    return FieldType.ofCode((int) (directory[column * WORDS_PER_COLUMN] & 0xff));
  }

  public int presentRows(int column) {
    return (int) directory[column * WORDS_PER_COLUMN + 1];
  }

  int offset(int column) {
    return (int) (directory[column * WORDS_PER_COLUMN + 1] >>> 32);
  }

  int end(int column) {
    return column + 1 < columnCount() ? offset(column + 1) : data.length;
  }

  /** Where the timestamp encoding ends. */
  int timestampsEnd() {
    return columnCount() == 0 ? data.length : offset(0);
  }

  /** Minimum of a numeric or boolean column, as a double. */
  public double min(int column) {
    return statistic(column, 2);
  }

  public double max(int column) {
    return statistic(column, 3);
  }

  /** Sum of a numeric column as a double (exact for BIGINT only through {@link #longSum}). */
  public double sum(int column) {
    return statistic(column, 4);
  }

  /** Exact sum of a BIGINT column; throws when it overflowed a long. */
  public long longSum(int column) {
    if (sumOverflowed(column)) {
      throw new ArithmeticException("sum of column " + column + " overflows a long");
    }
    return directory[column * WORDS_PER_COLUMN + 4];
  }

  /** Exact minimum of a BIGINT or BOOLEAN column. */
  public long longMin(int column) {
    return directory[column * WORDS_PER_COLUMN + 2];
  }

  public long longMax(int column) {
    return directory[column * WORDS_PER_COLUMN + 3];
  }

  private double statistic(int column, int word) {
    long bits = directory[column * WORDS_PER_COLUMN + word];
    FieldType type = storedType(column);
    if (type == FieldType.DOUBLE || (word == 4 && sumOverflowed(column))) {
      return Double.longBitsToDouble(bits);
    }
    if (type == FieldType.BIGINT || type == FieldType.BOOLEAN) {
      return bits;
    }
    throw new IllegalStateException("no statistics for a " + type + " column");
  }

  private boolean sumOverflowed(int column) {
    return (directory[column * WORDS_PER_COLUMN] & SUM_OVERFLOWED) != 0;
  }

  /** Heap bytes held by this chunk, its data and its directory. */
  public long bytesHeld() {
    return ObjectSizes.object(4 + 8 + 8 + 2 * ObjectSizes.REFERENCE)
        + ObjectSizes.byteArray(data.length)
        + ObjectSizes.longArray(directory.length);
  }
}
