package io.edgetimedb.server.bench;

/**
 * The questions every target answers, over the {@code temperature} measurement (field {@code
 * value}, tags site, line, sensor). Each is written in each database's own SQL by its target.
 */
public enum BenchQuery {
  /** One sensor's readings from {@code to - 5 min} to {@code to}. */
  LAST_FIVE_MINUTES,
  /** One sensor's readings in [{@code from}, {@code from + 1 h}). */
  ONE_HOUR_RANGE,
  /** One sensor's avg, min and max per minute over [{@code from}, {@code from + 1 h}). */
  MINUTE_BUCKETS_OVER_ONE_HOUR,
  /** The latest value of every temperature sensor. */
  LATEST_OF_EVERY_SENSOR,
  /** Every reading of one site and line in [{@code from}, {@code from + 1 h}): a multi-sensor tag filter. */
  TAG_FILTER
}
