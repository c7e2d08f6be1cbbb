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
    tables = Map.of(
        "storage", new StorageTable(db),
        "series", new SeriesTable(db),
        "fields", new FieldsTable(db),
        "schema_history", new SchemaHistoryTable(db),
        "measurements", new MeasurementsTable(db),
        "tag_keys", new TagKeysTable(db),
        "tag_values", new TagValuesTable(db),
        "config", new ConfigTable(db),
        "config_history", new ConfigHistoryTable(db),
        "sources", new SourcesTable(db));
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
