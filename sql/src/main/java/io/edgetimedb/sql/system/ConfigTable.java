package io.edgetimedb.sql.system;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.settings.Setting;
import io.edgetimedb.engine.settings.SettingType;
import io.edgetimedb.engine.settings.SettingsRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code sys.config}: every setting with its current value (secrets masked), default, unit,
 * whether {@code SET} may change it, where the value came from, and what it does.
 */
final class ConfigTable extends SystemTable {
  ConfigTable(Database db) {
    super(db);
    column("name", SqlTypeName.VARCHAR);
    column("value", SqlTypeName.VARCHAR);
    column("default_value", SqlTypeName.VARCHAR);
    column("unit", SqlTypeName.VARCHAR);
    column("mutable", SqlTypeName.BOOLEAN);
    column("source", SqlTypeName.VARCHAR);
    column("description", SqlTypeName.VARCHAR);
  }

  @Override
  protected List<Object[]> rows() {
    SettingsRegistry settings = db.settings();
    List<Object[]> rows = new ArrayList<>();
    for (Setting s : settings.settings()) {
      String unit = s.type() == SettingType.ENUM ? String.join("|", s.choices()) : s.type().unit();
      rows.add(new Object[] {s.name(), settings.display(s.name()), s.display(s.defaultValue()), unit, s.mutable(),
          settings.source(s.name()), s.description()});
    }
    return rows;
  }
}
