package io.edgetimedb.server.bench.stats;

import java.util.Arrays;

/**
 * The latencies of one question on one target, in nanoseconds, as they were measured; summarised
 * by nearest-rank percentiles (the smallest latency at or above which the given share of the
 * samples lies), so p99 of 100 samples is the 99th-fastest, an actual measurement, never an
 * interpolation between two. Thread-safe: the query thread adds while the reporter may read.
 */
public final class Latencies {
  private long[] nanos = new long[64];
  private int count;

  public synchronized void add(long latencyNanos) {
    if (latencyNanos < 0) {
      throw new IllegalArgumentException("negative latency " + latencyNanos + " ns");
    }
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = latencyNanos;
  }

  public synchronized int count() {
    return count;
  }

  /**
   * The nearest-rank percentile in nanoseconds: {@code percentile} in (0, 100]; 50 is the median.
   * Fails when nothing was measured, since a latency of "0" would read as infinitely fast.
   */
  public synchronized long percentile(double percentile) {
    if (!(percentile > 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile " + percentile + " is not in (0, 100]");
    }
    if (count == 0) {
      throw new IllegalStateException("no latencies measured");
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100 * count);
    return sorted[Math.max(rank, 1) - 1];
  }

  /** p50, p99 and the count in milliseconds, or null when nothing was measured. */
  public synchronized LatencySummary summary() {
    if (count == 0) {
      return null;
    }
    return new LatencySummary(count, percentile(50) / 1e6, percentile(99) / 1e6);
  }
}
