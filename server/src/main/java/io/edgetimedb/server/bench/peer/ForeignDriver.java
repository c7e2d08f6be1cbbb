package io.edgetimedb.server.bench.peer;

import io.edgetimedb.server.bench.PeerUnavailable;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JDBC driver from a jar outside the class path. {@code DriverManager} hands out only drivers
 * its caller's class loader can see, so the driver is found with {@link ServiceLoader} on a
 * loader of its own and asked directly. That loader's parent is the platform loader: the driver
 * sees {@code java.sql} but none of EdgeTimeDB's libraries, so versions cannot clash.
 *
 * <p>Loaders are kept for the life of the JVM, one per jar: drivers with native code (SQLite,
 * DuckDB) extract and load their library once per loader, so a second run in the same JVM reuses
 * the first one's instead of loading another copy.
 */
final class ForeignDriver {
  private static final Map<Path, ClassLoader> LOADERS = new ConcurrentHashMap<>();

  private final Driver driver;

  private ForeignDriver(Driver driver) {
    this.driver = driver;
  }

  /** The driver in {@code jar} that accepts {@code url}. */
  static ForeignDriver load(Path jar, String url) throws PeerUnavailable {
    try {
      for (Driver driver : ServiceLoader.load(Driver.class, loader(jar))) {
        if (driver.acceptsURL(url)) {
          return new ForeignDriver(driver);
        }
      }
    } catch (SQLException | ServiceConfigurationError e) {
      throw new PeerUnavailable("cannot load the JDBC driver in " + jar + ": " + e.getMessage(), e);
    }
    throw new PeerUnavailable(jar + " holds no JDBC driver for " + url, null);
  }

  Connection connect(String url, Properties properties) throws SQLException {
    Connection connection = driver.connect(url, properties);
    if (connection == null) {
      throw new SQLException(driver.getClass().getName() + " does not accept " + url);
    }
    return connection;
  }

  /** Makes a target of a writing and a reading connection, which it then owns. */
  @FunctionalInterface
  interface TwoConnectionTarget<T> {
    T create(Connection writer, Connection reader) throws SQLException;
  }

  /**
   * Opens a writing and a reading connection to {@code url} and hands both to {@code target};
   * when opening or the target fails, whatever was opened is closed before the exception leaves.
   */
  <T> T openWriterAndReader(String url, TwoConnectionTarget<T> target) throws SQLException {
    Connection writer = connect(url, new Properties());
    Connection reader = null;
    try {
      reader = connect(url, new Properties());
      return target.create(writer, reader);
    } catch (SQLException | RuntimeException e) {
      try (writer; Connection opened = reader) {
        throw e;
      }
    }
  }

  private static ClassLoader loader(Path jar) {
    return LOADERS.computeIfAbsent(jar.toAbsolutePath().normalize(), path -> {
      try {
        return new URLClassLoader(new URL[] {path.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("not a jar path: " + path, e);
      }
    });
  }
}
