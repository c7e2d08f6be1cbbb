package io.edgetimedb.server.bench.run;

/**
 * Where the feed is in data time. Every sensor reads once a second of data time, and the feed
 * runs as fast as the target takes it, so data time runs ahead of wall time; a count of points
 * written says how far: {@code points / sensors} whole seconds after the start.
 *
 * @param startMillis data time of the first reading
 * @param sensors sensors in the feed
 */
record DataTime(long startMillis, int sensors) {
  static final long PERIOD_MILLIS = 1_000;
  /** Data time written before the timed part, so that the 1-hour questions find a full hour. */
  static final long PREFIX_SECONDS = 3_600;

  /** Points that make up the prefix. */
  long prefixPoints() {
    return PREFIX_SECONDS * sensors;
  }

  /** The end of the data written once {@code points} points are in: the newest reading is one period before. */
  long frontierMillis(long points) {
    return startMillis + points / sensors * PERIOD_MILLIS;
  }
}
