package io.edgetimedb.engine.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.schema.FieldType;
import org.junit.jupiter.api.Test;

/** A head fills, keeps its rows sorted, seals into a chunk with statistics, and decodes back. */
class ChunkLifecycleTest {
  private final ChunkEncoder encoder = new ChunkEncoder();
  private final ChunkDecoder decoder = new ChunkDecoder();

  @Test
  void headKeepsRowsSortedAndUpdatesDuplicates() {
    HeadChunk head = new HeadChunk();
    for (long ts : new long[] {10, 30, 20, 5, 30, 40}) {
      head.columnFor(0, FieldType.BIGINT).set(head.rowFor(ts), FieldType.BIGINT, ts * 10, null);
    }
    assertThat(head.rows()).isEqualTo(5);
    long[] expected = {5, 10, 20, 30, 40};
    for (int row = 0; row < expected.length; row++) {
      assertThat(head.timestamp(row)).isEqualTo(expected[row]);
      assertThat(head.column(0).getLong(row)).isEqualTo(expected[row] * 10);
    }
    assertThat(head.minTimestamp()).isEqualTo(5);
    assertThat(head.maxTimestamp()).isEqualTo(40);
  }

  @Test
  void headGrowsPastItsInitialCapacityAndReusesArraysAfterReset() {
    HeadChunk head = new HeadChunk();
    for (long ts = 0; ts < 100; ts++) {
      head.columnFor(0, FieldType.DOUBLE).set(head.rowFor(ts), FieldType.DOUBLE, Double.doubleToRawLongBits(ts), null);
    }
    long grown = head.bytesHeld();
    head.reset();
    assertThat(head.isEmpty()).isTrue();
    assertThat(head.column(0).presentCount()).isZero();
    for (long ts = 0; ts < 100; ts++) {
      head.columnFor(0, FieldType.DOUBLE).set(head.rowFor(ts), FieldType.DOUBLE, Double.doubleToRawLongBits(ts), null);
    }
    assertThat(head.bytesHeld()).isEqualTo(grown);
  }

  @Test
  void sealedChunkCarriesStatistics() {
    HeadChunk head = new HeadChunk();
    double[] doubles = {3.5, Double.NaN, -1.25, 10};
    long[] longs = {Long.MAX_VALUE, 1, -7, 2};
    boolean[] flags = {true, false, true, true};
    for (int i = 0; i < 4; i++) {
      int row = head.rowFor(100 + i);
      head.columnFor(0, FieldType.DOUBLE).set(row, FieldType.DOUBLE, Double.doubleToRawLongBits(doubles[i]), null);
      head.columnFor(1, FieldType.BIGINT).set(row, FieldType.BIGINT, longs[i], null);
      head.columnFor(2, FieldType.BOOLEAN).set(row, FieldType.BOOLEAN, flags[i] ? 1 : 0, null);
      if (i % 2 == 0) {
        head.columnFor(3, FieldType.VARCHAR).set(row, FieldType.VARCHAR, 0, "s" + i);
      }
    }
    SealedChunk chunk = encoder.encode(head);

    assertThat(chunk.rows()).isEqualTo(4);
    assertThat(chunk.minTimestamp()).isEqualTo(100);
    assertThat(chunk.maxTimestamp()).isEqualTo(103);
    assertThat(chunk.overlaps(103, 200)).isTrue();
    assertThat(chunk.overlaps(104, 200)).isFalse();
    assertThat(chunk.overlaps(0, 100)).isFalse();
    assertThat(chunk.columnCount()).isEqualTo(4);
    assertThat(chunk.columnOf(9)).isEqualTo(-1);

    int d = chunk.columnOf(0);
    assertThat(chunk.storedType(d)).isEqualTo(FieldType.DOUBLE);
    assertThat(chunk.min(d)).isEqualTo(-1.25);
    assertThat(chunk.max(d)).isEqualTo(10);
    assertThat(chunk.sum(d)).isNaN();
    assertThat(chunk.presentRows(d)).isEqualTo(4);

    int l = chunk.columnOf(1);
    assertThat(chunk.longMin(l)).isEqualTo(-7);
    assertThat(chunk.longMax(l)).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> chunk.longSum(l)).isInstanceOf(ArithmeticException.class);
    assertThat(chunk.sum(l)).isEqualTo((double) Long.MAX_VALUE + 1 - 7 + 2);

    int b = chunk.columnOf(2);
    assertThat(chunk.min(b)).isZero();
    assertThat(chunk.max(b)).isEqualTo(1);
    assertThat(chunk.sum(b)).isEqualTo(3);

    int s = chunk.columnOf(3);
    assertThat(chunk.presentRows(s)).isEqualTo(2);
    assertThatThrownBy(() -> chunk.min(s)).hasMessageContaining("no statistics for a VARCHAR column");
    assertThat(chunk.bytesHeld()).isGreaterThan(chunk.data().length);
  }

  @Test
  void exactLongSumWhenItFits() {
    HeadChunk head = new HeadChunk();
    for (long i = 1; i <= 10; i++) {
      head.columnFor(0, FieldType.BIGINT).set(head.rowFor(i), FieldType.BIGINT, i, null);
    }
    SealedChunk chunk = encoder.encode(head);
    assertThat(chunk.longSum(0)).isEqualTo(55);
    assertThat(chunk.sum(0)).isEqualTo(55.0);
  }

  @Test
  void decodesSparseColumnsRowAligned() {
    HeadChunk head = new HeadChunk();
    for (int i = 0; i < 50; i++) {
      int row = head.rowFor(i * 1000L);
      if (i % 3 == 0) {
        head.columnFor(0, FieldType.DOUBLE).set(row, FieldType.DOUBLE, Double.doubleToRawLongBits(i / 4.0), null);
      }
      if (i % 5 == 0) {
        head.columnFor(1, FieldType.VARBINARY).set(row, FieldType.VARBINARY, 0, new byte[] {(byte) i});
      }
      if (i % 7 == 0) {
        head.columnFor(2, FieldType.BOOLEAN).set(row, FieldType.BOOLEAN, i % 2, null);
        head.columnFor(3, FieldType.BIGINT).set(row, FieldType.BIGINT, -i, null);
        head.columnFor(4, FieldType.VARCHAR).set(row, FieldType.VARCHAR, 0, "v" + i);
      }
    }
    SealedChunk chunk = encoder.encode(head);
    RowBlock block = new RowBlock(new int[] {0, 1, 2, 3, 4, 99});
    block.decode(chunk, decoder);

    assertThat(block.rows()).isEqualTo(50);
    assertThat(block.column(5)).isNull();
    for (int i = 0; i < 50; i++) {
      assertThat(block.timestamp(i)).isEqualTo(i * 1000L);
      assertThat(block.column(0).isPresent(i)).isEqualTo(i % 3 == 0);
      assertThat(block.column(1).isPresent(i)).isEqualTo(i % 5 == 0);
      assertThat(block.column(2).isPresent(i)).isEqualTo(i % 7 == 0);
      if (i % 3 == 0) {
        assertThat(block.column(0).getDouble(i)).isEqualTo(i / 4.0);
      }
      if (i % 5 == 0) {
        assertThat(block.column(1).getBytes(i)).containsExactly((byte) i);
      }
      if (i % 7 == 0) {
        assertThat(block.column(2).getBoolean(i)).isEqualTo(i % 2 == 1);
        assertThat(block.column(3).getLong(i)).isEqualTo(-i);
        assertThat(block.column(4).getString(i)).isEqualTo("v" + i);
      }
    }
    assertThat(block.lowerBound(24_500)).isEqualTo(25);
    assertThat(block.lowerBound(-1)).isZero();
    assertThat(block.lowerBound(Long.MAX_VALUE)).isEqualTo(50);
  }

  @Test
  void reusesOneBlockAcrossChunksOfDifferentTypes() {
    HeadChunk longs = new HeadChunk();
    longs.columnFor(0, FieldType.BIGINT).set(longs.rowFor(1), FieldType.BIGINT, 5, null);
    HeadChunk strings = new HeadChunk();
    for (int i = 0; i < 40; i++) {
      strings.columnFor(0, FieldType.VARCHAR).set(strings.rowFor(i), FieldType.VARCHAR, 0, "x" + i);
    }
    RowBlock block = new RowBlock(new int[] {0});
    block.decode(encoder.encode(longs), decoder);
    assertThat(block.column(0).getString(0)).isEqualTo("5");
    block.decode(encoder.encode(strings), decoder);
    assertThat(block.column(0).getString(39)).isEqualTo("x39");
    block.decode(encoder.encode(longs), decoder);
    assertThat(block.column(0).getLong(0)).isEqualTo(5);
  }

  @Test
  void toHeadRebuildsAMutableCopyOfAChunk() {
    HeadChunk head = new HeadChunk();
    for (int i = 0; i < 10; i++) {
      int row = head.rowFor(i * 10L);
      head.columnFor(0, FieldType.DOUBLE).set(row, FieldType.DOUBLE, Double.doubleToRawLongBits(i), null);
      if (i % 2 == 0) {
        head.columnFor(1, FieldType.VARCHAR).set(row, FieldType.VARCHAR, 0, "e" + i);
      }
    }
    HeadChunk copy = decoder.toHead(encoder.encode(head));
    int row = copy.rowFor(55);
    copy.columnFor(0, FieldType.DOUBLE).set(row, FieldType.DOUBLE, Double.doubleToRawLongBits(5.5), null);

    SealedChunk merged = encoder.encode(copy);
    RowBlock block = new RowBlock(new int[] {0, 1});
    block.decode(merged, decoder);
    assertThat(block.rows()).isEqualTo(11);
    assertThat(block.timestamp(6)).isEqualTo(55);
    assertThat(block.column(0).getDouble(6)).isEqualTo(5.5);
    assertThat(block.column(1).isPresent(6)).isFalse();
    assertThat(block.column(1).getString(7)).isEqualTo("e6");
    assertThat(block.column(1).isPresent(8)).isFalse();
  }

  @Test
  void copiesARangeOfAHead() {
    HeadChunk head = new HeadChunk();
    for (int i = 0; i < 10; i++) {
      head.columnFor(7, FieldType.BIGINT).set(head.rowFor(i), FieldType.BIGINT, i * 2, null);
    }
    RowBlock block = new RowBlock(new int[] {7, 8});
    block.copy(head, 3, 6);
    assertThat(block.rows()).isEqualTo(3);
    assertThat(block.timestamp(0)).isEqualTo(3);
    assertThat(block.column(0).getLong(2)).isEqualTo(10);
    assertThat(block.column(1)).isNull();
    block.copy(head, 4, 4);
    assertThat(block.rows()).isZero();
  }
}
