package io.edgetimedb.server.simulation;

/**
 * The lowest delivery rate over the run's whole one-second windows: the figure to hold against
 * a floor ("at least 1,000 writes/s"), which an average over the run could hide a stall in.
 * Fed after every tick with the delivered count; a window closes at the first tick a second or
 * more after it opened.
 */
final class SlowestSecond {
  private static final long SECOND = 1_000_000_000L;

  private long windowStart = -1;
  private long windowDelivered;
  private double slowest = Double.NaN;

  void record(long nowNanos, long delivered) {
    if (windowStart < 0) {
      windowStart = nowNanos;
      windowDelivered = delivered;
      return;
    }
    long length = nowNanos - windowStart;
    if (length >= SECOND) {
      double rate = (delivered - windowDelivered) * 1e9 / length;
      slowest = Double.isNaN(slowest) ? rate : Math.min(slowest, rate);
      windowStart = nowNanos;
      windowDelivered = delivered;
    }
  }

  /** Points per second in the slowest whole second, NaN when the run did not last one. */
  double rate() {
    return slowest;
  }
}
