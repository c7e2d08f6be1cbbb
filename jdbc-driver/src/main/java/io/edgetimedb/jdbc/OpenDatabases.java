package io.edgetimedb.jdbc;

import io.edgetimedb.engine.DataLossException;
import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.EngineSettings;
import io.edgetimedb.engine.settings.SettingsRegistry;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.jdbc.AdHocPlans;

/**
 * The databases the JVM's connections have open, by URL key. A database opens with its first
 * connection and closes with its last, so {@code mem:name} is shared while any connection to it
 * is open and starts empty after that, while {@code file:dir} checkpoints on its last close and
 * comes back from its directory on the next open. A database opened elsewhere (by the server)
 * can be served under a URL instead: connections then share it and never close it.
 *
 * <p>Each open database has one cache of ad-hoc query plans that all its connections use; it
 * goes with the database's entry, on the last close or when serving stops.
 */
final class OpenDatabases {
  /**
   * @param plans the ad-hoc query plans of the database's connections
   * @param served opened by someone else, who closes it; connections only borrow it
   */
  private record Entry(Database db, AdHocPlans plans, int connections, boolean served) {}

  private static final Map<String, Entry> OPEN = new HashMap<>();
  /** PostgreSQL's data_corrupted: the directory holds less than it once did. */
  private static final String DATA_CORRUPTED = "XX001";

  private OpenDatabases() {}

  /**
   * The database of a URL, opened (and for a {@code file:} URL recovered) with its first
   * connection, with the engine settings the URL names ({@link UrlSettings}).
   *
   * @throws SQLException 22023 for a setting's bad value, 08004 when the database is open with
   *     other values than the URL names, XX001 when recovery would lose data (the message names
   *     what; {@code ;recovery.accept-loss=true} opens with what is left)
   */
  static synchronized Database acquire(DatabaseUrl url) throws SQLException {
    UrlSettings settings = UrlSettings.of(url.properties());
    Entry entry = OPEN.get(url.key());
    if (entry == null) {
      SettingsRegistry registry = settings.registry();
      entry = new Entry(open(registry, url), new AdHocPlans(), 0, false);
    } else {
      settings.checkHeldBy(entry.db.settings(), url.key());
    }
    OPEN.put(url.key(), new Entry(entry.db, entry.plans, entry.connections + 1, entry.served));
    return entry.db;
  }

  private static Database open(SettingsRegistry registry, DatabaseUrl url) throws SQLException {
    try {
      return Database.open(EngineSettings.config(registry, url.directory()), registry);
    } catch (DataLossException refused) {
      throw new SQLException(refused.getMessage(), DATA_CORRUPTED, refused);
    }
  }

  /**
   * The plan cache of the database open under {@code key}. A connection whose database is no
   * longer listed (served, then no longer) gets a cache of its own.
   */
  static synchronized AdHocPlans plans(String key) {
    Entry entry = OPEN.get(key);
    return entry == null ? new AdHocPlans() : entry.plans;
  }

  static synchronized void release(String key) {
    Entry entry = OPEN.get(key);
    if (entry == null) {
      return;
    }
    if (entry.connections == 1 && !entry.served) {
      OPEN.remove(key);
      entry.db.close();
    } else {
      OPEN.put(key, new Entry(entry.db, entry.plans, entry.connections - 1, entry.served));
    }
  }

  /** Lets connections to {@code url} use {@code db} until {@link #unserve}; fails if the URL's database is open. */
  static synchronized void serve(DatabaseUrl url, Database db) {
    if (OPEN.containsKey(url.key())) {
      throw new IllegalStateException("a database is already open under " + url.key());
    }
    OPEN.put(url.key(), new Entry(db, new AdHocPlans(), 0, true));
  }

  /** Stops serving a database; connections still open keep using it until they close. */
  static synchronized void unserve(DatabaseUrl url) {
    Entry entry = OPEN.get(url.key());
    if (entry != null && entry.served) {
      OPEN.remove(url.key());
    }
  }
}
