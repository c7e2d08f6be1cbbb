package io.edgetimedb.engine.write;

import io.edgetimedb.engine.catalog.Catalog;
import io.edgetimedb.engine.catalog.Measurement;
import io.edgetimedb.engine.chunk.ChunkDecoder;
import io.edgetimedb.engine.chunk.ChunkEncoder;
import io.edgetimedb.engine.schema.FieldSchema;
import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.schema.MeasurementSchema;
import io.edgetimedb.engine.schema.NameRules;
import io.edgetimedb.engine.series.FieldValues;
import io.edgetimedb.engine.series.Series;
import io.edgetimedb.engine.index.TagPredicate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.roaringbitmap.IntIterator;

/**
 * Applies batches to the catalog. Each point is checked whole before any of it is applied, so a
 * refused point changes nothing and the rest of the batch goes on. Known names are not checked
 * again: a point for an existing series with existing fields costs a few lookups and array
 * stores. One writer serves one thread; it is also the {@link FieldValues} view of the point
 * being written, which keeps the write path free of per-point allocation.
 */
public final class BatchWriter implements FieldValues {
  private final Catalog catalog;
  private final long outOfOrderWindow;
  private final int chunkRows;
  private final int maxValueLength;
  private final ChunkEncoder encoder = new ChunkEncoder();
  private final ChunkDecoder decoder = new ChunkDecoder();
  private PointBatch batch;
  private MeasurementSchema schema;
  private int firstField;
  private int fieldCount;
  private long now;
  private FieldSchema[] resolved = new FieldSchema[8];

  public BatchWriter(Catalog catalog, long outOfOrderWindow, int chunkRows, int maxValueLength) {
    this.catalog = catalog;
    this.outOfOrderWindow = outOfOrderWindow;
    this.chunkRows = chunkRows;
    this.maxValueLength = maxValueLength;
  }

  /** Writes every acceptable point of the batch and reports the others. */
  public WriteResult write(PointBatch points, long nowMillis) {
    List<RejectedPoint> rejected = null;
    int accepted = 0;
    batch = points;
    now = nowMillis;
    for (int p = 0; p < points.size(); p++) {
      String problem = writePoint(p);
      if (problem == null) {
        accepted++;
      } else {
        if (rejected == null) {
          rejected = new ArrayList<>();
        }
        rejected.add(new RejectedPoint(p, problem));
      }
    }
    batch = null;
    return new WriteResult(accepted, rejected == null ? List.of() : rejected);
  }

  private String writePoint(int p) {
    String name = batch.measurement(p);
    Measurement m = catalog.measurement(name);
    String problem = m == null ? NameRules.problem("measurement", name) : null;
    if (problem != null) {
      return problem;
    }
    String duplicate = batch.sortTags(p);
    if (duplicate != null) {
      return "duplicate tag key '" + duplicate + "'";
    }
    int tags = batch.tagStart(p);
    int tagCount = batch.tagCount(p);
    Series series = m == null ? null : catalog.findSeries(m, batch.tagKeys(), batch.tagValues(), tags, tagCount);
    problem = series == null ? tagProblem(p, m) : null;
    if (problem == null) {
      problem = fieldProblem(p, m);
    }
    if (problem != null) {
      return problem;
    }
    if (m == null) {
      m = catalog.measurementFor(name, batch.source(), now);
    }
    if (series == null) {
      series = catalog.seriesFor(m, batch.tagKeys(), batch.tagValues(), tags, tagCount, batch.source(), now);
    }
    schema = m.schema();
    firstField = batch.fieldStart(p);
    fieldCount = batch.fieldCount(p);
    if (resolved.length < fieldCount) {
      resolved = new FieldSchema[fieldCount];
    }
    Arrays.fill(resolved, 0, fieldCount, null);
    return series.write(batch.timestamp(p), this, outOfOrderWindow, chunkRows, encoder, decoder);
  }

  private String tagProblem(int p, Measurement m) {
    String[] keys = batch.tagKeys();
    String[] values = batch.tagValues();
    for (int t = batch.tagStart(p); t < batch.tagStart(p) + batch.tagCount(p); t++) {
      String problem = NameRules.columnProblem("tag key", keys[t]);
      if (problem == null && m != null) {
        problem = m.schema().tagKeyProblem(keys[t]);
      }
      if (problem == null && (problem = NameRules.problem("tag value", values[t])) != null) {
        problem += " (tag key '" + keys[t] + "')";
      }
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private String fieldProblem(int p, Measurement m) {
    if (batch.fieldCount(p) == 0) {
      return "point has no fields";
    }
    for (int f = batch.fieldStart(p); f < batch.fieldStart(p) + batch.fieldCount(p); f++) {
      String problem = fieldProblem(p, m, f);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private String fieldProblem(int p, Measurement m, int f) {
    String name = batch.fieldName(f);
    FieldType type = batch.fieldType(f);
    FieldSchema known = m == null ? null : m.schema().field(name);
    if (known == null) {
      String problem = NameRules.columnProblem("field", name);
      if (problem == null) {
        problem = sameNameAsTag(p, name);
      }
      if (problem != null) {
        return problem;
      }
    }
    if (m != null && (known == null || known.type().widenWith(type) == null)) {
      String problem = m.schema().fieldProblem(name, type);
      if (problem != null) {
        return problem;
      }
    }
    return valueProblem(name, type, batch.fieldRef(f));
  }

  private String sameNameAsTag(int p, String field) {
    String[] keys = batch.tagKeys();
    for (int t = batch.tagStart(p); t < batch.tagStart(p) + batch.tagCount(p); t++) {
      if (keys[t].equals(field)) {
        return "'" + field + "' is both a tag key and a field of the point";
      }
    }
    return null;
  }

  private String valueProblem(String name, FieldType type, Object ref) {
    if (type != FieldType.VARCHAR && type != FieldType.VARBINARY) {
      return null;
    }
    int length = ref instanceof String s ? s.length() : ((byte[]) ref).length;
    if (length > maxValueLength) {
      return "field '" + name + "' is " + length + (type == FieldType.VARCHAR ? " characters" : " bytes")
          + " long, over the limit of " + maxValueLength;
    }
    return null;
  }

  @Override
  public int fieldCount() {
    return fieldCount;
  }

  @Override
  public FieldSchema field(int i) {
    FieldSchema field = resolved[i];
    if (field == null) {
      field = schema.fieldFor(batch.fieldName(firstField + i), batch.fieldType(firstField + i), batch.source(), now);
      resolved[i] = field;
    }
    return field;
  }

  @Override
  public FieldType valueType(int i) {
    return batch.fieldType(firstField + i);
  }

  @Override
  public long bits(int i) {
    return batch.fieldBits(firstField + i);
  }

  @Override
  public Object ref(int i) {
    return batch.fieldRef(firstField + i);
  }

  /** Seals every head series of the catalog, e.g. before measuring compression or checkpointing. */
  public void sealAll() {
    for (int id = 0; id < catalog.seriesCount(); id++) {
      Series series = catalog.series(id);
      if (series != null) {
        series.sealHead(encoder);
      }
    }
  }

  /** Deletes [from, to) from every series of the measurement the predicate selects; returns rows deleted. */
  public long delete(Measurement m, TagPredicate where, long from, long to) {
    long deleted = 0;
    IntIterator ids = m.index().select(where).getIntIterator();
    while (ids.hasNext()) {
      deleted += catalog.series(ids.next()).delete(from, to, encoder, decoder);
    }
    return deleted;
  }
}
