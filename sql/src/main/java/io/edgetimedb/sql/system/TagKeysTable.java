package io.edgetimedb.sql.system;

import io.edgetimedb.engine.Database;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/** {@code sys.tag_keys}: every tag key of every measurement. */
final class TagKeysTable extends SystemTable {
  TagKeysTable(Database db) {
    super(db);
    column("measurement", SqlTypeName.VARCHAR);
    column("tag_key", SqlTypeName.VARCHAR);
  }

  @Override
  protected List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (String measurement : db.measurements()) {
      for (String key : db.tagKeys(measurement)) {
        rows.add(new Object[] {measurement, key});
      }
    }
    return rows;
  }
}
