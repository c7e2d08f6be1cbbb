package io.edgetimedb.sql.parse;

import io.edgetimedb.engine.Database;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The stored spellings of the database's names (measurements, tag keys, fields) and of its SQL
 * functions, by lower-case form, so that an unquoted identifier reaches the stored name whatever
 * its case. When two stored names differ only in case, the all-lower-case one wins and the
 * others must be quoted.
 */
final class StoredNames {
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, String> functions = new HashMap<>();

  static StoredNames of(Database db, Set<String> functionNames) {
    StoredNames stored = new StoredNames();
    functionNames.forEach(f -> add(stored.functions, f));
    for (String measurement : db.measurements()) {
      add(stored.names, measurement);
      db.tagKeys(measurement).forEach(k -> add(stored.names, k));
      db.fields(measurement).forEach(f -> add(stored.names, f.name()));
    }
    return stored;
  }

  private static void add(Map<String, String> map, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (!map.containsKey(lower) || name.equals(lower)) {
      map.put(lower, name);
    }
  }

  /** The stored spelling of an unquoted name, else its lower-case form (as PostgreSQL folds). */
  String name(String unquoted) {
    String lower = unquoted.toLowerCase(Locale.ROOT);
    return names.getOrDefault(lower, lower);
  }

  /** The registered spelling of a function name, or null for Calcite's built-in functions. */
  String function(String unquoted) {
    return functions.get(unquoted.toLowerCase(Locale.ROOT));
  }
}
