package io.edgetimedb.avatica.frame;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.proto.Common;
import org.junit.jupiter.api.Test;

/** The rows' bytes are Avatica's, both ways: written as Avatica writes them, read as Avatica reads them. */
class ProtobufFrameRowsTest {
  /** Every kind of value a frame of EdgeTimeDB's holds, with protobuf's default values among them. */
  private static final List<Object> SCALARS = Arrays.asList(null, 0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE,
      1_709_294_400_250L, -86_400_000L, 0, -7, Integer.MAX_VALUE, 0.0, -0.0, 21.37, Double.NaN,
      Double.NEGATIVE_INFINITY, "", "s17", "Grüße ✓ 𝄞", true, false,
      // values of 61 and 62 bytes (one-byte lengths up to 61), and far longer ones
      "a".repeat(57), "b".repeat(58), "c".repeat(300));

  @Test
  void writesEachRowAsAvaticasFrameDoes() {
    Meta.Frame frame = new Meta.Frame(0, true, randomRows(new Random(1), 500));
    ProtobufFrameRows.Written written = ProtobufFrameRows.write(frame.rows);
    List<Common.Row> avatica = frame.toProto().getRowsList();
    assertThat(written.ends()).hasSize(avatica.size());
    for (int row = 0; row < avatica.size(); row++) {
      assertThat(Arrays.copyOfRange(written.bytes(), written.start(row), written.ends()[row]))
          .as("row %d", row).isEqualTo(avatica.get(row).toByteArray());
    }
  }

  @Test
  void valuesOfOtherTypesAreWrittenByAvatica() {
    Meta.Frame frame = new Meta.Frame(0, true, rows(new Object[] {new BigDecimal("12.50"), new byte[] {1, 2},
        new BigDecimal("1234567890123456789012345678901234567890123456789012345678901234567890.5")}));
    ProtobufFrameRows.Written written = ProtobufFrameRows.write(frame.rows);
    assertThat(written.bytes()).isEqualTo(frame.toProto().getRows(0).toByteArray());
  }

  @Test
  void rowsWithArraysAreNotWritten() {
    assertThat(ProtobufFrameRows.write(rows(new Object[] {1L, List.of(1, 2)}))).isNull();
  }

  @Test
  void readsWhatAvaticaReadsValueForValueAndClassForClass() throws IOException {
    Meta.Frame sent = new Meta.Frame(4000, false, randomRows(new Random(2), 500));
    byte[] bytes = sent.toProto().toByteArray();
    Meta.Frame avatica = Meta.Frame.fromProto(Common.Frame.parseFrom(bytes));

    Meta.Frame read = ProtobufFrameRows.read(ByteString.copyFrom(bytes));

    assertThat(read.offset).isEqualTo(4000);
    assertThat(read.done).isFalse();
    assertThat(classesAndValues(read)).isEqualTo(classesAndValues(avatica));
  }

  @Test
  void readsAFrameInsideALargerArray() throws IOException {
    byte[] frame = new Meta.Frame(0, true, rows(new Object[] {5L, "x"})).toProto().toByteArray();
    byte[] padded = new byte[frame.length + 7];
    System.arraycopy(frame, 0, padded, 3, frame.length);
    Meta.Frame read = ProtobufFrameRows.read(UnsafeByteOperations.unsafeWrap(padded, 3, frame.length));
    assertThat(read.done).isTrue();
    assertThat(read.rows).containsExactly(List.of(5L, "x"));
  }

  @Test
  void leavesFramesWithArraysOrOtherTypesToAvatica() throws IOException {
    byte[] array = new Meta.Frame(0, true, rows(new Object[] {List.of(1, 2)})).toProto().toByteArray();
    byte[] decimal = new Meta.Frame(0, true, rows(new Object[] {new BigDecimal("1.5")})).toProto().toByteArray();
    assertThat(ProtobufFrameRows.read(ByteString.copyFrom(array))).isNull();
    assertThat(ProtobufFrameRows.read(ByteString.copyFrom(decimal))).isNull();
  }

  @Test
  void leavesAFrameToAvaticaWhenAnUnreadValueIsFollowedByMore() throws IOException {
    byte[] bytes = new Meta.Frame(0, true, rows(new Object[] {new byte[] {0, 0, 1}, 5L, "x"}, new Object[] {1L}))
        .toProto().toByteArray();
    assertThat(ProtobufFrameRows.read(ByteString.copyFrom(bytes))).isNull();
  }

  @Test
  void leavesOldStyleColumnsWithoutScalarValueToAvatica() throws IOException {
    Common.TypedValue five = Common.TypedValue.newBuilder().setType(Common.Rep.LONG).setNumberValue(5).build();
    byte[] oldStyle = Common.Frame.newBuilder().setDone(true)
        .addRows(Common.Row.newBuilder().addValue(Common.ColumnValue.newBuilder().addValue(five))).build().toByteArray();
    assertThat(ProtobufFrameRows.read(ByteString.copyFrom(oldStyle))).isNull();
  }

  private static List<Object> rows(Object[]... rows) {
    return Arrays.asList((Object[]) rows);
  }

  private static List<Object> randomRows(Random random, int count) {
    List<Object> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Object[] row = new Object[1 + random.nextInt(5)];
      for (int c = 0; c < row.length; c++) {
        row[c] = random.nextInt(4) == 0 ? randomLong(random) : SCALARS.get(random.nextInt(SCALARS.size()));
      }
      rows.add(row);
    }
    return rows;
  }

  private static Object randomLong(Random random) {
    return random.nextBoolean() ? random.nextLong() : (Object) random.nextDouble();
  }

  private static List<String> classesAndValues(Meta.Frame frame) {
    List<String> cells = new ArrayList<>();
    for (Object row : frame.rows) {
      for (Object value : (List<?>) row) {
        cells.add(value == null ? "null" : value.getClass().getSimpleName() + ":" + value);
      }
      cells.add("/");
    }
    return cells;
  }
}
