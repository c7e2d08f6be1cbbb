package io.edgetimedb.sql.system;

import io.edgetimedb.engine.Database;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/** {@code sys.tag_values}: every value of every tag key, from the tag index. */
final class TagValuesTable extends SystemTable {
  TagValuesTable(Database db) {
    super(db);
    column("measurement", SqlTypeName.VARCHAR);
    column("tag_key", SqlTypeName.VARCHAR);
    column("tag_value", SqlTypeName.VARCHAR);
  }

  @Override
  protected List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (String measurement : db.measurements()) {
      for (String key : db.tagKeys(measurement)) {
        for (String value : db.tagValues(measurement, key)) {
          rows.add(new Object[] {measurement, key, value});
        }
      }
    }
    return rows;
  }
}
