package io.edgetimedb.jdbc;

import io.edgetimedb.engine.Database;
import io.edgetimedb.sql.EdgePrepare;
import io.edgetimedb.sql.EdgeSchemas;
import io.edgetimedb.sql.access.Access;
import io.edgetimedb.sql.access.Role;
import io.edgetimedb.sql.table.MeasurementsSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.jdbc.EdgeJdbcFactory;
import org.apache.calcite.jdbc.EdgeMeta;

/**
 * The EdgeTimeDB JDBC driver: embedded databases at {@code jdbc:edgetimedb:mem:[name]} and
 * {@code jdbc:edgetimedb:file:<dir>}, each optionally followed by {@code ;key=value}
 * connection properties, and a server's through {@code jdbc:edgetimedb:remote:url=http://host:port}
 * (see {@link RemoteDriver}). Registered with DriverManager through
 * {@code META-INF/services/java.sql.Driver}.
 *
 * <p>{@code file:} URLs open a durable database in that directory (write-ahead log with group
 * commit, checkpoints), shared by the JVM's connections to it; an {@code executeBatch} or
 * {@code executeUpdate} that returns has its rows on disk.
 */
public final class EdgeDriver extends Driver {
  /** Connection property naming the database a connection uses; set by the driver. */
  static final String DATABASE_PROPERTY = "edgetimedb.database";
  static final DriverVersion VERSION =
      new DriverVersion("EdgeTimeDB JDBC Driver", "0.1.0", "EdgeTimeDB", "0.1.0", false, 0, 1, 0, 1);
  /** Serves {@code jdbc:edgetimedb:remote:} URLs. */
  private static final RemoteDriver REMOTE = new RemoteDriver();

  static {
    new EdgeDriver().register();
  }

  public EdgeDriver() {
    super(EdgePrepare::new);
  }

  @Override
  protected String getConnectStringPrefix() {
    return DatabaseUrl.PREFIX;
  }

  /** Calcite's factory with EdgeTimeDB's connection, statements and result sets (see EdgeJdbcFactory). */
  @Override
  protected String getFactoryClassName(JdbcVersion jdbcVersion) {
    return EdgeJdbcFactory.class.getName();
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return VERSION;
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (url == null || !url.startsWith(DatabaseUrl.PREFIX)) {
      return null;
    }
    if (url.startsWith(RemoteDriver.PREFIX)) {
      return REMOTE.connect(url, info);
    }
    DatabaseUrl parsed = DatabaseUrl.parse(url, info == null ? new Properties() : info);
    Properties properties = ConnectionDefaults.apply(parsed.properties());
    properties.setProperty(DATABASE_PROPERTY, parsed.key());
    Database db = OpenDatabases.acquire(parsed);
    try {
      AvaticaConnection connection = factory.newConnection(this, factory, url, properties);
      handler.onConnectionInit(connection);
      CalciteConnection calcite = (CalciteConnection) connection;
      EdgeSchemas.register(calcite.getRootSchema(), db, access(properties));
      calcite.setSchema(MeasurementsSchema.NAME);
      return connection;
    } catch (SQLException | RuntimeException e) {
      OpenDatabases.release(parsed.key());
      throw e;
    }
  }

  /**
   * The connection's user and role: {@code admin} unless the {@code role} property names another
   * (a server sets it for its remote users; an embedded application may restrict itself).
   */
  private static Access access(Properties properties) throws SQLException {
    String user = properties.getProperty("user", EdgeSchemas.ANONYMOUS);
    String role = properties.getProperty(Role.PROPERTY);
    try {
      return new Access(user, role == null ? Role.ADMIN : Role.of(role));
    } catch (IllegalArgumentException e) {
      throw new SQLException(e.getMessage(), "08004", e);
    }
  }

  /**
   * Serves a database opened elsewhere (the server's) to connections of an embedded URL, e.g.
   * {@code jdbc:edgetimedb:file:<its directory>}, until the returned handle closes. Connections
   * borrow it and never close it; opening the same directory a second time would break its log.
   */
  public static ServedDatabase serve(String url, Database db) throws SQLException {
    if (!url.startsWith(DatabaseUrl.PREFIX) || url.startsWith(RemoteDriver.PREFIX)) {
      throw new SQLException("not an embedded EdgeTimeDB URL: " + url, "08001");
    }
    DatabaseUrl parsed = DatabaseUrl.parse(url, new Properties());
    OpenDatabases.serve(parsed, db);
    return new ServedDatabase(() -> OpenDatabases.unserve(parsed));
  }

  @Override
  public Meta createMeta(AvaticaConnection connection) {
    String key = ((CalciteConnection) connection).getProperties().getProperty(DATABASE_PROPERTY);
    return EdgeMeta.create(connection, OpenDatabases.plans(key), () -> OpenDatabases.release(key), SqlStates::of);
  }
}
