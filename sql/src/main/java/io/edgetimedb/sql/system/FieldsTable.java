package io.edgetimedb.sql.system;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.FieldInfo;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/** {@code sys.fields}: every field of every measurement with its current type. */
final class FieldsTable extends SystemTable {
  FieldsTable(Database db) {
    super(db);
    column("measurement", SqlTypeName.VARCHAR);
    column("field", SqlTypeName.VARCHAR);
    column("type", SqlTypeName.VARCHAR);
  }

  @Override
  protected List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (String measurement : db.measurements()) {
      for (FieldInfo f : db.fields(measurement)) {
        rows.add(new Object[] {measurement, f.name(), f.type().name()});
      }
    }
    return rows;
  }
}
