package io.edgetimedb.engine.series;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.chunk.ChunkDecoder;
import io.edgetimedb.engine.chunk.ChunkEncoder;
import io.edgetimedb.engine.chunk.RowBlock;
import io.edgetimedb.engine.schema.FieldSchema;
import io.edgetimedb.engine.schema.FieldType;
import org.junit.jupiter.api.Test;

/**
 * "The newest row" of a series is served from the values its write path keeps: no sealed chunk
 * is handed to the reader even when the head was just sealed, and the row carries exactly the
 * fields written at the newest time.
 */
class NewestRowSnapshotTest {
  private static final FieldSchema TEMP = new FieldSchema("temp", 0, FieldType.DOUBLE);
  private static final FieldSchema ALARM = new FieldSchema("alarm", 1, FieldType.BIGINT);
  private static final int CHUNK_ROWS = 4;

  private final ChunkEncoder encoder = new ChunkEncoder();
  private final ChunkDecoder decoder = new ChunkDecoder();
  private final Series series = new Series(0, "m", new String[0], new String[0], 0);

  @Test
  void theNewestRowOfASealedSeriesNeedsNoChunk() {
    for (long ts = 1; ts <= 2 * CHUNK_ROWS; ts++) {
      write(ts, TEMP, ts * 1.5);
    }
    assertThat(series.sealedChunkCount()).as("the head was sealed").isEqualTo(2);
    RowBlock block = new RowBlock(new int[] {TEMP.id(), ALARM.id()});

    assertThat(series.snapshot(Long.MIN_VALUE, Long.MAX_VALUE, block, true, 1)).isEmpty();
    assertThat(block.rows()).isEqualTo(1);
    assertThat(block.timestamp(0)).isEqualTo(2 * CHUNK_ROWS);
    assertThat(block.column(0).getDouble(0)).isEqualTo(2 * CHUNK_ROWS * 1.5);
    assertThat(block.column(1)).as("no alarm was ever written").isNull();
  }

  @Test
  void aFieldLastWrittenBeforeTheNewestTimeIsAbsentFromTheRow() {
    write(1, ALARM, 7L);
    write(2, TEMP, 20.0);
    RowBlock block = new RowBlock(new int[] {ALARM.id(), TEMP.id()});

    series.snapshot(Long.MIN_VALUE, Long.MAX_VALUE, block, true, 1);

    assertThat(block.timestamp(0)).isEqualTo(2);
    assertThat(block.column(0)).isNull();
    assertThat(block.column(1).getDouble(0)).isEqualTo(20.0);
  }

  @Test
  void aRangeThatEndsBeforeTheNewestRowIsReadFromTheRows() {
    for (long ts = 1; ts <= 2 * CHUNK_ROWS; ts++) {
      write(ts, TEMP, (double) ts);
    }
    RowBlock block = new RowBlock(new int[] {TEMP.id()});

    assertThat(series.snapshot(Long.MIN_VALUE, 2 * CHUNK_ROWS, block, true, 1)).hasSize(2);
    assertThat(series.snapshot(2 * CHUNK_ROWS + 1, Long.MAX_VALUE, block, true, 1)).hasSize(2);
    assertThat(series.snapshot(2 * CHUNK_ROWS, 2 * CHUNK_ROWS + 1, block, true, 1)).isEmpty();
    assertThat(series.snapshot(Long.MIN_VALUE, Long.MAX_VALUE, block, true, 2)).as("two rows: the chunks")
        .hasSize(2);
  }

  @Test
  void aDeletedNewestRowGivesWayToTheOneBeforeIt() {
    for (long ts = 1; ts <= 2 * CHUNK_ROWS; ts++) {
      write(ts, TEMP, (double) ts);
    }
    series.delete(CHUNK_ROWS + 2, Long.MAX_VALUE, encoder, decoder, 0);
    RowBlock block = new RowBlock(new int[] {TEMP.id()});

    assertThat(series.snapshot(Long.MIN_VALUE, Long.MAX_VALUE, block, true, 1)).isEmpty();
    assertThat(block.timestamp(0)).isEqualTo(CHUNK_ROWS + 1);
    assertThat(block.column(0).getDouble(0)).isEqualTo(CHUNK_ROWS + 1.0);

    series.delete(Long.MIN_VALUE, Long.MAX_VALUE, encoder, decoder, 0);
    assertThat(series.snapshot(Long.MIN_VALUE, Long.MAX_VALUE, block, true, 1)).isEmpty();
    assertThat(block.rows()).as("an emptied series has no newest row").isZero();
  }

  private void write(long ts, FieldSchema field, Object value) {
    assertThat(series.write(ts, new OneField(field, value), Long.MAX_VALUE, CHUNK_ROWS, encoder, decoder, 0))
        .isNull();
  }

  /** One field of one point, as the write path hands it over. */
  private record OneField(FieldSchema field, Object value) implements FieldValues {
    @Override
    public int fieldCount() {
      return 1;
    }

    @Override
    public FieldSchema field(int i) {
      return field;
    }

    @Override
    public FieldType valueType(int i) {
      return field.type();
    }

    @Override
    public long bits(int i) {
      return value instanceof Double d ? Double.doubleToRawLongBits(d) : (Long) value;
    }

    @Override
    public Object ref(int i) {
      return null;
    }
  }
}
