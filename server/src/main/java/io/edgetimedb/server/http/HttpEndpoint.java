package io.edgetimedb.server.http;

import io.edgetimedb.engine.Database;
import io.edgetimedb.server.metrics.ServerMetrics;
import io.edgetimedb.server.security.Users;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP port: InfluxDB line-protocol writes ({@code POST /api/v2/write}, {@code POST /write}),
 * {@code GET /health} and {@code GET /metrics}, served by Jetty. The API is described in
 * {@code docs/http-api.md}.
 *
 * <pre>
 * try (HttpEndpoint http = new HttpEndpoint(HttpSettings.defaults(), db, metrics)) {
 *   http.start();
 *   ... http.port() ...
 * }
 * </pre>
 * Closing stops the port; the database and the metrics belong to the caller.
 */
public final class HttpEndpoint implements AutoCloseable {
  private final HttpSettings settings;
  private final Server server;
  private final ServerConnector connector;

  /** An endpoint whose writes need no credentials. */
  public HttpEndpoint(HttpSettings settings, Database db, ServerMetrics metrics) {
    this(settings, db, metrics, Users.none());
  }

  /** @param writers who may write; with no users anyone may (the server then listens on loopback or runs open) */
  public HttpEndpoint(HttpSettings settings, Database db, ServerMetrics metrics, Users writers) {
    this.settings = settings;
    QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), 2);
    threads.setName("edgetimedb-http");
    threads.setDaemon(true);
    this.server = new Server(threads);
    this.connector = connector(server, settings);
    server.addConnector(connector);
    server.setHandler(new Routes(resources(settings, db, metrics, new WriteAuthorization(writers)), metrics));
    refusedLogins(writers, "http", metrics);
    server.setErrorHandler(new JsonErrorHandler());
    server.setStopTimeout(5_000);
  }

  /** Counts the logins these users refused as {@code edgetimedb_logins_refused_total{endpoint=...}}. */
  public static void refusedLogins(Users users, String endpoint, ServerMetrics metrics) {
    FunctionCounter.builder("edgetimedb.logins.refused", users, Users::refused).tag("endpoint", endpoint)
        .description("Logins refused: no, unreadable or wrong credentials").register(metrics.registry());
  }

  private static ServerConnector connector(Server server, HttpSettings settings) {
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    // one acceptor and one selector: the box has two cores and the work is in the request threads
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(settings.bindHost());
    connector.setPort(settings.port());
    connector.setIdleTimeout(settings.idleTimeoutMillis());
    return connector;
  }

  private static Map<String, Resource> resources(HttpSettings settings, Database db, ServerMetrics metrics,
      WriteAuthorization authorization) {
    Map<String, Resource> resources = new HashMap<>();
    BodyBudget budget = new BodyBudget(settings.maxInflightBytes());
    Gauge.builder("edgetimedb.http.inflight.bytes", budget, BodyBudget::inFlight)
        .description("Bytes of write bodies held in memory now, bounded by http.max-inflight-bytes")
        .strongReference(true)
        .register(metrics.registry());
    FunctionCounter.builder("edgetimedb.http.inflight.refusals", budget, BodyBudget::refusals)
        .description("Write requests answered 503 because http.max-inflight-bytes was reached")
        .register(metrics.registry());
    ThreadLocal<LineProtocolIngest> ingests =
        ThreadLocal.withInitial(() -> new LineProtocolIngest(db, metrics, settings, budget));
    for (WriteDialect dialect : WriteDialect.values()) {
      resources.put(dialect.path(), new WriteResource(dialect, settings, db, ingests, authorization));
    }
    resources.put("/health", new HealthResource(db, Instant.now()));
    resources.put("/metrics", new MetricsResource(metrics));
    return resources;
  }

  /**
   * Opens the port and starts serving.
   *
   * @throws IllegalStateException when the port cannot be opened (in use, not allowed), naming it
   */
  public void start() {
    try {
      server.start();
    } catch (Exception e) {
      close();
      throw new IllegalStateException("cannot serve HTTP on " + settings.bindHost() + ":" + settings.port() + ": "
          + e.getMessage(), e);
    }
  }

  /** The port listened on: the configured one, or the one picked when it was 0. */
  public int port() {
    return connector.getLocalPort();
  }

  public HttpSettings settings() {
    return settings;
  }

  /** Stops accepting, lets running requests finish (up to 5 s), closes the port. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("stopping the HTTP port failed: " + e.getMessage(), e);
    }
  }
}
