package io.edgetimedb.sql.system;

import io.edgetimedb.engine.Database;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * Schema {@code sys}: the database describing itself. {@code storage} is an external contract
 * (measurement, series, points, bytes); SHOW statements are queries over these tables.
 */
public final class SystemSchema extends AbstractSchema {
  /** The name the driver registers this schema under. */
  public static final String NAME = "sys";

  private final Map<String, Table> tables;

  public SystemSchema(Database db) {
    tables = Map.of(
        "storage", new StorageTable(db),
        "series", new SeriesTable(db),
        "fields", new FieldsTable(db),
        "schema_history", new SchemaHistoryTable(db),
        "measurements", new MeasurementsTable(db),
        "tag_keys", new TagKeysTable(db),
        "tag_values", new TagValuesTable(db));
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
