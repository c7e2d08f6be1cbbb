package io.edgetimedb.server.bench.run;

/**
 * Where the feed is in data time. Every sensor reads once a second of data time, and the feed
 * runs as fast as the target takes it, far faster than wall time, so the data is history that
 * starts long enough ago to end before now; a count of points written says how far it has come:
 * {@code points / sensors} whole seconds after the start.
 *
 * @param startMillis data time of the first reading
 * @param sensors sensors in the feed
 */
record DataTime(long startMillis, int sensors) {
  static final long PERIOD_MILLIS = 1_000;
  /** Data time written before the timed part, so that the 1-hour questions find a full hour. */
  static final long PREFIX_SECONDS = 3_600;

  /** Points per second no target comes near; the history is long enough for a feed this fast. */
  static final long FASTEST_POINTS_PER_SECOND = 20_000_000;

  /**
   * How far before now the data starts: the prefix plus all the data time a timed phase of
   * {@code ingestMillis} could cover, so that even the fastest feed stays in the past.
   */
  static long historyMillis(int sensors, long ingestMillis) {
    long phaseDataSeconds = FASTEST_POINTS_PER_SECOND * (ingestMillis / 1000 + 1) / sensors;
    return (PREFIX_SECONDS + phaseDataSeconds) * PERIOD_MILLIS;
  }

  /** Points that make up the prefix. */
  long prefixPoints() {
    return PREFIX_SECONDS * sensors;
  }

  /** The end of the data written once {@code points} points are in: the newest reading is one period before. */
  long frontierMillis(long points) {
    return startMillis + points / sensors * PERIOD_MILLIS;
  }
}
