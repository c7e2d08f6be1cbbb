package io.edgetimedb.jdbc;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * The databases the JVM's connections have open, by URL key. A database opens with its first
 * connection and closes with its last, so {@code mem:name} is shared while any connection to it
 * is open and starts empty after that, while {@code file:dir} checkpoints on its last close and
 * comes back from its directory on the next open.
 */
final class OpenDatabases {
  private record Entry(Database db, int connections) {}

  private static final Map<String, Entry> OPEN = new HashMap<>();

  private OpenDatabases() {}

  /** The database of a URL, opened (and for a {@code file:} URL recovered) with its first connection. */
  static synchronized Database acquire(DatabaseUrl url) {
    Entry entry = OPEN.get(url.key());
    Database db = entry == null ? Database.open(config(url)) : entry.db;
    OPEN.put(url.key(), new Entry(db, entry == null ? 1 : entry.connections + 1));
    return db;
  }

  private static DatabaseConfig config(DatabaseUrl url) {
    DatabaseConfig defaults = DatabaseConfig.defaults();
    return url.directory() == null ? defaults : defaults.withDataDirectory(url.directory());
  }

  static synchronized void release(String key) {
    Entry entry = OPEN.get(key);
    if (entry == null) {
      return;
    }
    if (entry.connections == 1) {
      OPEN.remove(key);
      entry.db.close();
    } else {
      OPEN.put(key, new Entry(entry.db, entry.connections - 1));
    }
  }
}
