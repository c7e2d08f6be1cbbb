package io.edgetimedb.sql.predicate;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;

/**
 * The time-range part of a pushed filter: bounds on {@code ts} from comparisons, BETWEEN and
 * ranges, each a literal or a parameter. Resolved at execution into the engine's half-open
 * {@code [from, to)}.
 */
public record TimeFilter(List<Bound> lower, List<Bound> upper) {
  /** No bound at all: every timestamp. */
  public static final TimeFilter ALL = new TimeFilter(List.of(), List.of());

  public TimeFilter {
    lower = List.copyOf(lower);
    upper = List.copyOf(upper);
  }

  /** One bound: {@code ts > value} or {@code ts >= value} (lower), {@code ts < value} or {@code ts <= value} (upper). */
  public record Bound(Operand value, boolean inclusive) {}

  public boolean isAll() {
    return lower.isEmpty() && upper.isEmpty();
  }

  /** This filter narrowed by the bounds of another. */
  public TimeFilter and(TimeFilter other) {
    List<Bound> lo = new ArrayList<>(lower);
    lo.addAll(other.lower);
    List<Bound> hi = new ArrayList<>(upper);
    hi.addAll(other.upper);
    return new TimeFilter(lo, hi);
  }

  /**
   * The range as {@code [from, to)} in epoch milliseconds, or null when no row can match (a
   * bound is NULL or the range is empty).
   */
  public long[] resolve(DataContext root) {
    long from = Long.MIN_VALUE;
    long to = Long.MAX_VALUE;
    for (Bound b : lower) {
      Long v = millis(b.value, root);
      if (v == null) {
        return null;
      }
      from = Math.max(from, b.inclusive ? v : saturatedIncrement(v));
    }
    for (Bound b : upper) {
      Long v = millis(b.value, root);
      if (v == null) {
        return null;
      }
      // ts <= Long.MAX_VALUE has no upper end; the engine reads Long.MAX_VALUE as exactly that.
      to = Math.min(to, b.inclusive ? saturatedIncrement(v) : v);
    }
    return from < to ? new long[] {from, to} : null;
  }

  private static Long millis(Operand operand, DataContext root) {
    Object v = operand.value(root);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalArgumentException("time bound " + operand + " is not a timestamp: " + v);
  }

  private static long saturatedIncrement(long v) {
    return v == Long.MAX_VALUE ? v : v + 1;
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    lower.forEach(b -> parts.add("ts " + (b.inclusive ? ">= " : "> ") + b.value.toTimeString()));
    upper.forEach(b -> parts.add("ts " + (b.inclusive ? "<= " : "< ") + b.value.toTimeString()));
    return String.join(" AND ", parts);
  }
}
