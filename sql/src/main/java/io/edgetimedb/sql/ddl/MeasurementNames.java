package io.edgetimedb.sql.ddl;

import io.edgetimedb.engine.Database;

/**
 * Finds the stored measurement a statement means. The grammar folds unquoted names to lower
 * case, so a stored {@code Boiler} is found from {@code boiler} when no exact match exists.
 */
final class MeasurementNames {
  private MeasurementNames() {}

  static String resolve(Database db, String name) {
    String insensitive = null;
    for (String stored : db.measurements()) {
      if (stored.equals(name)) {
        return stored;
      }
      if (stored.equalsIgnoreCase(name)) {
        insensitive = stored;
      }
    }
    return insensitive != null ? insensitive : name;
  }
}
