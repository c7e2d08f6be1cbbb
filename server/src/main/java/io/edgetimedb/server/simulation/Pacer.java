package io.edgetimedb.server.simulation;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * When each tick of readings may go: tick {@code n} is due {@code n} periods after the start,
 * on the monotonic clock, so small delays do not add up and the asked rate holds on average.
 *
 * <p>After a stall (a slow target, a GC pause, a suspended laptop) the ticks that fell due
 * meanwhile go out back to back, which is how the run catches up, but never more than
 * {@link #MAX_BACKLOG_NANOS} worth of them: a longer stall moves the schedule later instead,
 * so the receiver sees at most one second of readings in a burst, not an hour's. Time given up
 * that way is the pacer's {@link #givenUpNanos()}, and the run reports it as the rate it could
 * not keep. {@link #unlimited()} never waits ({@code --rate max}).
 */
public final class Pacer {
  /** The most schedule a stall may leave to catch up on in a burst. */
  static final long MAX_BACKLOG_NANOS = 1_000_000_000L;

  private final long periodNanos;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private long origin;
  private boolean started;
  private long givenUpNanos;
  private long stalls;

  /** How a pacer waits; tests pass one that moves a fake clock. */
  @FunctionalInterface
  interface Sleeper {
    void sleepNanos(long nanos) throws InterruptedException;
  }

  Pacer(long periodNanos, LongSupplier nanoTime, Sleeper sleeper) {
    this.periodNanos = periodNanos;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
  }

  /** A tick every {@code periodNanos} of real time. */
  public static Pacer every(long periodNanos) {
    if (periodNanos <= 0) {
      throw new IllegalArgumentException("period must be positive, not " + periodNanos + " ns");
    }
    return new Pacer(periodNanos, System::nanoTime, Pacer::park);
  }

  /** No waiting: as fast as the target takes the readings. */
  public static Pacer unlimited() {
    return new Pacer(0, System::nanoTime, nanos -> {});
  }

  private static void park(long nanos) throws InterruptedException {
    LockSupport.parkNanos(nanos);
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }

  public boolean limited() {
    return periodNanos > 0;
  }

  /** Whether tick {@code n} is due already (so the sender need not flush before it). */
  public boolean due(long tick) {
    return !limited() || !started || nanoTime.getAsLong() >= dueAt(tick);
  }

  /** Waits until tick {@code n} is due; the first call starts the schedule. Ticks must come in order. */
  public void awaitTick(long tick) throws InterruptedException {
    if (!limited()) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (!started) {
      started = true;
      origin = now - tick * periodNanos;
      return;
    }
    long behind = now - dueAt(tick);
    if (behind > MAX_BACKLOG_NANOS) {
      long shift = behind - MAX_BACKLOG_NANOS;
      origin += shift;
      givenUpNanos += shift;
      stalls++;
    }
    for (long wait = dueAt(tick) - now; wait > 0; wait = dueAt(tick) - nanoTime.getAsLong()) {
      sleeper.sleepNanos(wait);
    }
  }

  private long dueAt(long tick) {
    return origin + tick * periodNanos;
  }

  /** Schedule time given up after stalls longer than the allowed backlog: how far the run fell behind for good. */
  public long givenUpNanos() {
    return givenUpNanos;
  }

  /** How many times the schedule had to be moved later. */
  public long stalls() {
    return stalls;
  }
}
