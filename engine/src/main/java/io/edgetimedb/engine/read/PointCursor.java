package io.edgetimedb.engine.read;

import io.edgetimedb.engine.catalog.Catalog;
import io.edgetimedb.engine.chunk.ChunkDecoder;
import io.edgetimedb.engine.chunk.ColumnVector;
import io.edgetimedb.engine.chunk.RowBlock;
import io.edgetimedb.engine.chunk.SealedChunk;
import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.series.Series;
import java.util.List;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * Rows of the selected series, series by series in id order, each series in time order (or
 * reversed). Chunks outside the time range are skipped by their bounds; the others are decoded
 * one at a time into a reused block. A series is read from the snapshot taken when the cursor
 * reaches it, so concurrent writes never tear a row.
 *
 * <p>Values come back in each field's type as of when the read started; chunks that stored a
 * narrower type are cast.
 */
public final class PointCursor implements AutoCloseable {
  private final Catalog catalog;
  private final IntIterator seriesIds;
  private final List<String> tagKeys;
  private final List<String> fieldNames;
  private final FieldType[] fieldTypes;
  private final long from;
  private final long to;
  private final boolean descending;
  private final long limitPerSeries;
  private final ChunkDecoder decoder = new ChunkDecoder();
  private final RowBlock chunkBlock;
  private final RowBlock headBlock;
  private final String[] tags;
  private Series series;
  private static final SealedChunk[] NO_CHUNKS = new SealedChunk[0];
  private SealedChunk[] chunks = NO_CHUNKS;
  private int nextBlock;
  private RowBlock block;
  private int row;
  private int rowsLeft;
  private long emitted;

  PointCursor(Catalog catalog, RoaringBitmap ids, List<String> tagKeys, List<String> fieldNames, int[] fieldIds,
      FieldType[] fieldTypes, ReadRequest request) {
    this.catalog = catalog;
    this.seriesIds = ids.getIntIterator();
    this.tagKeys = List.copyOf(tagKeys);
    this.fieldNames = List.copyOf(fieldNames);
    this.fieldTypes = fieldTypes.clone();
    this.from = request.fromInclusive();
    this.to = request.toExclusive();
    this.descending = request.descending();
    this.limitPerSeries = request.limitPerSeries();
    this.chunkBlock = new RowBlock(fieldIds);
    this.headBlock = new RowBlock(fieldIds);
    this.tags = new String[tagKeys.size()];
  }

  /** Opens a cursor over a measurement of the catalog; see {@link ReadRequest}. */
  public static PointCursor open(Catalog catalog, ReadRequest request) {
    return CursorPlan.plan(catalog, request);
  }

  /** Moves to the next row; false at the end. */
  public boolean next() {
    while (true) {
      if (rowsLeft > 0 && (limitPerSeries < 0 || emitted < limitPerSeries)) {
        row += descending ? -1 : 1;
        rowsLeft--;
        emitted++;
        return true;
      }
      if ((limitPerSeries >= 0 && emitted >= limitPerSeries) || !nextBlock()) {
        if (!nextSeries()) {
          return false;
        }
      }
    }
  }

  private boolean nextSeries() {
    if (!seriesIds.hasNext()) {
      series = null;
      return false;
    }
    series = catalog.series(seriesIds.next());
    chunks = series.snapshot(from, to, headBlock, descending, limitPerSeries);
    for (int i = 0; i < tags.length; i++) {
      tags[i] = series.tag(tagKeys.get(i));
    }
    nextBlock = 0;
    emitted = 0;
    rowsLeft = 0;
    return true;
  }

  /** Positions on the next block of the current series with rows in range; false when none is left. */
  private boolean nextBlock() {
    if (series == null) {
      return false;
    }
    int blocks = chunks.length + 1;
    while (nextBlock < blocks) {
      int index = descending ? blocks - 1 - nextBlock : nextBlock;
      nextBlock++;
      if (index == chunks.length) {
        block = headBlock;
      } else if (chunks[index].overlaps(from, to)) {
        chunkBlock.decode(chunks[index], decoder);
        block = chunkBlock;
      } else {
        continue;
      }
      int lo = block.lowerBound(from);
      int hi = block.upperBound(to);
      if (hi > lo) {
        rowsLeft = hi - lo;
        row = descending ? hi : lo - 1;
        return true;
      }
    }
    return false;
  }

  public long timestamp() {
    return block.timestamp(row);
  }

  public int seriesId() {
    return series.id();
  }

  /** Names of the tag columns, in the order {@link #tag(int)} takes. */
  public List<String> tagKeys() {
    return tagKeys;
  }

  /** Value of the i-th tag column for the current series, or null when the series lacks that tag. */
  public String tag(int i) {
    return tags[i];
  }

  /** Names of the field columns, in the order the getters take. */
  public List<String> fieldNames() {
    return fieldNames;
  }

  public FieldType fieldType(int i) {
    return fieldTypes[i];
  }

  public boolean isNull(int i) {
    ColumnVector column = block.column(i);
    return column == null || !column.isPresent(row);
  }

  public double getDouble(int i) {
    return block.column(i).getDouble(row);
  }

  public long getLong(int i) {
    return block.column(i).getLong(row);
  }

  public boolean getBoolean(int i) {
    return block.column(i).getBoolean(row);
  }

  public String getString(int i) {
    return block.column(i).getString(row);
  }

  public byte[] getBytes(int i) {
    return block.column(i).getBytes(row);
  }

  /** The value boxed in the field's type at read start, or null. */
  public Object getObject(int i) {
    if (isNull(i)) {
      return null;
    }
    return switch (fieldTypes[i]) {
      case DOUBLE -> getDouble(i);
      case BIGINT -> getLong(i);
      case BOOLEAN -> getBoolean(i);
      case VARCHAR -> getString(i);
      case VARBINARY -> getBytes(i);
    };
  }

  @Override
  public void close() {
    series = null;
    chunks = NO_CHUNKS;
  }
}
