package io.edgetimedb.engine.read;

import java.util.SortedMap;

/**
 * The newest value of each asked field in one series, with the time it was written for. Fields
 * are in the order they were asked for; a field the series has no value of has none here.
 */
public final class LatestRow {
  private final int seriesId;
  private final SortedMap<String, String> tags;
  private final long[] timestamps;
  private final Object[] values;

  LatestRow(int seriesId, SortedMap<String, String> tags, long[] timestamps, Object[] values) {
    this.seriesId = seriesId;
    this.tags = tags;
    this.timestamps = timestamps;
    this.values = values;
  }

  public int seriesId() {
    return seriesId;
  }

  /** The series' tag set, by key. */
  public SortedMap<String, String> tags() {
    return tags;
  }

  public int fieldCount() {
    return values.length;
  }

  /** False when the series holds no value of the i-th field. */
  public boolean hasValue(int i) {
    return values[i] != null;
  }

  /** When the i-th field's newest value was written for (epoch ms); only meaningful with a value. */
  public long timestamp(int i) {
    return timestamps[i];
  }

  /** The i-th field's newest value boxed in the field's type at read time (byte[] for VARBINARY), or null. */
  public Object value(int i) {
    return values[i];
  }
}
