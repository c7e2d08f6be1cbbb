package io.edgetimedb.server.avatica;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.Driver.Serialization;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An Avatica HTTP endpoint serving an embedded EdgeTimeDB database to remote JDBC clients
 * ({@code jdbc:edgetimedb:remote:url=http://host:port} or {@code jdbc:avatica:remote:url=...}).
 * Each remote connection is an embedded connection to {@code embeddedJdbcUrl}; see
 * docs/remote-access.md for what a client may set, authentication ({@link BasicAuthentication}:
 * each remote connection gets the role of the user who opened it), TLS and idle timeouts.
 *
 * <p>The endpoint holds one embedded connection of its own from start to close, so a
 * {@code jdbc:edgetimedb:mem:name} database lives as long as the endpoint, not just while some
 * client happens to be connected (and a {@code file:} database is not reopened per client).
 */
public final class AvaticaEndpoint implements AutoCloseable {
  private final AvaticaSettings settings;
  private final ConnectionLimits limits;
  private final QuerySlots slots;
  private final String embeddedJdbcUrl;
  private final LongConsumer executionNanos;
  private Connection keepOpen;
  private volatile EmbeddedJdbcMeta meta;
  private HttpServer server;

  public AvaticaEndpoint(AvaticaSettings settings, String embeddedJdbcUrl) {
    this(settings, embeddedJdbcUrl, nanos -> { });
  }

  /** @param executionNanos told how long each statement execution or fetch took on the server */
  public AvaticaEndpoint(AvaticaSettings settings, String embeddedJdbcUrl, LongConsumer executionNanos) {
    this(settings, ConnectionLimits.defaults(), QuerySlots.defaults(), embeddedJdbcUrl, executionNanos);
  }

  AvaticaEndpoint(AvaticaSettings settings, ConnectionLimits limits, QuerySlots slots, String embeddedJdbcUrl,
      LongConsumer executionNanos) {
    this.settings = Objects.requireNonNull(settings);
    this.limits = Objects.requireNonNull(limits);
    this.slots = Objects.requireNonNull(slots);
    this.embeddedJdbcUrl = Objects.requireNonNull(embeddedJdbcUrl);
    this.executionNanos = Objects.requireNonNull(executionNanos);
  }

  /** Opens the database and starts listening; fails if the port is taken or the settings are wrong. */
  public synchronized void start() {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    try {
      keepOpen = DriverManager.getConnection(embeddedJdbcUrl);
      BasicAuthentication authentication = new BasicAuthentication(settings.users());
      meta = new EmbeddedJdbcMeta(embeddedJdbcUrl, settings, authentication, limits, slots);
      server = httpServer(authentication);
      server.start();
    } catch (SQLException | RuntimeException e) {
      close();
      throw new IllegalStateException("cannot start the Avatica endpoint (" + settings + "): " + e.getMessage(), e);
    }
  }

  private HttpServer httpServer(BasicAuthentication authentication) {
    HttpServer.Builder<Server> builder = HttpServer.Builder.<Server>newBuilder()
        .withPort(settings.port())
        .withHandler(service(SqlStatePreservingMeta.wrap(TimedMeta.wrap(meta, executionNanos))), serialization())
        .withServerCustomizers(List.of(bindTo(settings.bindHost()), in(authentication)), Server.class);
    if (settings.tls()) {
      // Avatica's builder insists on a trust store; it only matters for client certificates, which
      // the endpoint does not ask for, so the keystore serves as both.
      builder.withTLS(settings.tlsKeystore().toFile(), settings.tlsKeystorePassword(),
          settings.tlsKeystore().toFile(), settings.tlsKeystorePassword(), keystoreType());
    }
    return builder.build();
  }

  private Service service(Meta meta) {
    return ErrorsWithoutStackTraces.wrap(serialization() == Serialization.PROTOBUF ? new FrameEncodingService(meta)
        : new LocalService(meta));
  }

  private Serialization serialization() {
    return settings.serialization().equals("json") ? Serialization.JSON : Serialization.PROTOBUF;
  }

  private String keystoreType() {
    String name = settings.tlsKeystore().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".p12") || name.endsWith(".pfx") ? "PKCS12" : "JKS";
  }

  /** Avatica's builder has no listen address; its connector is configured before customizers run. */
  private static ServerCustomizer<Server> bindTo(String host) {
    return server -> {
      for (Connector connector : server.getConnectors()) {
        ((ServerConnector) connector).setHost(host);
      }
    };
  }

  /** Puts authentication in front of Avatica's handlers, which are in place when customizers run. */
  private static ServerCustomizer<Server> in(BasicAuthentication authentication) {
    return server -> {
      authentication.setHandler(server.getHandler());
      server.setHandler(authentication);
    };
  }

  /** The port the endpoint listens on (the one chosen when the settings said 0). */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.getPort();
  }

  /** Remote connections refused because {@code avatica.max-connections} were open. */
  public long connectionsRefusedTotal() {
    return meta == null ? 0 : meta.openConnections().refusedTotal();
  }

  /** Remote connections refused because their user held {@code avatica.max-connections-per-user}. */
  public long connectionsRefusedPerUser() {
    return meta == null ? 0 : meta.openConnections().refusedPerUser();
  }

  /** Remote queries refused because every query slot stayed busy for {@code avatica.query-slot-wait}. */
  public long queriesRefused() {
    return slots.refused();
  }

  /** Stops listening, closes every remote connection's embedded connection, then the database's last. */
  @Override
  public synchronized void close() {
    try {
      if (server != null) {
        server.stop();
      }
    } finally {
      server = null;
      if (meta != null) {
        meta.closeAll();
        meta = null;
      }
      closeKeepOpen();
    }
  }

  private void closeKeepOpen() {
    if (keepOpen == null) {
      return;
    }
    try {
      keepOpen.close();
    } catch (SQLException e) {
      throw new IllegalStateException("closing the endpoint's embedded connection failed", e);
    } finally {
      keepOpen = null;
    }
  }
}
