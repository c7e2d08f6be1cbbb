package io.edgetimedb.engine;

import io.edgetimedb.engine.catalog.Catalog;
import io.edgetimedb.engine.catalog.Measurement;
import io.edgetimedb.engine.index.TagPredicate;
import io.edgetimedb.engine.memory.MeasurementMemory;
import io.edgetimedb.engine.memory.MemoryUsage;
import io.edgetimedb.engine.memory.ObjectSizes;
import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.engine.schema.FieldSchema;
import io.edgetimedb.engine.schema.MeasurementDeclaration;
import io.edgetimedb.engine.schema.MeasurementSchema;
import io.edgetimedb.engine.schema.SchemaChange;
import io.edgetimedb.engine.series.Series;
import io.edgetimedb.engine.write.BatchWriter;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.write.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import org.roaringbitmap.IntIterator;

/**
 * An EdgeTimeDB database: the engine's Java API. Thread-safe: any number of threads may write
 * and read at once; each writing thread keeps its own encoder scratch space.
 *
 * <pre>
 * try (Database db = Database.open(DatabaseConfig.defaults())) {
 *   PointBatch batch = new PointBatch();
 *   batch.point("boiler", ts).tag("site", "A").field("value", 21.5);
 *   db.write(batch);
 *   try (PointCursor c = db.read(ReadRequest.of("boiler").timeRange(from, to))) {
 *     while (c.next()) { ... c.timestamp() ... c.getDouble(0) ... }
 *   }
 * }
 * </pre>
 */
public final class Database implements AutoCloseable {
  private final DatabaseConfig config;
  private final Catalog catalog = new Catalog();
  private final ThreadLocal<BatchWriter> writers;
  private volatile boolean closed;

  private Database(DatabaseConfig config) {
    this.config = config;
    this.writers = ThreadLocal.withInitial(() -> new BatchWriter(catalog, config.outOfOrderWindowMillis(),
        config.chunkRows(), config.maxValueLength()));
  }

  /** Opens an empty in-memory database. */
  public static Database open(DatabaseConfig config) {
    return new Database(config);
  }

  public DatabaseConfig config() {
    return config;
  }

  /** Writes the acceptable points of the batch; the result lists the refused ones and why. */
  public WriteResult write(PointBatch batch) {
    ensureOpen();
    return writers.get().write(batch, System.currentTimeMillis());
  }

  /** Reads rows; the caller closes the cursor. Unknown measurements and fields are refused. */
  public PointCursor read(ReadRequest request) {
    ensureOpen();
    return PointCursor.open(catalog, request);
  }

  /**
   * Deletes the rows with timestamps in [from, to) from the series of a measurement that the
   * predicate selects; returns how many rows went. Series and schema stay.
   */
  public long delete(String measurement, TagPredicate where, long from, long to) {
    ensureOpen();
    return writers.get().delete(measurement(measurement), where, from, to);
  }

  /**
   * Declares a measurement with tag keys and typed fields before any write, as SQL's CREATE
   * MEASUREMENT does; returns false when the measurement already existed (it is left as it
   * is). Names are checked as writes check them; on a bad name nothing is created.
   *
   * @throws IllegalArgumentException naming the first bad or conflicting name
   */
  public boolean createMeasurement(String measurement, List<String> tagKeys, List<FieldInfo> fields, String source) {
    ensureOpen();
    String problem = MeasurementDeclaration.problem(measurement, tagKeys, fields);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    if (catalog.measurement(measurement) != null) {
      return false;
    }
    long now = System.currentTimeMillis();
    MeasurementSchema schema = catalog.measurementFor(measurement, source, now).schema();
    tagKeys.forEach(key -> schema.useTagKey(key, source, now));
    fields.forEach(f -> schema.fieldFor(f.name(), f.type(), source, now));
    return true;
  }

  /** Drops a measurement with all its series and data; false when it did not exist. */
  public boolean dropMeasurement(String measurement, String source) {
    ensureOpen();
    return catalog.dropMeasurement(measurement, source, System.currentTimeMillis());
  }

  /** Seals every non-empty head into a chunk (the heads keep their arrays). */
  public void sealHeads() {
    writers.get().sealAll();
  }

  public List<String> measurements() {
    return catalog.measurementNames();
  }

  /** The series of a measurement the predicate selects, by id. */
  public List<SeriesInfo> series(String measurement, TagPredicate where) {
    List<SeriesInfo> out = new ArrayList<>();
    IntIterator ids = measurement(measurement).index().select(where).getIntIterator();
    while (ids.hasNext()) {
      Series s = catalog.series(ids.next());
      TreeMap<String, String> tags = new TreeMap<>();
      for (int i = 0; i < s.tagCount(); i++) {
        tags.put(s.tagKey(i), s.tagValue(i));
      }
      out.add(new SeriesInfo(s.id(), s.measurement(), tags));
    }
    return out;
  }

  public SortedSet<String> tagKeys(String measurement) {
    return measurement(measurement).schema().tagKeys();
  }

  public SortedSet<String> tagValues(String measurement, String tagKey) {
    return measurement(measurement).index().tagValues(tagKey);
  }

  /** Fields with their current types, in the order they appeared. */
  public List<FieldInfo> fields(String measurement) {
    List<FieldInfo> out = new ArrayList<>();
    for (FieldSchema f : measurement(measurement).schema().fields()) {
      out.add(new FieldInfo(f.name(), f.type()));
    }
    return out;
  }

  /** Every schema change so far, oldest first. */
  public List<SchemaChange> schemaHistory() {
    return catalog.history().changes();
  }

  /** Bytes held now, by measurement and kind. Walks the series: call it for reports, not per write. */
  public MemoryUsage memoryUsage() {
    List<MeasurementMemory> measurements = new ArrayList<>();
    for (String name : catalog.measurementNames()) {
      measurements.add(memoryOf(catalog.measurement(name)));
    }
    return new MemoryUsage(measurements, catalog.dictionary().bytesHeld(), catalog.registryBytes(),
        config.memoryBudgetBytes());
  }

  private MeasurementMemory memoryOf(Measurement m) {
    long points = 0;
    long heads = 0;
    long chunks = 0;
    long index = m.indexBytes() + ObjectSizes.object(4 * ObjectSizes.REFERENCE);
    IntIterator ids = m.index().allSeries().getIntIterator();
    while (ids.hasNext()) {
      Series s = catalog.series(ids.next());
      points += s.points();
      heads += s.headBytes();
      chunks += s.chunkBytes();
      index += s.ownBytes();
    }
    return new MeasurementMemory(m.name(), m.seriesCount(), points, heads, chunks, index);
  }

  private Measurement measurement(String name) {
    Measurement m = catalog.measurement(name);
    if (m == null) {
      throw new IllegalArgumentException("unknown measurement '" + name + "'");
    }
    return m;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("database is closed");
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
