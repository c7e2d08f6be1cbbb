package io.edgetimedb.engine.read;

import io.edgetimedb.engine.index.TagPredicate;
import java.util.List;

/**
 * What to read: one measurement, the series a tag predicate selects, some fields and tag
 * columns, a half-open time range, the order within each series and a per-series row limit.
 * Immutable; each {@code with}-style method returns a new request.
 *
 * @param fields field names to return; empty means every field the measurement has
 * @param tagKeys tag keys to return; empty means every tag key the measurement has
 * @param limitPerSeries at most this many rows from each series; negative means no limit
 */
public record ReadRequest(
    String measurement,
    TagPredicate where,
    List<String> fields,
    List<String> tagKeys,
    long fromInclusive,
    long toExclusive,
    boolean descending,
    long limitPerSeries) {

  public ReadRequest {
    fields = List.copyOf(fields);
    tagKeys = List.copyOf(tagKeys);
  }

  /** Every row of every series of the measurement, oldest first. */
  public static ReadRequest of(String measurement) {
    return new ReadRequest(measurement, TagPredicate.all(), List.of(), List.of(), Long.MIN_VALUE, Long.MAX_VALUE,
        false, -1);
  }

  public ReadRequest where(TagPredicate predicate) {
    return new ReadRequest(measurement, predicate, fields, tagKeys, fromInclusive, toExclusive, descending,
        limitPerSeries);
  }

  public ReadRequest fields(String... names) {
    return new ReadRequest(measurement, where, List.of(names), tagKeys, fromInclusive, toExclusive, descending,
        limitPerSeries);
  }

  public ReadRequest tagKeys(String... keys) {
    return new ReadRequest(measurement, where, fields, List.of(keys), fromInclusive, toExclusive, descending,
        limitPerSeries);
  }

  /** Rows with {@code from <= ts < to}; a {@code to} of Long.MAX_VALUE means no upper bound. */
  public ReadRequest timeRange(long from, long to) {
    return new ReadRequest(measurement, where, fields, tagKeys, from, to, descending, limitPerSeries);
  }

  /** Newest row first within each series. */
  public ReadRequest descending(boolean newestFirst) {
    return new ReadRequest(measurement, where, fields, tagKeys, fromInclusive, toExclusive, newestFirst,
        limitPerSeries);
  }

  public ReadRequest limitPerSeries(long rows) {
    return new ReadRequest(measurement, where, fields, tagKeys, fromInclusive, toExclusive, descending, rows);
  }
}
