package io.edgetimedb.sql.system;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.settings.SettingChange;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code sys.config_history}: every settings change, oldest first, starting with each setting's
 * default; the source says who made it ({@code default}, {@code file:<path>}, {@code flag:<option>},
 * {@code sql:<user>}).
 */
final class ConfigHistoryTable extends SystemTable {
  ConfigHistoryTable(Database db) {
    super(db);
    column("time", SqlTypeName.TIMESTAMP);
    column("name", SqlTypeName.VARCHAR);
    column("old_value", SqlTypeName.VARCHAR);
    column("new_value", SqlTypeName.VARCHAR);
    column("source", SqlTypeName.VARCHAR);
  }

  @Override
  protected List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (SettingChange c : db.settings().history()) {
      rows.add(new Object[] {c.timeMillis(), c.name(), c.oldValue(), c.newValue(), c.source()});
    }
    return rows;
  }
}
