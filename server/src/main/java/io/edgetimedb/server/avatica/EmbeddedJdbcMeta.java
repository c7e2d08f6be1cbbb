package io.edgetimedb.server.avatica;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.jdbc.JdbcMeta;

/**
 * Avatica's JdbcMeta over the embedded EdgeTimeDB driver: each remote connection is one embedded
 * connection, opened with only the client properties {@link ClientPropertyAllowList} lets through,
 * and closed by JdbcMeta's caches once idle for the configured time.
 */
final class EmbeddedJdbcMeta extends JdbcMeta {

  EmbeddedJdbcMeta(String embeddedUrl, AvaticaSettings settings) throws SQLException {
    super(embeddedUrl, cacheSettings(settings));
  }

  /**
   * JdbcMeta reads its cache sizes and expiry from its properties. Idle expiry is
   * expire-after-access, in milliseconds so tests can use short timeouts.
   */
  private static Properties cacheSettings(AvaticaSettings settings) {
    Properties p = new Properties();
    p.setProperty(ConnectionCacheSettings.EXPIRY_DURATION.key(), millis(settings.connectionIdleTimeout()));
    p.setProperty(ConnectionCacheSettings.EXPIRY_UNIT.key(), TimeUnit.MILLISECONDS.name());
    p.setProperty(StatementCacheSettings.EXPIRY_DURATION.key(), millis(settings.statementIdleTimeout()));
    p.setProperty(StatementCacheSettings.EXPIRY_UNIT.key(), TimeUnit.MILLISECONDS.name());
    return p;
  }

  private static String millis(Duration d) {
    return Long.toString(d.toMillis());
  }

  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> clientProperties) {
    ClientPropertyAllowList.check(clientProperties);
    super.openConnection(ch, clientProperties);
  }

  /**
   * JdbcMeta hands over its own settings merged with the client's; the embedded driver gets the
   * allowed client properties only (defence in depth behind {@link #openConnection}).
   *
   * <p>JdbcMeta turns TIMESTAMPs between wire and JDBC with a calendar in the server JVM's zone;
   * an embedded connection in that same zone undoes exactly that shift, so what crosses the wire
   * is the stored epoch millisecond whatever zone the server runs in (in UTC both are no-ops).
   */
  @Override
  protected Connection createConnection(String url, Properties merged) throws SQLException {
    Properties properties = ClientPropertyAllowList.forwarded(merged);
    properties.setProperty("timeZone", TimeZone.getDefault().getID());
    return DriverManager.getConnection(url, properties);
  }

  /** Closes every remote connection's embedded connection (their statements close with them). */
  void closeAll() {
    getStatementCache().invalidateAll();
    getConnectionCache().invalidateAll();
    getConnectionCache().cleanUp();
  }
}
