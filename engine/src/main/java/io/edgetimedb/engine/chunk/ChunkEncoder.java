package io.edgetimedb.engine.chunk;

import io.edgetimedb.engine.chunkenc.ByteSink;
import io.edgetimedb.engine.chunkenc.DeltaOfDeltaTimestampCodec;
import io.edgetimedb.engine.chunkenc.DeltaZigZagLongCodec;
import io.edgetimedb.engine.chunkenc.DictionaryStringCodec;
import io.edgetimedb.engine.chunkenc.DoubleColumnCodec;
import io.edgetimedb.engine.chunkenc.RunLengthBooleanCodec;
import io.edgetimedb.engine.chunkenc.SnappyBytesCodec;
import io.edgetimedb.engine.schema.FieldType;
import java.util.Arrays;

/**
 * Seals a head into a {@link SealedChunk}: one codec per column type, statistics on the way.
 * Holds the codecs' scratch space, so one encoder serves one thread and sealing allocates
 * only the chunk itself.
 */
public final class ChunkEncoder {
  private final ByteSink sink = new ByteSink(8192);
  private final DeltaOfDeltaTimestampCodec timestampCodec = new DeltaOfDeltaTimestampCodec();
  private final DoubleColumnCodec doubleCodec = new DoubleColumnCodec();
  private final DeltaZigZagLongCodec longCodec = new DeltaZigZagLongCodec();
  private final RunLengthBooleanCodec booleanCodec = new RunLengthBooleanCodec();
  private final DictionaryStringCodec stringCodec = new DictionaryStringCodec();
  private final SnappyBytesCodec bytesCodec = new SnappyBytesCodec();
  private double[] denseDoubles = new double[0];
  private long[] denseLongs = new long[0];
  private boolean[] denseBooleans = new boolean[0];
  private String[] denseStrings = new String[0];
  private byte[][] denseBytes = new byte[0][];

  /** Encodes the head's rows; columns no row carries are left out. */
  public SealedChunk encode(HeadChunk head) {
    int rows = head.rows();
    sink.reset();
    timestampCodec.encode(head.timestamps(), rows, sink);
    long[] directory = new long[carriedColumns(head) * SealedChunk.WORDS_PER_COLUMN];
    int column = 0;
    for (int slot = 0; slot < head.columnCount(); slot++) {
      ColumnVector vector = head.columnAt(slot);
      if (vector.presentCount() > 0) {
        encodeColumn(vector, rows, directory, column++ * SealedChunk.WORDS_PER_COLUMN);
      }
    }
    return new SealedChunk(rows, head.minTimestamp(), head.maxTimestamp(), sink.toByteArray(), directory);
  }

  private static int carriedColumns(HeadChunk head) {
    int carried = 0;
    for (int slot = 0; slot < head.columnCount(); slot++) {
      if (head.columnAt(slot).presentCount() > 0) {
        carried++;
      }
    }
    return carried;
  }

  private void encodeColumn(ColumnVector vector, int rows, long[] directory, int at) {
    int present = vector.presentCount();
    directory[at] = ((long) vector.fieldId() << 32) | (vector.type().code() & 0xff);
    directory[at + 1] = ((long) sink.size() << 32) | present;
    if (present < rows) {
      booleanCodec.encode(vector.presence(), rows, sink);
    }
    switch (vector.type()) {
      case DOUBLE -> encodeDoubles(vector, rows, directory, at);
      case BIGINT -> encodeLongs(vector, rows, directory, at);
      case BOOLEAN -> encodeBooleans(vector, rows, directory, at);
      case VARCHAR -> encodeStrings(vector, rows);
      case VARBINARY -> encodeBytes(vector, rows);
    }
  }

  private void encodeDoubles(ColumnVector vector, int rows, long[] directory, int at) {
    double[] values = vector.doubles();
    if (vector.presentCount() < rows) {
      denseDoubles = grow(denseDoubles, rows);
      values = gather(vector.presence(), values, rows, denseDoubles);
    }
    int n = vector.presentCount();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double v = values[i];
      min = v < min ? v : min;
      max = v > max ? v : max;
      sum += v;
    }
    boolean anyOrdered = min <= max;
    directory[at + 2] = Double.doubleToRawLongBits(anyOrdered ? min : Double.NaN);
    directory[at + 3] = Double.doubleToRawLongBits(anyOrdered ? max : Double.NaN);
    directory[at + 4] = Double.doubleToRawLongBits(sum);
    doubleCodec.encode(values, n, sink);
  }

  private void encodeLongs(ColumnVector vector, int rows, long[] directory, int at) {
    long[] values = vector.longs();
    if (vector.presentCount() < rows) {
      denseLongs = grow(denseLongs, rows);
      values = gather(vector.presence(), values, rows, denseLongs);
    }
    int n = vector.presentCount();
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    long sum = 0;
    double approximateSum = 0;
    boolean overflowed = false;
    for (int i = 0; i < n; i++) {
      long v = values[i];
      min = Math.min(min, v);
      max = Math.max(max, v);
      long next = sum + v;
      overflowed |= ((sum ^ next) & (v ^ next)) < 0;
      sum = next;
      approximateSum += v;
    }
    if (overflowed) {
      directory[at] |= SealedChunk.SUM_OVERFLOWED;
    }
    directory[at + 2] = min;
    directory[at + 3] = max;
    directory[at + 4] = overflowed ? Double.doubleToRawLongBits(approximateSum) : sum;
    longCodec.encode(values, n, sink);
  }

  private void encodeBooleans(ColumnVector vector, int rows, long[] directory, int at) {
    boolean[] values = vector.booleans();
    if (vector.presentCount() < rows) {
      denseBooleans = grow(denseBooleans, rows);
      values = gather(vector.presence(), values, rows, denseBooleans);
    }
    int n = vector.presentCount();
    long trues = 0;
    for (int i = 0; i < n; i++) {
      trues += values[i] ? 1 : 0;
    }
    directory[at + 2] = trues == n ? 1 : 0;
    directory[at + 3] = trues > 0 ? 1 : 0;
    directory[at + 4] = trues;
    booleanCodec.encode(values, n, sink);
  }

  private void encodeStrings(ColumnVector vector, int rows) {
    denseStrings = grow(denseStrings, rows);
    gatherRefs(vector, rows, denseStrings);
    stringCodec.encode(denseStrings, vector.presentCount(), sink);
    Arrays.fill(denseStrings, 0, vector.presentCount(), null);
  }

  private void encodeBytes(ColumnVector vector, int rows) {
    denseBytes = grow(denseBytes, rows);
    gatherRefs(vector, rows, denseBytes);
    bytesCodec.encode(denseBytes, vector.presentCount(), sink);
    Arrays.fill(denseBytes, 0, vector.presentCount(), null);
  }

  private static double[] gather(boolean[] present, double[] values, int rows, double[] dense) {
    int n = 0;
    for (int row = 0; row < rows; row++) {
      if (present[row]) {
        dense[n++] = values[row];
      }
    }
    return dense;
  }

  private static long[] gather(boolean[] present, long[] values, int rows, long[] dense) {
    int n = 0;
    for (int row = 0; row < rows; row++) {
      if (present[row]) {
        dense[n++] = values[row];
      }
    }
    return dense;
  }

  private static boolean[] gather(boolean[] present, boolean[] values, int rows, boolean[] dense) {
    int n = 0;
    for (int row = 0; row < rows; row++) {
      if (present[row]) {
        dense[n++] = values[row];
      }
    }
    return dense;
  }

  @SuppressWarnings("unchecked")
  private static <T> void gatherRefs(ColumnVector vector, int rows, T[] dense) {
    boolean[] present = vector.presence();
    Object[] refs = vector.refs();
    int n = 0;
    for (int row = 0; row < rows; row++) {
      if (present[row]) {
        dense[n++] = (T) refs[row];
      }
    }
  }

  private static double[] grow(double[] a, int n) {
    return a.length >= n ? a : new double[n];
  }

  private static long[] grow(long[] a, int n) {
    return a.length >= n ? a : new long[n];
  }

  private static boolean[] grow(boolean[] a, int n) {
    return a.length >= n ? a : new boolean[n];
  }

  private static String[] grow(String[] a, int n) {
    return a.length >= n ? a : new String[n];
  }

  private static byte[][] grow(byte[][] a, int n) {
    return a.length >= n ? a : new byte[n][];
  }
}
