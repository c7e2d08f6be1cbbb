package io.edgetimedb.sql.system;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.schema.SchemaChange;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/** {@code sys.schema_history}: every schema change, oldest first, with its time and source. */
final class SchemaHistoryTable extends SystemTable {
  SchemaHistoryTable(Database db) {
    super(db);
    column("time", SqlTypeName.TIMESTAMP);
    column("measurement", SqlTypeName.VARCHAR);
    column("change", SqlTypeName.VARCHAR);
    column("item", SqlTypeName.VARCHAR);
    column("from_type", SqlTypeName.VARCHAR);
    column("to_type", SqlTypeName.VARCHAR);
    column("source", SqlTypeName.VARCHAR);
  }

  @Override
  protected List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (SchemaChange c : db.schemaHistory()) {
      rows.add(new Object[] {c.timeMillis(), c.measurement(), c.kind().name(), c.item(),
          c.fromType() == null ? null : c.fromType().name(), c.toType() == null ? null : c.toType().name(),
          c.source()});
    }
    return rows;
  }
}
