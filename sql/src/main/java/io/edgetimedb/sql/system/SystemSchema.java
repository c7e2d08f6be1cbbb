package io.edgetimedb.sql.system;

import io.edgetimedb.engine.Database;
import io.edgetimedb.sql.access.Access;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * Schema {@code sys}: the database describing itself. {@code storage} is an external contract
 * (measurement, series, points, bytes); SHOW statements are queries over these tables.
 * Registered once per connection, so it also knows the connection's user and role.
 */
public final class SystemSchema extends AbstractSchema {
  /** The name the driver registers this schema under. */
  public static final String NAME = "sys";

  private final Map<String, Table> tables;
  private final Access access;

  /** The schema of one connection, whose user (the source of its SET changes) and role {@code access} gives. */
  public SystemSchema(Database db, Access access) {
    this.access = access;
    tables = Map.ofEntries(
        Map.entry("storage", new StorageTable(db)),
        Map.entry("series", new SeriesTable(db)),
        Map.entry("series_tags", new SeriesTagsTable(db)),
        Map.entry("fields", new FieldsTable(db)),
        Map.entry("schema_history", new SchemaHistoryTable(db)),
        Map.entry("measurements", new MeasurementsTable(db)),
        Map.entry("tag_keys", new TagKeysTable(db)),
        Map.entry("tag_values", new TagValuesTable(db)),
        Map.entry("config", new ConfigTable(db)),
        Map.entry("config_history", new ConfigHistoryTable(db)),
        Map.entry("sources", new SourcesTable(db)));
  }

  /** The user of the connection this schema belongs to. */
  public String user() {
    return access.user();
  }

  /** The user and role of the connection this schema belongs to. */
  public Access access() {
    return access;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
