package io.edgetimedb.sql.table;

import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.schema.FieldType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;

/**
 * How the projected columns of a scan map onto an engine cursor: which tag keys and fields to
 * request, and where each output column reads its value.
 */
final class RowLayout {
  private final List<String> tagKeys = new ArrayList<>();
  private final List<String> fieldNames = new ArrayList<>();
  private final ColumnReader[] readers;

  private RowLayout(int width) {
    readers = new ColumnReader[width];
  }

  /** Reads one output value from the cursor's current row. */
  @FunctionalInterface
  private interface ColumnReader {
    Object read(PointCursor cursor);
  }

  static RowLayout of(ScanSpec spec) {
    int width = spec.projection().size();
    RowLayout layout = new RowLayout(width);
    for (int i = 0; i < width; i++) {
      Column column = spec.output(i);
      layout.readers[i] = switch (column.kind()) {
        case TIME -> PointCursor::timestamp;
        case TAG -> layout.tagReader(column.name());
        case FIELD -> layout.fieldReader(column);
      };
    }
    if (layout.fieldNames.isEmpty()) {
      // The engine reads every field for an empty list; one field is enough to walk the rows.
      spec.columns().columns().stream().filter(c -> c.kind() == ColumnKind.FIELD).findFirst()
          .ifPresent(c -> layout.fieldNames.add(c.name()));
    }
    return layout;
  }

  private ColumnReader tagReader(String key) {
    int position = tagKeys.size();
    tagKeys.add(key);
    return cursor -> cursor.tag(position);
  }

  private ColumnReader fieldReader(Column column) {
    int position = fieldNames.size();
    fieldNames.add(column.name());
    FieldType declared = column.type();
    return cursor -> cursor.isNull(position) ? null : convert(cursor, position, declared, column.name());
  }

  /**
   * The value in the type the statement was planned with. A field may have widened since (a
   * PreparedStatement outlives schema changes): widening to DOUBLE or VARCHAR converts, other
   * changes need the statement prepared again.
   */
  private static Object convert(PointCursor cursor, int i, FieldType declared, String name) {
    FieldType now = cursor.fieldType(i);
    if (now == declared) {
      return switch (declared) {
        case DOUBLE -> cursor.getDouble(i);
        case BIGINT -> cursor.getLong(i);
        case BOOLEAN -> cursor.getBoolean(i);
        case VARCHAR -> cursor.getString(i);
        case VARBINARY -> new ByteString(cursor.getBytes(i));
      };
    }
    Object value = cursor.getObject(i);
    if (declared == FieldType.VARCHAR) {
      return value.toString();
    }
    throw new IllegalStateException("field '" + name + "' changed type from " + declared + " to " + now
        + " after the statement was prepared; prepare it again");
  }

  String[] tagKeys() {
    return tagKeys.toArray(String[]::new);
  }

  String[] fieldNames() {
    return fieldNames.toArray(String[]::new);
  }

  Object[] row(PointCursor cursor) {
    Object[] row = new Object[readers.length];
    for (int i = 0; i < readers.length; i++) {
      row[i] = readers[i].read(cursor);
    }
    return row;
  }
}
