package io.edgetimedb.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One way of reaching EdgeTimeDB over JDBC. Every TCK test runs once per configuration; a
 * remote driver joins by adding a configuration here (its URL names a server the suite starts).
 *
 * @param name how the configuration shows in test names
 * @param urls a fresh URL per database: each call names a new, empty database
 */
record DriverConfiguration(String name, Supplier<String> urls) {

  /** Every configuration the suite runs against. */
  static List<DriverConfiguration> all() {
    return List.of(
        new DriverConfiguration("embedded mem", () -> "jdbc:edgetimedb:mem:tck-" + UUID.randomUUID()),
        new DriverConfiguration("embedded file", DriverConfiguration::fileUrl));
  }

  private static String fileUrl() {
    try {
      return "jdbc:edgetimedb:file:" + Files.createTempDirectory("edgetimedb-tck");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new database and a first connection to it; more connections use {@link Database#connect()}. */
  Database newDatabase() {
    return new Database(urls.get());
  }

  /** One database of a configuration, reachable by as many connections as a test wants. */
  record Database(String url) {
    Connection connect() throws SQLException {
      return DriverManager.getConnection(url);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
