package io.edgetimedb.server.simulation;

/**
 * {@code --late SHARE:MAX_TICKS}: a share of the readings held back 1 to MAX_TICKS ticks and
 * delivered after newer ones, as {@code SensorFeed.deliverLate} simulates (a buffering gateway, a
 * retrying link). {@code 0.05:10} = one reading in twenty, up to ten ticks late.
 */
public record LateReadings(double share, int maxTicks) {
  /**
   * Reads the option's value.
   *
   * @throws IllegalArgumentException saying which part is wrong
   */
  public static LateReadings parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("expected SHARE:MAX_TICKS, e.g. 0.05:10");
    }
    double share = Share.parse(parts[0]);
    int ticks;
    try {
      ticks = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      ticks = 0;
    }
    if (ticks < 1) {
      throw new IllegalArgumentException("MAX_TICKS '" + parts[1] + "' is not a whole number of ticks of at least 1");
    }
    return new LateReadings(share, ticks);
  }
}
