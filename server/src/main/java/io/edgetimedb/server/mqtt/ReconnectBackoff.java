package io.edgetimedb.server.mqtt;

import java.util.function.DoubleSupplier;

/**
 * The waits between reconnection attempts: the nominal delay starts at {@code mqtt.reconnect.min-delay}
 * and doubles after each failed attempt up to {@code mqtt.reconnect.max-delay}; each actual wait is
 * a random time between half and all of the nominal one ("equal jitter"). The jitter matters when a
 * broker restarts under a fleet of edge boxes: without it they all come back in the same instant,
 * and a bounded maximum keeps a box from sleeping for hours after a long outage. Paho's own
 * automatic reconnect has a fixed maximum and no jitter, hence this class.
 */
final class ReconnectBackoff {
  private final long minMillis;
  private final long maxMillis;
  private final DoubleSupplier random;
  private int failures;

  /** @param random uniform in [0, 1) */
  ReconnectBackoff(long minMillis, long maxMillis, DoubleSupplier random) {
    this.minMillis = Math.max(1, minMillis);
    this.maxMillis = Math.max(this.minMillis, maxMillis);
    this.random = random;
  }

  /** The wait before the next attempt; each call counts one more failure. */
  synchronized long nextDelayMillis() {
    long nominal = nominal(failures);
    failures = Math.min(failures + 1, 62);
    long half = nominal / 2;
    return half + (long) (random.getAsDouble() * (nominal - half + 1));
  }

  /** After a successful connection the next outage starts again from the minimum. */
  synchronized void reset() {
    failures = 0;
  }

  private long nominal(int doublings) {
    long delay = minMillis;
    for (int i = 0; i < doublings && delay < maxMillis; i++) {
      delay = delay > maxMillis / 2 ? maxMillis : delay * 2;
    }
    return Math.min(delay, maxMillis);
  }
}
