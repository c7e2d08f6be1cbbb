package io.edgetimedb.server.avatica;

import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.jdbc.EdgeDriver;
import io.edgetimedb.jdbc.ServedDatabase;
import io.edgetimedb.server.Endpoint;
import io.edgetimedb.server.Server;
import io.edgetimedb.server.ServerSettings;
import io.edgetimedb.server.http.HttpEndpoint;
import io.edgetimedb.server.security.Users;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The server's Avatica endpoint: the server's own database, served to the endpoint's embedded
 * connections under {@code jdbc:edgetimedb:file:<data directory>} (so it is not opened twice),
 * with the {@code avatica.*} settings and the users of {@code security.users-file}.
 */
public final class AvaticaServerEndpoint implements Endpoint {
  private final ServedDatabase served;
  private final AvaticaEndpoint endpoint;
  private final String address;

  private AvaticaServerEndpoint(ServedDatabase served, AvaticaEndpoint endpoint, String bindHost) {
    this.served = served;
    this.endpoint = endpoint;
    this.address = "avatica=" + bindHost + ":" + endpoint.port();
  }

  /** The {@link io.edgetimedb.server.EndpointFactory} of the {@code server} command. */
  public static Endpoint start(Server server) throws Exception {
    String url = "jdbc:edgetimedb:file:" + server.dataDirectory();
    AvaticaSettings settings = settings(server.settings());
    HttpEndpoint.refusedLogins(settings.users(), "avatica", server.metrics());
    ServedDatabase served = EdgeDriver.serve(url, server.database());
    Timer queries = server.metrics().queryTimer();
    AvaticaEndpoint endpoint = new AvaticaEndpoint(settings, ConnectionLimits.from(server.settings()),
        QuerySlots.from(server.settings()), url, nanos -> queries.record(nanos, TimeUnit.NANOSECONDS));
    FunctionCounter.builder("edgetimedb.avatica.queries.refused", endpoint, AvaticaEndpoint::queriesRefused)
        .description("Remote queries refused because every query slot stayed busy").register(server.metrics().registry());
    FunctionCounter.builder("edgetimedb.avatica.connections.refused", endpoint,
        AvaticaEndpoint::connectionsRefusedTotal).tag("limit", "total")
        .description("Remote JDBC connections refused because a connection limit was reached")
        .register(server.metrics().registry());
    FunctionCounter.builder("edgetimedb.avatica.connections.refused", endpoint,
        AvaticaEndpoint::connectionsRefusedPerUser).tag("limit", "per-user")
        .description("Remote JDBC connections refused because a connection limit was reached")
        .register(server.metrics().registry());
    try {
      endpoint.start();
    } catch (RuntimeException e) {
      served.close();
      throw e;
    }
    return new AvaticaServerEndpoint(served, endpoint, settings.bindHost());
  }

  /** The endpoint's settings as the registry holds them; empty texts mean "off". */
  static AvaticaSettings settings(SettingsRegistry r) {
    AvaticaSettings settings = AvaticaSettings.defaults()
        .withBindHost(r.stringValue(ServerSettings.AVATICA_BIND))
        .withPort((int) r.longValue(ServerSettings.AVATICA_PORT))
        .withSerialization(r.stringValue(ServerSettings.AVATICA_SERIALIZATION))
        .withConnectionIdleTimeout(Duration.ofMillis(r.longValue(ServerSettings.AVATICA_CONNECTION_IDLE_TIMEOUT)))
        .withStatementIdleTimeout(Duration.ofMillis(r.longValue(ServerSettings.AVATICA_STATEMENT_IDLE_TIMEOUT)));
    settings = settings.withUsers(Users.from(r));
    String keystore = r.stringValue(ServerSettings.AVATICA_KEYSTORE);
    if (!keystore.isEmpty()) {
      settings = settings.withTls(Path.of(keystore), r.stringValue(ServerSettings.AVATICA_KEYSTORE_PASSWORD));
    }
    return settings;
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public void close() {
    try {
      endpoint.close();
    } finally {
      served.close();
    }
  }
}
