package io.edgetimedb.engine.catalog;

import io.edgetimedb.engine.index.TagIndex;
import io.edgetimedb.engine.schema.MeasurementSchema;
import io.edgetimedb.engine.series.Series;
import io.edgetimedb.engine.series.SeriesTable;

/** A measurement: its schema, its series by tag set, and the tag index over them. */
public final class Measurement {
  private final String name;
  private final MeasurementSchema schema;
  private final SeriesTable table = new SeriesTable();
  private final TagIndex index = new TagIndex();

  Measurement(String name, MeasurementSchema schema) {
    this.name = name;
    this.schema = schema;
  }

  public String name() {
    return name;
  }

  public MeasurementSchema schema() {
    return schema;
  }

  public TagIndex index() {
    return index;
  }

  /** The series with this sorted tag set, or null; lock-free. */
  public Series find(int hash, String[] keys, String[] values, int from, int n) {
    return table.find(hash, keys, values, from, n);
  }

  /** Adds a new series; the caller holds this measurement's lock and checked it is absent. */
  void add(Series series) {
    table.insert(series);
    String[] keys = new String[series.tagCount()];
    String[] values = new String[series.tagCount()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = series.tagKey(i);
      values[i] = series.tagValue(i);
    }
    index.add(series.id(), keys, values, keys.length);
  }

  public int seriesCount() {
    return table.size();
  }

  /** Bytes of the series table and the tag index. */
  public long indexBytes() {
    return table.bytesHeld() + index.bytesHeld();
  }
}
