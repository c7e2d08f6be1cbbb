package io.edgetimedb.tck;

import io.edgetimedb.testsupport.DirectoryTrees;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One way of reaching EdgeTimeDB over JDBC. Every TCK test runs once per configuration; the
 * remote ones reach an Avatica endpoint the suite starts on a loopback port
 * ({@link RemoteDatabases}).
 *
 * @param name how the configuration shows in test names
 * @param urls a fresh URL per database: each call names a new, empty database
 * @param client which client library answers: the expectations that differ remotely ask it
 */
record DriverConfiguration(String name, Supplier<String> urls, Client client) {

  /** The JDBC client behind a configuration. */
  enum Client {
    /** The embedded driver. */
    EMBEDDED,
    /** EdgeTimeDB's remote URL: Avatica's remote driver with EdgeTimeDB's defaults. */
    REMOTE_EDGETIMEDB,
    /** Avatica's remote driver as any Avatica client uses it. */
    REMOTE_AVATICA;

    boolean remote() {
      return this != EMBEDDED;
    }
  }

  /** Every configuration the suite runs against. */
  static List<DriverConfiguration> all() {
    return List.of(
        new DriverConfiguration("embedded mem", () -> "jdbc:edgetimedb:mem:tck-" + UUID.randomUUID(), Client.EMBEDDED),
        new DriverConfiguration("embedded file", DriverConfiguration::fileUrl, Client.EMBEDDED),
        new DriverConfiguration("remote-edgetimedb",
            () -> "jdbc:edgetimedb:remote:url=" + RemoteDatabases.newDatabase(), Client.REMOTE_EDGETIMEDB),
        new DriverConfiguration("remote-avatica",
            // timeZone=UTC: Avatica's driver otherwise reads TIMESTAMPs as wall-clock times of the
            // client JVM's zone (docs/remote-access.md); the TCK's zone runs check epoch millis.
            () -> "jdbc:avatica:remote:url=" + RemoteDatabases.newDatabase() + ";serialization=protobuf;timeZone=UTC",
            Client.REMOTE_AVATICA));
  }

  /**
   * Where the file configuration's databases go: one directory per run of the suite, deleted when
   * the JVM exits. Each database holds a 64 MiB log segment and its spare; left behind, a few
   * hundred runs filled the disk of a developer's machine.
   */
  private static final Path FILE_DATABASES = DirectoryTrees.deletedAtExit("edgetimedb-tck");

  private static String fileUrl() {
    return "jdbc:edgetimedb:file:" + FILE_DATABASES.resolve(UUID.randomUUID().toString());
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
