package io.edgetimedb.sql.function;

import java.sql.Timestamp;
import org.apache.calcite.runtime.SqlFunctions;

/**
 * The accumulator of the time-ordered aggregates: the earliest and the latest non-null value of a
 * group with their timestamps. Rows may arrive in any order (series by series), so each add
 * compares timestamps instead of trusting arrival order.
 */
public final class Endpoints {
  private long firstTime = Long.MAX_VALUE;
  private long lastTime = Long.MIN_VALUE;
  private Double first;
  private Double last;

  /**
   * Adds a value. Calcite hands a user aggregate a java.sql.Timestamp shifted by the JVM zone;
   * {@link SqlFunctions#toLong(Timestamp)} undoes exactly that shift, giving the internal millis.
   */
  void add(Double value, Timestamp ts) {
    if (value == null || ts == null) {
      return;
    }
    long t = SqlFunctions.toLong(ts);
    if (t < firstTime) {
      firstTime = t;
      first = value;
    }
    if (t >= lastTime) {
      lastTime = t;
      last = value;
    }
  }

  Double first() {
    return first;
  }

  Double last() {
    return last;
  }

  /** last - first, or null for an empty group. */
  Double delta() {
    return first == null ? null : last - first;
  }

  /** The change per second between the first and the last value; null with fewer than two instants. */
  Double ratePerSecond() {
    return first == null || lastTime == firstTime ? null : (last - first) * 1000.0 / (lastTime - firstTime);
  }
}
