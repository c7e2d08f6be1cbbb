package io.edgetimedb.server.cli;

import io.edgetimedb.engine.DataLossException;
import io.edgetimedb.engine.EngineSettings;
import io.edgetimedb.engine.settings.ConfigFile;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.server.EndpointFactory;
import io.edgetimedb.server.avatica.AvaticaServerEndpoint;
import io.edgetimedb.server.http.HttpServerEndpoint;
import io.edgetimedb.server.mqtt.MqttSubscriber;
import io.edgetimedb.server.Server;
import io.edgetimedb.server.ServerSettings;
import io.edgetimedb.server.security.SecurityConfigurationException;
import io.edgetimedb.server.tcp.TcpListener;
import io.edgetimedb.server.tcp.TcpSettings;
import io.edgetimedb.server.udp.UdpListener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code server [--data DIR] [--http-port N] [--avatica-port N] [--tcp-port N] [--config FILE] [--accept-loss]}:
 * opens the durable database and serves it until SIGTERM or SIGINT, then stops in order (see
 * {@link Server#stop()}) and exits with 0. Settings come from the defaults, then the file, then
 * the flags, each overriding the one before; {@code sys.config_history} shows which did what.
 * When recovery would lose data the server does not start: it prints one line naming the loss
 * and exits with 2, until it is started with {@code --accept-loss}.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
    description = "Run the database server until SIGTERM or SIGINT.",
    exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1)
final class ServerCommand implements Callable<Integer> {
  @Option(names = "--data", paramLabel = "DIR",
      description = "Data directory (default: ./" + ServerSettings.DEFAULT_DATA_DIRECTORY + ", or data.directory in the file).")
  String data;

  @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port (default 8086; 0 picks a free one).")
  String httpPort;

  @Option(names = "--avatica-port", paramLabel = "PORT", description = "Avatica port (default 8765; 0 picks a free one).")
  String avaticaPort;

  @Option(names = "--tcp-port", paramLabel = "PORT",
      description = "Line-protocol TCP listener port (default 8094; 0 picks a free one).")
  String tcpPort;

  @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (see docs/configuration.md).")
  Path config;

  @Option(names = "--accept-loss", description = "Start even when recovery would lose data (damaged checkpoints or "
      + "log with no intact copy): what is lost is logged and stays in /health; the damaged files are kept aside.")
  boolean acceptLoss;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    SettingsRegistry settings;
    try {
      settings = settings();
    } catch (IllegalArgumentException | IOException e) {
      spec.commandLine().getErr().println(e instanceof IOException
          ? "cannot read the configuration file " + config + ": " + e : e.getMessage());
      spec.commandLine().getErr().flush();
      return 2;
    }
    out.println("data directory: " + Path.of(settings.stringValue(ServerSettings.DATA_DIRECTORY)).toAbsolutePath()
        .normalize() + " (" + settings.source(ServerSettings.DATA_DIRECTORY) + ")");
    FatalErrorHalt.warnWithoutExitFlag(out);
    ShutdownSignals signals = new ShutdownSignals();
    boolean handled = signals.install();
    Server server;
    try {
      server = Server.start(settings, endpoints(), out);
    } catch (DataLossException | SecurityConfigurationException refused) {
      spec.commandLine().getErr().println(refused.getMessage());
      spec.commandLine().getErr().flush();
      return 2;
    }
    Thread hook = new Thread(server::stop, "edgetimedb-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println(server.readyLine());
    out.flush();
    if (!handled) {
      Thread.currentThread().join();
    }
    out.println(signals.await() + " received, stopping");
    server.stop();
    out.flush();
    return 0;
  }

  /**
   * The endpoints the server starts, in order, one line each; a factory returns no endpoint when
   * its settings leave it off (MQTT without a broker, UDP unless {@code udp.enabled}).
   */
  static List<EndpointFactory> endpoints() {
    return List.of(
        HttpServerEndpoint::start,
        AvaticaServerEndpoint::start,
        MqttSubscriber::start,
        TcpListener::start,
        UdpListener::start);
  }

  /** Defaults, then the file, then the flags. */
  SettingsRegistry settings() throws IOException {
    SettingsRegistry settings = ServerSettings.registry();
    if (config != null) {
      ConfigFile.read(config).applyTo(settings);
    }
    flag(settings, ServerSettings.DATA_DIRECTORY, "--data", data);
    flag(settings, ServerSettings.HTTP_PORT, "--http-port", httpPort);
    flag(settings, ServerSettings.AVATICA_PORT, "--avatica-port", avaticaPort);
    flag(settings, TcpSettings.PORT, "--tcp-port", tcpPort);
    flag(settings, EngineSettings.ACCEPT_LOSS, "--accept-loss", acceptLoss ? "true" : null);
    return settings;
  }

  private static void flag(SettingsRegistry settings, String name, String option, String value) {
    if (value != null) {
      settings.set(name, value, "flag:" + option);
    }
  }
}
