package io.edgetimedb.server.simulation;

import java.util.Locale;

/**
 * {@code --rate}: readings per second per sensor, or {@code max}. A rate becomes the time between
 * a sensor's readings, which must be a whole number of milliseconds (the engine's unit) within
 * 1% of the rate asked for, so 3 Hz is 333 ms but 700 Hz (1.43 ms) is refused. {@code max}
 * sends as fast as the target takes the readings, which are then {@value #MAX_RATE_PERIOD_MILLIS}
 * ms apart in sensor time.
 */
public record ReadingRate(double hertz, long periodMillis) {
  static final long MAX_RATE_PERIOD_MILLIS = 1_000;

  public static final ReadingRate MAX = new ReadingRate(Double.NaN, MAX_RATE_PERIOD_MILLIS);

  /**
   * Reads the option's value.
   *
   * @throws IllegalArgumentException naming the value and what is wrong with it
   */
  public static ReadingRate parse(String text) {
    if (text.trim().toLowerCase(Locale.ROOT).equals("max")) {
      return MAX;
    }
    double hz;
    try {
      hz = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      hz = Double.NaN;
    }
    if (!(hz > 0 && hz <= 1000)) {
      throw new IllegalArgumentException("'" + text + "' is not a rate: give readings per second per sensor,"
          + " above 0 and at most 1000 (e.g. 1, 0.2, 50), or max");
    }
    long period = Math.round(1000 / hz);
    if (period < 1 || Math.abs(1000.0 / period - hz) > hz * 0.01) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "'%s' Hz would put readings %.3f ms apart;"
          + " readings are whole milliseconds apart, so choose a rate such as %s", text, 1000 / hz,
          "1000, 500, 250 or 200"));
    }
    return new ReadingRate(hz, period);
  }

  public boolean max() {
    return Double.isNaN(hertz);
  }

  /** Points per second a fleet of {@code sensors} sends at this rate (NaN for max). */
  public double pointsPerSecond(int sensors) {
    return max() ? Double.NaN : sensors * 1000.0 / periodMillis;
  }

  /** A pacer for this rate: a tick every period, or none. */
  public Pacer pacer() {
    return max() ? Pacer.unlimited() : Pacer.every(periodMillis * 1_000_000L);
  }
}
