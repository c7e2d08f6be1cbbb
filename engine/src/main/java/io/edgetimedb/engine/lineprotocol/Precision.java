package io.edgetimedb.engine.lineprotocol;

/**
 * The unit of the timestamps in a line-protocol body, as the {@code precision} query parameter
 * of an InfluxDB write names it. The engine keeps epoch milliseconds, so every unit converts
 * to milliseconds; finer units are floored (towards negative infinity), so a timestamp before
 * 1970 lands in the millisecond that contains it, as it does for positive ones.
 */
public enum Precision {
  NANOSECONDS,
  MICROSECONDS,
  MILLISECONDS,
  SECONDS;

  /**
   * The precision a query parameter names: {@code ns}, {@code us}, {@code ms}, {@code s}, plus
   * the InfluxDB 1.x spellings {@code n} and {@code u}. A missing (null or empty) parameter means
   * nanoseconds, as in InfluxDB.
   *
   * @throws IllegalArgumentException for any other value, naming it
   */
  public static Precision fromQueryParameter(String p) {
    if (p == null || p.isEmpty()) {
      return NANOSECONDS;
    }
    return switch (p) {
      case "ns", "n" -> NANOSECONDS;
      case "us", "u" -> MICROSECONDS;
      case "ms" -> MILLISECONDS;
      case "s" -> SECONDS;
      default -> throw new IllegalArgumentException(
          "unknown precision '" + p + "' (expected ns, us, ms or s)");
    };
  }

  /**
   * A timestamp in this unit as epoch milliseconds, floored.
   *
   * @throws ArithmeticException when seconds do not fit in a long as milliseconds
   */
  public long toMillis(long t) {
    return switch (this) {
      case NANOSECONDS -> Math.floorDiv(t, 1_000_000L);
      case MICROSECONDS -> Math.floorDiv(t, 1_000L);
      case MILLISECONDS -> t;
      case SECONDS -> Math.multiplyExact(t, 1_000L);
    };
  }

  /**
   * Epoch milliseconds as a timestamp in this unit; seconds are floored.
   *
   * @throws ArithmeticException when the timestamp does not fit in a long in this unit
   */
  public long fromMillis(long millis) {
    return switch (this) {
      case NANOSECONDS -> Math.multiplyExact(millis, 1_000_000L);
      case MICROSECONDS -> Math.multiplyExact(millis, 1_000L);
      case MILLISECONDS -> millis;
      case SECONDS -> Math.floorDiv(millis, 1_000L);
    };
  }
}
