package io.edgetimedb.sql.table;

import io.edgetimedb.sql.predicate.Operand;
import io.edgetimedb.sql.predicate.TagFilter;
import io.edgetimedb.sql.predicate.TimeFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a scan of a measurement asks the engine for: which columns, which time range, which
 * series, in which order and how many rows. The push-down rules build it up one operator at a
 * time; EXPLAIN prints it, so a plan shows exactly what the engine does.
 *
 * @param projection indexes into {@code columns} of the columns the scan returns, in order
 * @param tags the tag filter, or null for every series
 * @param order the order of the whole result by {@code ts}
 * @param limit how many rows at most, or null for all of them
 */
public record ScanSpec(
    MeasurementColumns columns, List<Integer> projection, TimeFilter time, TagFilter tags, Order order,
    Operand limit) {

  /** The order of rows by time across all series. */
  public enum Order {
    /** Series by series, each in time order: the engine's natural order. */
    SERIES,
    /** Oldest first across all series. */
    ASCENDING,
    /** Newest first across all series. */
    DESCENDING
  }

  public ScanSpec {
    projection = List.copyOf(projection);
  }

  /** Every column and row of the measurement. */
  public static ScanSpec all(MeasurementColumns columns) {
    List<Integer> identity = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      identity.add(i);
    }
    return new ScanSpec(columns, identity, TimeFilter.ALL, null, Order.SERIES, null);
  }

  /** The column the i-th output field comes from. */
  public Column output(int i) {
    return columns.get(projection.get(i));
  }

  /** The output position of {@code ts}, or -1 when it is not projected. */
  public int timeOutput() {
    for (int i = 0; i < projection.size(); i++) {
      if (output(i).kind() == ColumnKind.TIME) {
        return i;
      }
    }
    return -1;
  }

  public ScanSpec withProjection(List<Integer> outputs) {
    List<Integer> mapped = outputs.stream().map(projection::get).collect(Collectors.toList());
    return new ScanSpec(columns, mapped, time, tags, order, limit);
  }

  public ScanSpec withFilter(TimeFilter moreTime, TagFilter moreTags) {
    TagFilter combined = moreTags == null ? tags
        : tags == null ? moreTags : new TagFilter.And(List.of(tags, moreTags));
    return new ScanSpec(columns, projection, time.and(moreTime), combined, order, limit);
  }

  public ScanSpec withOrderAndLimit(Order newOrder, Operand newLimit) {
    return new ScanSpec(columns, projection, time, tags, newOrder, newLimit);
  }

  /** True once rows are limited or ordered: filters may then no longer be pushed below. */
  public boolean isLimited() {
    return limit != null || order != Order.SERIES;
  }

  /** The filter as EXPLAIN prints it, or null when there is none. */
  public String filterString() {
    List<String> parts = new ArrayList<>();
    if (!time.isAll()) {
      parts.add(time.toString());
    }
    if (tags != null) {
      parts.add(tags.toString());
    }
    return parts.isEmpty() ? null : String.join(" AND ", parts);
  }

  /** The projected column names as EXPLAIN prints them. */
  public List<String> outputNames() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < projection.size(); i++) {
      names.add(output(i).name());
    }
    return names;
  }
}
