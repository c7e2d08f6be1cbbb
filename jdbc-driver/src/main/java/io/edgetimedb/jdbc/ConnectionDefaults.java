package io.edgetimedb.jdbc;

import java.util.Properties;

/**
 * The connection properties the driver sets unless the URL or the caller sets them:
 * TIMESTAMP values cross JDBC as UTC, so {@code getTimestamp().getTime()} is the stored epoch
 * millisecond whatever the JVM zone; names resolve case-sensitively after the parser has mapped
 * unquoted identifiers to stored names; LENIENT conformance allows {@code GROUP BY 1} and
 * {@code GROUP BY alias} (Babel's conformance would too, but reports an unknown column as a
 * column that "depends on itself").
 */
final class ConnectionDefaults {
  private ConnectionDefaults() {}

  static Properties apply(Properties given) {
    Properties p = new Properties();
    p.setProperty("timeZone", "UTC");
    p.setProperty("caseSensitive", "true");
    p.setProperty("conformance", "LENIENT");
    p.putAll(given);
    return p;
  }
}
