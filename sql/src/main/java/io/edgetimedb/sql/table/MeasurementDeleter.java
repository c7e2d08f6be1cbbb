package io.edgetimedb.sql.table;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.index.TagPredicate;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;

/**
 * Executes a DELETE whose condition the scan absorbed whole: one engine call removes the time
 * range from the selected series. Generated code calls {@link #delete} once per execution.
 */
public final class MeasurementDeleter {
  private final Database db;
  private final ScanSpec spec;

  public MeasurementDeleter(Database db, ScanSpec spec) {
    this.db = db;
    this.spec = spec;
  }

  /** The number of rows deleted, as the single row of a DML result. */
  public Enumerable<Long> delete(DataContext root) {
    long[] range = spec.time().resolve(root);
    if (range == null) {
      return Linq4j.singletonEnumerable(0L);
    }
    TagPredicate where = spec.tags() == null ? TagPredicate.all() : spec.tags().resolve(root);
    return Linq4j.singletonEnumerable(db.delete(spec.columns().measurement(), where, range[0], range[1]));
  }
}
