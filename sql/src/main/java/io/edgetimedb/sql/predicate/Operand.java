package io.edgetimedb.sql.predicate;

import java.time.Duration;
import java.time.Instant;
import org.apache.calcite.DataContext;

/**
 * A value inside a pushed-down predicate: a literal known when the statement is planned, or a
 * PreparedStatement parameter known only when it runs. Parameters are what keep a prepared
 * time-range query from scanning every series: the plan holds the parameter, the scan reads its
 * value from the {@link DataContext} at execution. So is the statement's current time, which is
 * what keeps "the last five minutes" of a cached plan the last five minutes.
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

  /**
   * The statement's current time plus a fixed offset: {@code CURRENT_TIMESTAMP - INTERVAL '5'
   * MINUTE}. Read from the same DataContext variable Calcite's generated code reads, so a pushed
   * bound and one left in a filter see the same instant.
   *
   * @param variable {@link DataContext.Variable#CURRENT_TIMESTAMP} or {@link DataContext.Variable#LOCAL_TIMESTAMP}
   * @param offsetMillis added to it
   */
  record CurrentTime(DataContext.Variable variable, long offsetMillis) implements Operand {
    @Override
    public Object value(DataContext root) {
      return (Long) variable.get(root) + offsetMillis;
    }

    @Override
    public String toTimeString() {
      String name = variable == DataContext.Variable.LOCAL_TIMESTAMP ? "LOCALTIMESTAMP" : "CURRENT_TIMESTAMP";
      if (offsetMillis == 0) {
        return name;
      }
      return name + (offsetMillis < 0 ? " - " : " + ") + Duration.ofMillis(Math.abs(offsetMillis));
    }

    @Override
    public String toString() {
      return toTimeString();
    }
  }

  /**
   * The sum of two row counts, for {@code LIMIT n OFFSET m} in time order: each series must hand
   * over its first {@code m + n} rows for the merge to find rows {@code m} to {@code m + n}. NULL
   * when either is NULL.
   */
  record Sum(Operand left, Operand right) implements Operand {
    /** The sum, added up now when both are literals. */
    public static Operand of(Operand left, Operand right) {
      if (left instanceof Literal a && right instanceof Literal b && a.value() instanceof Number x
          && b.value() instanceof Number y) {
        return new Literal(Math.addExact(x.longValue(), y.longValue()));
      }
      return new Sum(left, right);
    }

    /** The sum; a NULL, a value that is no number or a negative one as it is, so the reader names it. */
    @Override
    public Object value(DataContext root) {
      Object a = left.value(root);
      Object b = right.value(root);
      if (!(a instanceof Number x) || x.longValue() < 0) {
        return a;
      }
      if (!(b instanceof Number y) || y.longValue() < 0) {
        return b;
      }
      return Math.addExact(x.longValue(), y.longValue());
    }

    @Override
    public String toTimeString() {
      return toString();
    }

    @Override
    public String toString() {
      return left + " + " + right;
    }
  }
}
