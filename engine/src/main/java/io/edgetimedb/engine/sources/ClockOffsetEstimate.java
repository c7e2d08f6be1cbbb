package io.edgetimedb.engine.sources;

import java.util.Arrays;

/**
 * How far a source's clock runs ahead of (positive) or behind (negative) the database's, in
 * milliseconds: the median of the last {@value #WINDOW} samples, one per batch, each the newest
 * timestamp the sender gave in the batch minus the time the batch was received.
 *
 * <p>Why the newest timestamp: a batch holds readings taken over a while (a gateway's buffer, a
 * late delivery), and its newest one is the closest to the sender's "now". A sender whose clock
 * is right therefore shows a small negative offset: the time from reading to receiving (a few
 * milliseconds on a LAN, up to its flush interval for a batching gateway).
 *
 * <p>Why the median over a window, not a mean: a batch of backfill after an outage (its newest
 * reading minutes old) or one sensor with a wild clock behind a gateway would pull a mean far
 * off; the median ignores up to 7 such batches of 16, and follows a real change of the clock
 * after 8 batches (set back) or 9 (set forward): with an even number of samples it is the lower
 * of the two middle ones.
 */
final class ClockOffsetEstimate {
  static final int WINDOW = 16;
  private final long[] samples = new long[WINDOW];
  private int next;
  private int filled;

  /** Adds the sample of one batch: its newest sent timestamp and its receive time. */
  void add(long newestSentMillis, long receivedMillis) {
    samples[next] = saturatedDifference(newestSentMillis, receivedMillis);
    next = (next + 1) % WINDOW;
    filled = Math.min(filled + 1, WINDOW);
  }

  /** The estimate, or null before the first sample (a source whose points all came without timestamps). */
  Long millis() {
    if (filled == 0) {
      return null;
    }
    long[] sorted = Arrays.copyOf(samples, filled);
    Arrays.sort(sorted);
    return sorted[(filled - 1) / 2];
  }

  private static long saturatedDifference(long a, long b) {
    long difference = a - b;
    if (((a ^ b) & (a ^ difference)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return difference;
  }
}
