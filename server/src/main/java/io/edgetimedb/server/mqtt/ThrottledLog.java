package io.edgetimedb.server.mqtt;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.LongSupplier;

/**
 * Logs a warning at most once per interval and says how many it held back: a sensor publishing
 * garbage ten times a second must not flood the log, while the first message of a burst still
 * appears at once. Thread-safe.
 */
public final class ThrottledLog {
  private final Logger logger;
  private final long intervalMillis;
  private final LongSupplier clock;
  private long lastLoggedMillis;
  private boolean loggedOnce;
  private long heldBack;

  public ThrottledLog(Logger logger, long intervalMillis, LongSupplier clock) {
    this.logger = logger;
    this.intervalMillis = intervalMillis;
    this.clock = clock;
  }

  /** Logs {@code message} unless one was logged less than an interval ago; returns whether it did. */
  public synchronized boolean warn(String message) {
    long now = clock.getAsLong();
    if (loggedOnce && now - lastLoggedMillis < intervalMillis) {
      heldBack++;
      return false;
    }
    String suffix = heldBack == 0 ? "" : " (" + heldBack + " more since the last report)";
    logger.log(Level.WARNING, message + suffix);
    loggedOnce = true;
    lastLoggedMillis = now;
    heldBack = 0;
    return true;
  }
}
