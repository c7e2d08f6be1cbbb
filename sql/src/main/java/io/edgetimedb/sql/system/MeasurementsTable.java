package io.edgetimedb.sql.system;

import io.edgetimedb.engine.Database;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/** {@code sys.measurements}: the name of every measurement. */
final class MeasurementsTable extends SystemTable {
  MeasurementsTable(Database db) {
    super(db);
    column("measurement", SqlTypeName.VARCHAR);
  }

  @Override
  protected List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    db.measurements().forEach(m -> rows.add(new Object[] {m}));
    return rows;
  }
}
