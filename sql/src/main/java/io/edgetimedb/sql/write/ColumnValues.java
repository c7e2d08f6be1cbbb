package io.edgetimedb.sql.write;

import io.edgetimedb.sql.table.Column;
import io.edgetimedb.sql.table.ColumnKind;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Converts a value written to a column into Calcite's representation of the column's type (the
 * one {@link io.edgetimedb.sql.table.PointWriter} takes): epoch millis for ts, String for tags
 * and VARCHAR, Double, Long, Boolean, ByteString. Only lossless conversions are made; anything
 * else is refused with a message naming the row, the column and the value.
 */
final class ColumnValues {
  private ColumnValues() {}

  static Object convert(Column column, Object value, int row) {
    if (value == null) {
      return null;
    }
    return switch (column.kind()) {
      case TIME -> millis(column, value, row);
      case TAG -> string(column, value, row);
      case FIELD -> switch (column.type()) {
        case DOUBLE -> value instanceof Number n ? n.doubleValue() : refuse(column, value, row, "22018");
        case BIGINT -> integral(column, value, row);
        case BOOLEAN -> value instanceof Boolean ? value : refuse(column, value, row, "22018");
        case VARCHAR -> string(column, value, row);
        case VARBINARY -> value instanceof byte[] b ? new ByteString(b)
            : value instanceof ByteString ? value : refuse(column, value, row, "22018");
      };
    };
  }

  /** Epoch millis from a number, a Timestamp or text 'yyyy-MM-dd HH:mm:ss[.fff]' read as UTC. */
  private static Object millis(Column column, Object value, int row) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof Timestamp t) {
      return t.getTime();
    }
    if (value instanceof String s) {
      try {
        return LocalDateTime.parse(s.trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
      } catch (DateTimeParseException e) {
        throw new BadValueException("row " + row + ": malformed timestamp '" + s + "' for column '" + column.name()
            + "' (expected yyyy-MM-dd HH:mm:ss[.fff], UTC)", "22007");
      }
    }
    return refuse(column, value, row, "22007");
  }

  private static Object integral(Column column, Object value, int row) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigDecimal d) {
      if (d.stripTrailingZeros().scale() > 0) {
        return refuse(column, value, row, "22018");
      }
      try {
        return d.longValueExact();
      } catch (ArithmeticException e) {
        return refuse(column, value, row, "22003");
      }
    }
    return refuse(column, value, row, "22018");
  }

  private static Object string(Column column, Object value, int row) {
    return value instanceof String ? value : refuse(column, value, row, "22018");
  }

  private static Object refuse(Column column, Object value, int row, String sqlState) {
    String type = column.type() == null ? (column.kind() == ColumnKind.TIME ? "TIMESTAMP"
        : "VARCHAR") : column.type().name();
    throw new BadValueException("row " + row + ": column '" + column.name() + "' is " + type + " and cannot take "
        + value.getClass().getSimpleName() + " value " + value, sqlState);
  }
}
