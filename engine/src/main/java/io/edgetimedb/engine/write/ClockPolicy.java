package io.edgetimedb.engine.write;

import java.util.List;

/**
 * What the database does with sensor timestamps it cannot trust, measured against the time the
 * batch was received (see {@link ClockCheck}). Immutable: a {@code SET} replaces the whole
 * policy, and a writer reads it once per batch.
 *
 * @param futureBoundMillis how far ahead of the receive time a timestamp may be; 0 for no bound
 * @param pastBoundMillis how far behind the receive time a timestamp may be; 0 for no bound
 * @param outOfBounds what happens to a point beyond a bound
 * @param stamping when a point takes the receive time as its timestamp
 * @param stampedSources sources whose timestamps are always replaced by the receive time, their
 *     clocks being known wrong; a name ending in {@code *} stands for every source it begins
 */
public record ClockPolicy(long futureBoundMillis, long pastBoundMillis, OutOfBounds outOfBounds, Stamping stamping,
    List<String> stampedSources) {
  /** Trusts every timestamp and stamps only points without one: the behaviour before clock policies. */
  public static final ClockPolicy TRUSTING = new ClockPolicy(0, 0, OutOfBounds.REJECT, Stamping.WHEN_MISSING,
      List.of());

  public ClockPolicy {
    if (futureBoundMillis < 0 || pastBoundMillis < 0) {
      throw new IllegalArgumentException("clock bounds must be >= 0, were " + futureBoundMillis + " and "
          + pastBoundMillis);
    }
    stampedSources = List.copyOf(stampedSources);
  }

  /** What happens to a point whose timestamp lies beyond a bound. */
  public enum OutOfBounds {
    /** Refused, with a reason naming the timestamp and the bound. */
    REJECT,
    /** Written at the bound it crossed. */
    CLAMP
  }

  /** When a point's timestamp is replaced by the receive time. */
  public enum Stamping {
    /** Never: a point without a timestamp is refused. */
    NEVER,
    /** When the sender gave none (line protocol's rule). */
    WHEN_MISSING,
    /** Always, for every source. */
    ALWAYS
  }

  /** Whether every point from {@code source} takes the receive time. Per batch, not per point. */
  public boolean stampsAll(String source) {
    if (stamping == Stamping.ALWAYS) {
      return true;
    }
    for (String stamped : stampedSources) {
      boolean prefix = stamped.endsWith("*");
      if (prefix ? source.regionMatches(0, stamped, 0, stamped.length() - 1) : source.equals(stamped)) {
        return true;
      }
    }
    return false;
  }
}
