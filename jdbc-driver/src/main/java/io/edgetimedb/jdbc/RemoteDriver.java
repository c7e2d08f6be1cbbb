package io.edgetimedb.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.ConnectStringParser;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.RemoteJdbcFactory;
import org.apache.calcite.avatica.remote.FrameReadingDriver;

/**
 * The remote half of {@link EdgeDriver}: {@code jdbc:edgetimedb:remote:url=http://host:port}
 * followed by optional {@code ;key=value} properties, served by Avatica's remote driver with
 * EdgeTimeDB's defaults (docs/remote-access.md):
 *
 * <ul>
 *   <li>{@code serialization=protobuf}, what the server speaks unless configured for JSON;
 *   <li>{@code timeZone=UTC}, so TIMESTAMPs read as the stored epoch milliseconds whatever the
 *       client JVM's zone, as with the embedded driver;
 *   <li>{@code user} and {@code password} become HTTP BASIC credentials (Avatica's own
 *       {@code avatica_user}/{@code avatica_password}) unless {@code authentication} is given,
 *       so SQL clients' usual user and password fields log in;
 *   <li>{@code Statement.setQueryTimeout} and {@code Statement.cancel} work: they stop the query on
 *       the server through a request of their own, and the execution fails with SQLSTATE 57014
 *       ({@link RemoteJdbcFactory}).
 * </ul>
 *
 * A connection the server refuses fails with a SQLException carrying the server's SQLSTATE,
 * where Avatica's driver would let an unchecked exception escape from connect().
 */
final class RemoteDriver extends FrameReadingDriver {
  static final String PREFIX = "jdbc:edgetimedb:remote:";

  @Override
  protected String getConnectStringPrefix() {
    return PREFIX;
  }

  /** Avatica's JDBC objects, with statements that honour setQueryTimeout and cancel. */
  @Override
  protected String getFactoryClassName(JdbcVersion jdbcVersion) {
    return RemoteJdbcFactory.class.getName();
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return EdgeDriver.VERSION;
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (url == null || !url.startsWith(PREFIX)) {
      return null;
    }
    Properties properties = withDefaults(
        ConnectStringParser.parse(url.substring(PREFIX.length()), info == null ? new Properties() : info));
    if (properties.getProperty("url") == null) {
      throw new SQLException("bad EdgeTimeDB URL '" + url + "': expected " + PREFIX + "url=http://host:port", "08001");
    }
    try {
      return IdentifierCase.describe(super.connect(url, properties));
    } catch (AvaticaClientRuntimeException e) {
      throw new SQLException(e.getMessage(), e.getSqlState(), e.getErrorCode(), e);
    } catch (RuntimeException e) {
      throw new SQLException("cannot connect to " + properties.getProperty("url") + ": " + e.getMessage(), "08001", e);
    }
  }

  private static Properties withDefaults(Properties given) {
    Properties p = new Properties();
    p.setProperty("serialization", "protobuf");
    p.setProperty("timeZone", "UTC");
    p.putAll(given);
    String user = p.getProperty("user");
    if (user != null && p.getProperty("authentication") == null) {
      p.setProperty("authentication", "BASIC");
      p.setProperty("avatica_user", user);
      p.setProperty("avatica_password", p.getProperty("password", ""));
    }
    return p;
  }
}
