package io.edgetimedb.engine.catalog;

import io.edgetimedb.engine.FieldInfo;
import io.edgetimedb.engine.memory.ObjectSizes;
import io.edgetimedb.engine.schema.MeasurementSchema;
import io.edgetimedb.engine.schema.SchemaChange;
import io.edgetimedb.engine.schema.SchemaHistory;
import io.edgetimedb.engine.series.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.roaringbitmap.IntIterator;

/**
 * Every measurement and series of a database. Series ids are dense and index an array, so a
 * reader turns a bitmap of ids into series without a map lookup.
 */
public final class Catalog {
  private final ConcurrentHashMap<String, Measurement> measurements = new ConcurrentHashMap<>();
  private final TagDictionary dictionary = new TagDictionary();
  private final SchemaHistory history = new SchemaHistory();
  private volatile Series[] seriesById = new Series[64];
  private int seriesCount;
  /** Series held now: {@link #seriesCount} without the dropped ones. */
  private volatile int liveSeries;
  private volatile long drops;

  public Measurement measurement(String name) {
    return measurements.get(name);
  }

  /** The measurement, created (and recorded in the schema history) on first use. */
  public Measurement measurementFor(String name, String source, long nowMillis) {
    Measurement m = measurements.get(name);
    return m != null ? m : createMeasurement(name, source, nowMillis);
  }

  private synchronized Measurement createMeasurement(String name, String source, long now) {
    Measurement m = measurements.get(name);
    if (m == null) {
      String interned = dictionary.intern(name);
      m = new Measurement(interned, new MeasurementSchema(interned, history));
      measurements.put(interned, m);
      history.record(new SchemaChange(now, interned, SchemaChange.Kind.MEASUREMENT_CREATED, interned, null, null, source));
    }
    return m;
  }

  /** The series with this sorted tag set, or null; allocates nothing. */
  public Series findSeries(Measurement m, String[] keys, String[] values, int from, int n) {
    return m.find(Series.hashTags(keys, values, from, n), keys, values, from, n);
  }

  /**
   * The series of a measurement with the sorted tag set in {@code keys/values[from, from + n)},
   * created on first use. The lookup allocates nothing; creation interns the tags.
   */
  public Series seriesFor(Measurement m, String[] keys, String[] values, int from, int n, String source, long now) {
    int hash = Series.hashTags(keys, values, from, n);
    Series s = m.find(hash, keys, values, from, n);
    return s != null ? s : createSeries(m, hash, keys, values, from, n, source, now);
  }

  private Series createSeries(Measurement m, int hash, String[] keys, String[] values, int from, int n,
      String source, long now) {
    synchronized (m) {
      Series s = m.find(hash, keys, values, from, n);
      if (s != null) {
        return s;
      }
      String[] k = new String[n];
      String[] v = new String[n];
      for (int i = 0; i < n; i++) {
        k[i] = dictionary.intern(keys[from + i]);
        v[i] = dictionary.intern(values[from + i]);
        m.schema().useTagKey(k[i], source, now);
      }
      s = newSeries(m.name(), k, v, hash);
      m.add(s);
      return s;
    }
  }

  private synchronized Series newSeries(String measurement, String[] keys, String[] values, int hash) {
    if (seriesCount == seriesById.length) {
      seriesById = Arrays.copyOf(seriesById, seriesById.length * 2);
    }
    Series s = new Series(seriesCount, measurement, keys, values, hash);
    seriesById[seriesCount++] = s;
    liveSeries++;
    return s;
  }

  /**
   * Creates a measurement with declared tag keys and typed fields, as CREATE MEASUREMENT does;
   * false (and nothing changes) when it exists already. The caller checked the names.
   */
  public synchronized boolean declare(String name, List<String> tagKeys, List<FieldInfo> fields, String source,
      long now) {
    if (measurements.containsKey(name)) {
      return false;
    }
    MeasurementSchema schema = measurementFor(name, source, now).schema();
    tagKeys.forEach(key -> schema.useTagKey(key, source, now));
    fields.forEach(f -> schema.fieldFor(f.name(), f.type(), source, now));
    return true;
  }

  /**
   * Forgets a measurement and its series; returns false when there was none. Writes racing the
   * drop may land in the forgotten measurement and are lost with it.
   */
  public synchronized boolean dropMeasurement(String name, String source, long nowMillis) {
    Measurement m = measurements.remove(name);
    if (m == null) {
      return false;
    }
    IntIterator ids = m.index().allSeries().getIntIterator();
    while (ids.hasNext()) {
      seriesById[ids.next()] = null;
      liveSeries--;
    }
    history.record(new SchemaChange(nowMillis, name, SchemaChange.Kind.MEASUREMENT_DROPPED, name, null, null, source));
    drops++;
    return true;
  }

  /** Forgets everything, e.g. after a checkpoint failed half-way through loading. */
  public synchronized void clear() {
    measurements.clear();
    seriesById = new Series[64];
    seriesCount = 0;
    liveSeries = 0;
    history.clear();
  }

  /** Recreates a measurement from a checkpoint, with no schema-history entry (the checkpoint has its own). */
  public synchronized Measurement restoreMeasurement(String name) {
    String interned = dictionary.intern(name);
    Measurement m = new Measurement(interned, new MeasurementSchema(interned, history));
    measurements.put(interned, m);
    return m;
  }

  /** Recreates a series under its checkpointed id; ids between stay unused, as they were. */
  public synchronized Series restoreSeries(Measurement m, int id, String[] keys, String[] values) {
    String[] k = new String[keys.length];
    String[] v = new String[values.length];
    for (int i = 0; i < keys.length; i++) {
      k[i] = dictionary.intern(keys[i]);
      v[i] = dictionary.intern(values[i]);
    }
    while (id >= seriesById.length) {
      seriesById = Arrays.copyOf(seriesById, seriesById.length * 2);
    }
    Series s = new Series(id, m.name(), k, v, Series.hashTags(k, v, 0, k.length));
    seriesById[id] = s;
    seriesCount = Math.max(seriesCount, id + 1);
    liveSeries++;
    synchronized (m) {
      m.add(s);
    }
    return s;
  }

  /** Ids below this were handed out before the checkpoint; the log's replay continues from it. */
  public synchronized void restoreNextSeriesId(int next) {
    while (next > seriesById.length) {
      seriesById = Arrays.copyOf(seriesById, seriesById.length * 2);
    }
    seriesCount = Math.max(seriesCount, next);
  }

  public Series series(int id) {
    return seriesById[id];
  }

  /** How many measurements were dropped so far; a change tells a writer its unlocked check went stale. */
  public long drops() {
    return drops;
  }

  /** Series ids handed out so far, dropped ones included: ids are never reused. */
  public synchronized int seriesCount() {
    return seriesCount;
  }

  /** Series held now, dropped ones not counted: what {@code ingest.max-series} limits. */
  public int liveSeriesCount() {
    return liveSeries;
  }

  /** The measurements as they are now, sorted by name. */
  public List<Measurement> measurements() {
    List<Measurement> all = new ArrayList<>(measurements.values());
    all.sort(java.util.Comparator.comparing(Measurement::name));
    return all;
  }

  /** Measurement names, sorted. */
  public List<String> measurementNames() {
    List<String> names = new ArrayList<>(measurements.keySet());
    names.sort(null);
    return names;
  }

  public SchemaHistory history() {
    return history;
  }

  public TagDictionary dictionary() {
    return dictionary;
  }

  /** Bytes of the id array; the series objects are counted per measurement. */
  public long registryBytes() {
    return ObjectSizes.referenceArray(seriesById.length);
  }
}
