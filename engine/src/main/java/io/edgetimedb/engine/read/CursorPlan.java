package io.edgetimedb.engine.read;

import io.edgetimedb.engine.catalog.Catalog;
import io.edgetimedb.engine.catalog.Measurement;
import io.edgetimedb.engine.schema.FieldSchema;
import io.edgetimedb.engine.schema.FieldType;
import java.util.ArrayList;
import java.util.List;

/** Resolves a {@link ReadRequest} against the catalog: measurement, fields, tag columns, series. */
final class CursorPlan {
  private CursorPlan() {}

  static PointCursor plan(Catalog catalog, ReadRequest request) {
    Measurement m = catalog.measurement(request.measurement());
    if (m == null) {
      throw new IllegalArgumentException("unknown measurement '" + request.measurement() + "'");
    }
    List<FieldSchema> fields = resolveFields(m, request.fields());
    int[] ids = new int[fields.size()];
    FieldType[] types = new FieldType[fields.size()];
    List<String> names = new ArrayList<>(fields.size());
    for (int i = 0; i < ids.length; i++) {
      ids[i] = fields.get(i).id();
      types[i] = fields.get(i).type();
      names.add(fields.get(i).name());
    }
    List<String> tagKeys = request.tagKeys().isEmpty() ? List.copyOf(m.schema().tagKeys()) : request.tagKeys();
    return new PointCursor(catalog, m.index().select(request.where()), tagKeys, names, ids, types, request);
  }

  private static List<FieldSchema> resolveFields(Measurement m, List<String> names) {
    if (names.isEmpty()) {
      return m.schema().fields();
    }
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
}
