package io.edgetimedb.engine.write;

import io.edgetimedb.engine.schema.FieldType;
import java.util.Arrays;
import java.util.Objects;

/**
 * A reusable batch of points, stored column-wise in growable arrays so that filling and
 * writing a batch allocates nothing once the arrays have grown to the batch size.
 *
 * <pre>
 * batch.source("plc-7");
 * batch.point("boiler", ts).tag("site", "A").tag("sensor", "t1").field("value", 21.5);
 * batch.point("boiler", ts).tag("site", "A").tag("sensor", "t2").field("value", 21.7);
 * db.write(batch);
 * batch.clear();
 * </pre>
 * A point takes the tags and fields added after its {@code point(...)} call. Not thread-safe.
 */
public final class PointBatch {
  /**
   * The timestamp of a point whose sender gave none: the database stamps it with the receive
   * time, or refuses it, by its clock policy ({@code ingest.receive-time-stamp}). Also what
   * {@link #receivedAt()} says when no receive time was set. A point really written at this
   * instant (292 million years BC) would be taken as having no timestamp, so every way in that
   * reads a sender's timestamp refuses this one ({@link #reservedTimestampProblem}).
   */
  public static final long NO_TIMESTAMP = Long.MIN_VALUE;

  /**
   * Why a timestamp a sender wrote cannot be taken as written, or null: {@link #NO_TIMESTAMP}
   * is reserved, and taking it would stamp the point with its receive time without a word.
   */
  public static String reservedTimestampProblem(long millis) {
    return millis == NO_TIMESTAMP ? "is reserved for points without a timestamp; the earliest that can be written is "
        + (NO_TIMESTAMP + 1) + " ms" : null;
  }

  private String source = "api";
  private long receivedAt = NO_TIMESTAMP;
  private int points;
  private String[] measurements = new String[16];
  private long[] timestamps = new long[16];
  private int[] tagStart = new int[16];
  private int[] fieldStart = new int[17];
  private int tags;
  private String[] tagKeys = new String[32];
  private String[] tagValues = new String[32];
  private int[] tagEnd = new int[16];
  private int[] seriesIds = new int[16];
  private int[] fieldIds = new int[32];
  private int fields;
  private String[] fieldNames = new String[32];
  private FieldType[] fieldTypes = new FieldType[32];
  private long[] fieldBits = new long[32];
  private Object[] fieldRefs = new Object[32];

  /**
   * Who wrote the batch, as {@code protocol:address} ({@code tcp:10.0.0.7}, {@code
   * mqtt:plant/A/t1}, {@code jdbc:plant}); recorded in the schema history, and the key of the
   * statistics {@code Database.sources()} keeps.
   */
  public PointBatch source(String source) {
    this.source = source;
    return this;
  }

  public String source() {
    return source;
  }

  /**
   * When the points arrived (epoch milliseconds), as a listener saw them: the clock policy
   * measures their timestamps against it. Unset, the database takes the time of the write.
   * {@link #clear()} unsets it.
   */
  public PointBatch receivedAt(long millis) {
    this.receivedAt = millis;
    return this;
  }

  /** The receive time set with {@link #receivedAt(long)}, or {@link #NO_TIMESTAMP}. */
  public long receivedAt() {
    return receivedAt;
  }

  /** Starts a point; timestamp in epoch milliseconds. Names are checked when the batch is written. */
  public PointBatch point(String measurement, long timestampMillis) {
    Objects.requireNonNull(measurement, "measurement");
    if (points == measurements.length) {
      growPoints();
    }
    measurements[points] = measurement;
    timestamps[points] = timestampMillis;
    tagStart[points] = tags;
    tagEnd[points] = tags;
    fieldStart[points] = fields;
    fieldStart[points + 1] = fields;
    seriesIds[points] = -1;
    points++;
    return this;
  }

  public PointBatch tag(String key, String value) {
    Objects.requireNonNull(key, "tag key");
    Objects.requireNonNull(value, "tag value");
    int p = current();
    if (tags == tagKeys.length) {
      tagKeys = Arrays.copyOf(tagKeys, tags * 2);
      tagValues = Arrays.copyOf(tagValues, tags * 2);
    }
    tagKeys[tags] = key;
    tagValues[tags] = value;
    tags++;
    tagEnd[p] = tags;
    return this;
  }

  public PointBatch field(String name, double value) {
    return addField(name, FieldType.DOUBLE, Double.doubleToRawLongBits(value), null);
  }

  public PointBatch field(String name, long value) {
    return addField(name, FieldType.BIGINT, value, null);
  }

  public PointBatch field(String name, boolean value) {
    return addField(name, FieldType.BOOLEAN, value ? 1 : 0, null);
  }

  public PointBatch field(String name, String value) {
    return addField(name, FieldType.VARCHAR, 0, value);
  }

  public PointBatch field(String name, byte[] value) {
    return addField(name, FieldType.VARBINARY, 0, value);
  }

  private PointBatch addField(String name, FieldType type, long bits, Object ref) {
    Objects.requireNonNull(name, "field name");
    if (ref == null && (type == FieldType.VARCHAR || type == FieldType.VARBINARY)) {
      throw new NullPointerException("value of field " + name);
    }
    int p = current();
    if (fields == fieldNames.length) {
      growFields();
    }
    fieldNames[fields] = name;
    fieldTypes[fields] = type;
    fieldBits[fields] = bits;
    fieldRefs[fields] = ref;
    fieldIds[fields] = -1;
    fields++;
    fieldStart[p + 1] = fields;
    return this;
  }

  private int current() {
    if (points == 0) {
      throw new IllegalStateException("point(measurement, timestamp) must come before tags and fields");
    }
    return points - 1;
  }

  /** Appends a copy of another batch's point, with its tags and fields (values are shared, not copied). */
  public PointBatch addPointFrom(PointBatch other, int point) {
    point(other.measurements[point], other.timestamps[point]);
    for (int t = other.tagStart[point]; t < other.tagEnd[point]; t++) {
      tag(other.tagKeys[t], other.tagValues[t]);
    }
    for (int f = other.fieldStart[point]; f < other.fieldStart[point + 1]; f++) {
      addField(other.fieldNames[f], other.fieldTypes[f], other.fieldBits[f], other.fieldRefs[f]);
    }
    return this;
  }

  /** Forgets the last point with its tags and fields. */
  public void dropLastPoint() {
    int p = current();
    Arrays.fill(fieldRefs, fieldStart[p], fields, null);
    tags = tagStart[p];
    fields = fieldStart[p];
    points--;
  }

  /** Forgets every point and the receive time but keeps the arrays (and the source). */
  public void clear() {
    Arrays.fill(fieldRefs, 0, fields, null);
    receivedAt = NO_TIMESTAMP;
    points = 0;
    tags = 0;
    fields = 0;
  }

  public int size() {
    return points;
  }

  public String measurement(int point) {
    return measurements[point];
  }

  public long timestamp(int point) {
    return timestamps[point];
  }

  /** Replaces a point's timestamp: the clock policy stamps and clamps points in place. */
  void timestamp(int point, long millis) {
    timestamps[point] = millis;
  }

  public int tagStart(int point) {
    return tagStart[point];
  }

  public int tagCount(int point) {
    return tagEnd[point] - tagStart[point];
  }

  /** Tag keys of all points; a point's tags are [tagStart, tagStart + tagCount). */
  public String[] tagKeys() {
    return tagKeys;
  }

  public String[] tagValues() {
    return tagValues;
  }

  public int fieldStart(int point) {
    return fieldStart[point];
  }

  public int fieldCount(int point) {
    return fieldStart[point + 1] - fieldStart[point];
  }

  public String fieldName(int field) {
    return fieldNames[field];
  }

  public FieldType fieldType(int field) {
    return fieldTypes[field];
  }

  public long fieldBits(int field) {
    return fieldBits[field];
  }

  public Object fieldRef(int field) {
    return fieldRefs[field];
  }

  /**
   * The id of the series the point belongs to, when the write path has found it (or a log
   * replay read it), else -1. Lets the log refer to a known series by id instead of by its
   * tags, and a replay skip the tag lookup.
   */
  public int seriesId(int point) {
    return seriesIds[point];
  }

  public void seriesId(int point, int id) {
    seriesIds[point] = id;
  }

  /** The id of a field in its measurement's schema, when known, else -1; see {@link #seriesId(int)}. */
  public int fieldId(int field) {
    return fieldIds[field];
  }

  public void fieldId(int field, int id) {
    fieldIds[field] = id;
  }

  /**
   * Sorts a point's tags by key in place (insertion sort: points have few tags) so that equal
   * tag sets compare equal. Returns the first duplicated key, or null.
   */
  public String sortTags(int point) {
    int from = tagStart[point];
    int to = tagEnd[point];
    for (int i = from + 1; i < to; i++) {
      String key = tagKeys[i];
      String value = tagValues[i];
      int j = i - 1;
      while (j >= from && tagKeys[j].compareTo(key) > 0) {
        tagKeys[j + 1] = tagKeys[j];
        tagValues[j + 1] = tagValues[j];
        j--;
      }
      tagKeys[j + 1] = key;
      tagValues[j + 1] = value;
    }
    for (int i = from + 1; i < to; i++) {
      if (tagKeys[i].equals(tagKeys[i - 1])) {
        return tagKeys[i];
      }
    }
    return null;
  }

  private void growPoints() {
    int n = points * 2;
    measurements = Arrays.copyOf(measurements, n);
    timestamps = Arrays.copyOf(timestamps, n);
    tagStart = Arrays.copyOf(tagStart, n);
    tagEnd = Arrays.copyOf(tagEnd, n);
    fieldStart = Arrays.copyOf(fieldStart, n + 1);
    seriesIds = Arrays.copyOf(seriesIds, n);
  }

  private void growFields() {
    int n = fields * 2;
    fieldNames = Arrays.copyOf(fieldNames, n);
    fieldTypes = Arrays.copyOf(fieldTypes, n);
    fieldBits = Arrays.copyOf(fieldBits, n);
    fieldRefs = Arrays.copyOf(fieldRefs, n);
    fieldIds = Arrays.copyOf(fieldIds, n);
  }
}
