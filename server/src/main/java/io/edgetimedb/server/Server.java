package io.edgetimedb.server;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.EngineSettings;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.server.metrics.ServerMetrics;
import io.edgetimedb.server.security.ListenerExposure;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A running EdgeTimeDB server: the durable database, the settings (engine and server, one
 * registry) and the endpoints that let the world in.
 *
 * <p><b>Plugging in endpoints.</b> An endpoint is an {@link EndpointFactory} passed to {@link
 * #start}; the {@code server} command lists its factories in {@code ServerCommand#endpoints()}.
 * The factories run in list order once the database is open and each returns a started {@link
 * Endpoint}, or null when its settings leave it off (MQTT without a broker):
 *
 * <pre>
 * Server.start(settings, List.of(HttpEndpoint::start, AvaticaEndpoint::start), System.out)
 * </pre>
 *
 * <p><b>Stopping.</b> {@link #stop()} first closes the endpoints in reverse order (no new work is
 * accepted; what is in flight finishes), then closes the database, which writes a checkpoint and
 * closes the log after its last fsync, so a restart replays nothing. Idempotent and thread-safe,
 * so the signal handler and a shutdown hook may both call it.
 */
public final class Server {
  private final Database database;
  private final SettingsRegistry settings;
  private final Path dataDirectory;
  private final List<Endpoint> endpoints = new ArrayList<>();
  private final PrintStream log;
  private final ServerMetrics metrics;
  private boolean stopped;

  private Server(Database database, SettingsRegistry settings, Path dataDirectory, PrintStream log) {
    this.database = database;
    this.settings = settings;
    this.dataDirectory = dataDirectory;
    this.log = log;
    this.metrics = new ServerMetrics(database);
  }

  /**
   * Checks how the listeners face the network ({@link ListenerExposure}: refused before anything
   * is opened when a listener beyond loopback would take anyone), opens (and recovers) the
   * database in the {@code data.directory} setting and starts the endpoints in order. On any
   * failure what was started is stopped again before the exception propagates.
   *
   * @param settings engine and server settings, filled from defaults, file and command line
   * @param log where progress lines go (the ready line is {@link #readyLine()})
   */
  public static Server start(SettingsRegistry settings, List<EndpointFactory> factories, PrintStream log)
      throws Exception {
    ListenerExposure exposure = ListenerExposure.check(settings, log);
    Path dir = Path.of(settings.stringValue(ServerSettings.DATA_DIRECTORY)).toAbsolutePath().normalize();
    Database db = Database.open(EngineSettings.config(settings, dir), settings);
    exposure.report(db.health());
    Server server = new Server(db, settings, dir, log);
    try {
      for (EndpointFactory factory : factories) {
        Endpoint endpoint = factory.start(server);
        if (endpoint != null) {
          server.add(endpoint);
        }
      }
    } catch (Exception | Error e) {
      server.stop();
      throw e;
    }
    return server;
  }

  private synchronized void add(Endpoint endpoint) {
    endpoints.add(endpoint);
  }

  public Database database() {
    return database;
  }

  public SettingsRegistry settings() {
    return settings;
  }

  /** The meters every endpoint records into and the HTTP port's {@code /metrics} shows. */
  public ServerMetrics metrics() {
    return metrics;
  }

  /** The absolute data directory. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  public synchronized List<Endpoint> endpoints() {
    return List.copyOf(endpoints);
  }

  /** {@code ready data=<dir> http=<addr> ...}: what scripts and tests wait for. */
  public synchronized String readyLine() {
    StringBuilder line = new StringBuilder("ready data=").append(dataDirectory);
    endpoints.forEach(e -> line.append(' ').append(e.address()));
    return line.toString();
  }

  /**
   * Stops accepting (endpoints closed newest first), then checkpoints and closes the database.
   * A failing endpoint does not keep the database from being closed; the first failure is
   * rethrown at the end.
   */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    RuntimeException failure = null;
    List<Endpoint> newestFirst = new ArrayList<>(endpoints);
    Collections.reverse(newestFirst);
    for (Endpoint endpoint : newestFirst) {
      try {
        endpoint.close();
        log.println("stopped " + endpoint.address());
      } catch (Exception e) {
        failure = failure != null ? failure : new IllegalStateException("stopping " + endpoint.address(), e);
      }
    }
    metrics.close();
    database.close();
    log.println("checkpointed and closed " + dataDirectory);
    if (failure != null) {
      throw failure;
    }
  }
}
