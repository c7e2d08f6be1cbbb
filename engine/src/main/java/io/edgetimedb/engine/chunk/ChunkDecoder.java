package io.edgetimedb.engine.chunk;

import io.edgetimedb.engine.chunkenc.ByteSource;
import io.edgetimedb.engine.chunkenc.DeltaOfDeltaTimestampCodec;
import io.edgetimedb.engine.chunkenc.DeltaZigZagLongCodec;
import io.edgetimedb.engine.chunkenc.DictionaryStringCodec;
import io.edgetimedb.engine.chunkenc.DoubleColumnCodec;
import io.edgetimedb.engine.chunkenc.RunLengthBooleanCodec;
import io.edgetimedb.engine.chunkenc.SnappyBytesCodec;
import io.edgetimedb.engine.schema.FieldType;

/**
 * Decodes the columns of sealed chunks into reusable vectors. One decoder serves one reader;
 * its scratch arrays grow to the largest chunk seen and are then reused.
 */
public final class ChunkDecoder {
  private final ByteSource source = new ByteSource();
  private final DeltaOfDeltaTimestampCodec timestampCodec = new DeltaOfDeltaTimestampCodec();
  private final DoubleColumnCodec doubleCodec = new DoubleColumnCodec();
  private final DeltaZigZagLongCodec longCodec = new DeltaZigZagLongCodec();
  private final RunLengthBooleanCodec booleanCodec = new RunLengthBooleanCodec();
  private final DictionaryStringCodec stringCodec = new DictionaryStringCodec();
  private final SnappyBytesCodec bytesCodec = new SnappyBytesCodec();
  private boolean[] presence = new boolean[0];
  private double[] denseDoubles = new double[0];
  private long[] denseLongs = new long[0];
  private boolean[] denseBooleans = new boolean[0];
  private String[] denseStrings = new String[0];
  private byte[][] denseBytes = new byte[0][];

  /** Decodes the chunk's timestamps into {@code dst}, which must hold {@code chunk.rows()}. */
  public void decodeTimestamps(SealedChunk chunk, long[] dst) {
    source.reset(chunk.data(), 0, chunk.timestampsEnd());
    timestampCodec.decode(source, dst, chunk.rows());
  }

  /** Decodes one column into {@code dst}, row-aligned, in the column's stored type. */
  public void decodeColumn(SealedChunk chunk, int column, ColumnVector dst) {
    int rows = chunk.rows();
    int present = chunk.presentRows(column);
    FieldType type = chunk.storedType(column);
    dst.prepare(type, rows);
    source.reset(chunk.data(), chunk.offset(column), chunk.end(column) - chunk.offset(column));
    if (present == rows) {
      decodeDense(type, dst, rows);
      dst.markAllPresent(rows);
      return;
    }
    if (presence.length < rows) {
      presence = new boolean[rows];
    }
    booleanCodec.decode(source, presence, rows);
    decodeSparse(type, dst, rows, present);
    dst.setPresence(presence, rows, present);
  }

  private void decodeDense(FieldType type, ColumnVector dst, int rows) {
    switch (type) {
      case DOUBLE -> doubleCodec.decode(source, dst.doubles(), rows);
      case BIGINT -> longCodec.decode(source, dst.longs(), rows);
      case BOOLEAN -> booleanCodec.decode(source, dst.booleans(), rows);
      case VARCHAR -> {
        denseStrings = denseStrings.length >= rows ? denseStrings : new String[rows];
        stringCodec.decode(source, denseStrings, rows);
        System.arraycopy(denseStrings, 0, dst.refs(), 0, rows);
      }
      case VARBINARY -> {
        denseBytes = denseBytes.length >= rows ? denseBytes : new byte[rows][];
        bytesCodec.decode(source, denseBytes, rows);
        System.arraycopy(denseBytes, 0, dst.refs(), 0, rows);
      }
    }
  }

  private void decodeSparse(FieldType type, ColumnVector dst, int rows, int present) {
    switch (type) {
      case DOUBLE -> {
        denseDoubles = denseDoubles.length >= present ? denseDoubles : new double[present];
        doubleCodec.decode(source, denseDoubles, present);
        double[] out = dst.doubles();
        for (int row = 0, i = 0; row < rows; row++) {
          out[row] = presence[row] ? denseDoubles[i++] : 0;
        }
      }
      case BIGINT -> {
        denseLongs = denseLongs.length >= present ? denseLongs : new long[present];
        longCodec.decode(source, denseLongs, present);
        long[] out = dst.longs();
        for (int row = 0, i = 0; row < rows; row++) {
          out[row] = presence[row] ? denseLongs[i++] : 0;
        }
      }
      case BOOLEAN -> {
        denseBooleans = denseBooleans.length >= present ? denseBooleans : new boolean[present];
        booleanCodec.decode(source, denseBooleans, present);
        boolean[] out = dst.booleans();
        for (int row = 0, i = 0; row < rows; row++) {
          out[row] = presence[row] && denseBooleans[i++];
        }
      }
      case VARCHAR -> {
        denseStrings = denseStrings.length >= present ? denseStrings : new String[present];
        stringCodec.decode(source, denseStrings, present);
        scatter(denseStrings, dst.refs(), rows);
      }
      case VARBINARY -> {
        denseBytes = denseBytes.length >= present ? denseBytes : new byte[present][];
        bytesCodec.decode(source, denseBytes, present);
        scatter(denseBytes, dst.refs(), rows);
      }
    }
  }

  private void scatter(Object[] dense, Object[] out, int rows) {
    for (int row = 0, i = 0; row < rows; row++) {
      out[row] = presence[row] ? dense[i++] : null;
    }
  }

  /** A mutable head holding every row of the chunk, for merging late points into it. */
  public HeadChunk toHead(SealedChunk chunk) {
    int rows = chunk.rows();
    HeadChunk head = new HeadChunk(rows + 1);
    long[] timestamps = new long[rows];
    decodeTimestamps(chunk, timestamps);
    for (long ts : timestamps) {
      head.rowFor(ts);
    }
    ColumnVector decoded = new ColumnVector(0, FieldType.BOOLEAN, rows);
    for (int column = 0; column < chunk.columnCount(); column++) {
      decodeColumn(chunk, column, decoded);
      ColumnVector target = head.columnFor(chunk.fieldId(column), chunk.storedType(column));
      target.copyRows(decoded, 0, 0, rows);
    }
    return head;
  }
}
