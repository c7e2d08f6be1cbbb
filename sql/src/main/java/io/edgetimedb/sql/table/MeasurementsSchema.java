package io.edgetimedb.sql.table;

import io.edgetimedb.engine.Database;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

/**
 * Every measurement of a database as a table. Each lookup asks the engine afresh (register the
 * schema with caching off), so measurements and columns created since the last statement are
 * visible to the next one, and a lookup costs one measurement, not all of them.
 */
public final class MeasurementsSchema extends AbstractSchema {
  /** The name the driver registers this schema under; it is also the default schema. */
  public static final String NAME = "edge";

  private final Database db;
  private final String writeSource;

  /** @param writeSource what the connection's INSERTs are recorded as ({@code jdbc:<user>}) */
  public MeasurementsSchema(Database db, String writeSource) {
    this.db = db;
    this.writeSource = writeSource;
  }

  public Database database() {
    return db;
  }

  @Override
  public Lookup<Table> tables() {
    return new Lookup<>() {
      @Override
      public Table get(String name) {
        return db.measurements().contains(name) ? new MeasurementTable(db, MeasurementColumns.of(db, name), writeSource) : null;
      }

      @Override
      public Named<Table> getIgnoreCase(String name) {
        for (String measurement : db.measurements()) {
          if (measurement.equalsIgnoreCase(name)) {
            return new Named<>(measurement, get(measurement));
          }
        }
        return null;
      }

      @Override
      public Set<String> getNames(LikePattern pattern) {
        Predicate1<String> matcher = pattern.matcher();
        Set<String> names = new LinkedHashSet<>();
        for (String measurement : db.measurements()) {
          if (matcher.apply(measurement)) {
            names.add(measurement);
          }
        }
        return names;
      }
    };
  }
}
