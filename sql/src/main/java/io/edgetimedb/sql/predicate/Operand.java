package io.edgetimedb.sql.predicate;

import java.time.Instant;
import org.apache.calcite.DataContext;

/**
 * A value inside a pushed-down predicate: a literal known when the statement is planned, or a
 * PreparedStatement parameter known only when it runs. Parameters are what keep a prepared
 * time-range query from scanning every series: the plan holds the parameter, the scan reads its
 * value from the {@link DataContext} at execution.
 */
public sealed interface Operand {

  /** The value at execution; null for SQL NULL. */
  Object value(DataContext root);

  /** How EXPLAIN prints the operand when it compares with the time column. */
  String toTimeString();

  /** A constant. */
  record Literal(Object value) implements Operand {
    @Override
    public Object value(DataContext root) {
      return value;
    }

    @Override
    public String toTimeString() {
      return value instanceof Long millis ? Instant.ofEpochMilli(millis).toString() : String.valueOf(value);
    }

    @Override
    public String toString() {
      return value instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(value);
    }
  }

  /** The PreparedStatement parameter at a 0-based index; Calcite binds it as {@code "?" + index}. */
  record Parameter(int index) implements Operand {
    @Override
    public Object value(DataContext root) {
      return root.get("?" + index);
    }

    @Override
    public String toTimeString() {
      return toString();
    }

    @Override
    public String toString() {
      return "?" + index;
    }
  }
}
