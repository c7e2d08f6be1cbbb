package io.edgetimedb.server.simulation;

import io.edgetimedb.engine.settings.DurationText;

/**
 * {@code --clock-skew SHARE:MAX_OFFSET[:MAX_DRIFT_PPM]}: a share of the sensors whose clocks are
 * off by up to ±MAX_OFFSET plus a drift of up to ±MAX_DRIFT_PPM parts per million, as
 * {@code SensorFeed.skewClocks} simulates. {@code 0.1:5s:50} = a tenth of the sensors, up to five
 * seconds off, drifting up to 50 ppm (4.3 s a day).
 */
public record ClockSkew(double share, long maxOffsetMillis, double maxDriftPpm) {
  /**
   * Reads the option's value.
   *
   * @throws IllegalArgumentException saying which part is wrong
   */
  public static ClockSkew parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("expected SHARE:MAX_OFFSET[:MAX_DRIFT_PPM], e.g. 0.1:5s:50");
    }
    double share = Share.parse(parts[0]);
    Long offset = DurationText.parse(parts[1]);
    if (offset == null || offset < 0) {
      throw new IllegalArgumentException("MAX_OFFSET '" + parts[1] + "' is not a duration such as 500ms or 5s");
    }
    double drift = 0;
    if (parts.length == 3) {
      try {
        drift = Double.parseDouble(parts[2]);
      } catch (NumberFormatException e) {
        drift = Double.NaN;
      }
      if (!(drift >= 0 && drift <= 1e6)) {
        throw new IllegalArgumentException("MAX_DRIFT_PPM '" + parts[2] + "' is not a number of parts per million"
            + " between 0 and 1000000");
      }
    }
    return new ClockSkew(share, offset, drift);
  }
}
