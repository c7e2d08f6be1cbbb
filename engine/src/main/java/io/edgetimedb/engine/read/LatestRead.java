package io.edgetimedb.engine.read;

import io.edgetimedb.engine.catalog.Catalog;
import io.edgetimedb.engine.catalog.Measurement;
import io.edgetimedb.engine.chunk.ChunkDecoder;
import io.edgetimedb.engine.index.TagPredicate;
import io.edgetimedb.engine.schema.FieldSchema;
import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.series.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.roaringbitmap.IntIterator;

/**
 * Reads the last value of fields per series from what each series keeps on its write path, so
 * the answer costs one lookup per series instead of a scan of its newest chunk.
 */
public final class LatestRead {
  private LatestRead() {}

  /**
   * One row per series the predicate selects, in series id order, with the newest value of each
   * named field (every field of the measurement when none is named).
   *
   * @throws IllegalArgumentException naming an unknown field
   */
  public static List<LatestRow> read(Catalog catalog, Measurement m, TagPredicate where, List<String> fieldNames) {
    List<FieldSchema> fields = fieldNames.isEmpty() ? m.schema().fields() : resolve(m, fieldNames);
    int[] ids = new int[fields.size()];
    FieldType[] types = new FieldType[fields.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = fields.get(i).id();
      types[i] = fields.get(i).type();
    }
    ChunkDecoder decoder = new ChunkDecoder();
    List<LatestRow> rows = new ArrayList<>();
    IntIterator seriesIds = m.index().select(where).getIntIterator();
    while (seriesIds.hasNext()) {
      Series series = catalog.series(seriesIds.next());
      long[] timestamps = new long[ids.length];
      Object[] values = new Object[ids.length];
      series.latest(ids, types, decoder, timestamps, values);
      rows.add(new LatestRow(series.id(), tagsOf(series), timestamps, values));
    }
    return rows;
  }

  private static List<FieldSchema> resolve(Measurement m, List<String> names) {
    List<FieldSchema> fields = new ArrayList<>(names.size());
    for (String name : names) {
      FieldSchema field = m.schema().field(name);
      if (field == null) {
        throw new IllegalArgumentException("unknown field '" + name + "' in measurement '" + m.name() + "'");
      }
      fields.add(field);
    }
    return fields;
  }

  private static TreeMap<String, String> tagsOf(Series series) {
    TreeMap<String, String> tags = new TreeMap<>();
    for (int i = 0; i < series.tagCount(); i++) {
      tags.put(series.tagKey(i), series.tagValue(i));
    }
    return tags;
  }
}
