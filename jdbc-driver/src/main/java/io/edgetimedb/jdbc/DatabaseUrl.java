package io.edgetimedb.jdbc;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import org.apache.calcite.avatica.ConnectStringParser;

/**
 * A parsed {@code jdbc:edgetimedb:} URL: {@code mem:} (a private database),
 * {@code mem:name} (shared by the JVM's connections to that name while any is open) or
 * {@code file:dir}, then optional {@code ;key=value} connection properties.
 *
 * @param key the name the database is shared under within the JVM (a {@code file:} URL's
 *     absolute directory, so two spellings of one directory share one database)
 * @param directory the data directory of a {@code file:} URL, else null
 */
record DatabaseUrl(String key, Path directory, Properties properties) {
  static final String PREFIX = "jdbc:edgetimedb:";

  static DatabaseUrl parse(String url, Properties info) throws SQLException {
    String rest = url.substring(PREFIX.length());
    int semicolon = rest.indexOf(';');
    String location = semicolon < 0 ? rest : rest.substring(0, semicolon);
    Properties properties = ConnectStringParser.parse(semicolon < 0 ? "" : rest.substring(semicolon + 1), info);
    if (location.startsWith("mem:")) {
      String name = location.substring("mem:".length());
      return new DatabaseUrl(name.isEmpty() ? "private:" + UUID.randomUUID() : "mem:" + name, null, properties);
    }
    if (location.startsWith("file:") && location.length() > "file:".length()) {
      Path dir = Path.of(location.substring("file:".length())).toAbsolutePath().normalize();
      return new DatabaseUrl("file:" + dir, dir, properties);
    }
    throw new SQLException("bad EdgeTimeDB URL '" + url + "': expected " + PREFIX + "mem:[name] or " + PREFIX
        + "file:<dir>", "08001");
  }
}
