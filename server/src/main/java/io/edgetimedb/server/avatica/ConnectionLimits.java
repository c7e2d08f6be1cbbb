package io.edgetimedb.server.avatica;

import io.edgetimedb.engine.settings.Setting;
import io.edgetimedb.engine.settings.SettingsRegistry;

/**
 * How many remote connections the Avatica endpoint keeps open at once, in all and per user. Beyond
 * them a new connection is refused by name (SQLSTATE 53300), where Avatica's own connection cache
 * would silently close the least recently used connection of some other client.
 *
 * @param total connections open at once from every client
 * @param perUser connections open at once under one user name (the client's {@code user}
 *     property; clients without one share {@code anonymous})
 */
public record ConnectionLimits(int total, int perUser) {
  public static final String MAX_CONNECTIONS = "avatica.max-connections";
  public static final String MAX_CONNECTIONS_PER_USER = "avatica.max-connections-per-user";

  public ConnectionLimits {
    if (total < 1 || perUser < 1) {
      throw new IllegalArgumentException("connection limits must be positive: " + total + " in all, " + perUser
          + " per user");
    }
  }

  /** 200 in all, 50 per user: a few BI tools and applications with their pools. */
  public static ConnectionLimits defaults() {
    return new ConnectionLimits(200, 50);
  }

  public static void define(SettingsRegistry r) {
    ConnectionLimits d = defaults();
    r.define(Setting.count(MAX_CONNECTIONS, d.total, "Remote JDBC connections open at once; one more is refused "
        + "with SQLSTATE 53300 (other clients' connections are never closed to make room).").range(1, 100_000));
    r.define(Setting.count(MAX_CONNECTIONS_PER_USER, d.perUser, "Remote JDBC connections open at once under one "
        + "user name; one more is refused with SQLSTATE 53300.").range(1, 100_000));
  }

  public static ConnectionLimits from(SettingsRegistry r) {
    return new ConnectionLimits((int) r.longValue(MAX_CONNECTIONS), (int) r.longValue(MAX_CONNECTIONS_PER_USER));
  }
}
