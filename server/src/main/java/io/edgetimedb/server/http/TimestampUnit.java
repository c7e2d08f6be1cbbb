package io.edgetimedb.server.http;

import io.edgetimedb.engine.lineprotocol.Precision;

/**
 * The unit a write request's timestamps are in: one the engine's parser converts itself, or
 * InfluxDB 1.x's minutes and hours, which the parser does not know. Those are parsed as if they
 * were milliseconds (the number kept as written) and scaled afterwards by {@link CoarseTimestamps}.
 *
 * @param parsedAs the precision handed to the parser
 * @param millisPerUnit 1 when the parser converts; 60,000 or 3,600,000 when scaled afterwards
 * @param name the spelling used in messages
 */
record TimestampUnit(Precision parsedAs, long millisPerUnit, String name) {
  static final TimestampUnit MINUTES = new TimestampUnit(Precision.MILLISECONDS, 60_000L, "m");
  static final TimestampUnit HOURS = new TimestampUnit(Precision.MILLISECONDS, 3_600_000L, "h");

  static TimestampUnit of(Precision precision) {
    return new TimestampUnit(precision, 1, precision.name().toLowerCase());
  }

  /** Whether the parsed timestamps still need {@link CoarseTimestamps}. */
  boolean scaledAfterParsing() {
    return millisPerUnit != 1;
  }
}
