package io.edgetimedb.server.bench.edgetimedb;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.server.Server;
import io.edgetimedb.server.ServerSettings;
import io.edgetimedb.server.avatica.AvaticaServerEndpoint;
import io.edgetimedb.server.http.HttpServerEndpoint;
import io.edgetimedb.server.tcp.TcpListener;
import io.edgetimedb.server.tcp.TcpSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as {@code edgetimedb server} runs it ({@link Server#start}, so the same endpoints
 * and settings), in this process, with the HTTP port, Avatica and the TCP listener on free
 * loopback ports. The server's database is durable (write-ahead log with group commit in a
 * directory of its own): that is how the server runs, and what a line-protocol writer's data
 * lands in.
 */
final class ServerInstance implements EdgeTimeDbInstance {
  private static final Pattern ADDRESS = Pattern.compile("(\\w+)=127\\.0\\.0\\.1:(\\d+)");

  private final Server server;

  private ServerInstance(Server server) {
    this.server = server;
  }

  static ServerInstance start(Path dataDirectory) throws Exception {
    SettingsRegistry settings = ServerSettings.registry();
    settings.set(ServerSettings.DATA_DIRECTORY, dataDirectory.toString(), "bench");
    for (String port : List.of(ServerSettings.HTTP_PORT, ServerSettings.AVATICA_PORT, TcpSettings.PORT)) {
      settings.set(port, "0", "bench");
    }
    for (String bind : List.of(ServerSettings.HTTP_BIND, ServerSettings.AVATICA_BIND, TcpSettings.BIND)) {
      settings.set(bind, "127.0.0.1", "bench");
    }
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    return new ServerInstance(Server.start(settings,
        List.of(HttpServerEndpoint::start, AvaticaServerEndpoint::start, TcpListener::start), quiet));
  }

  /** The port of one endpoint ({@code http}, {@code avatica}, {@code tcp}) as the ready line shows it. */
  int port(String endpoint) {
    Matcher m = ADDRESS.matcher(server.readyLine());
    while (m.find()) {
      if (m.group(1).equals(endpoint)) {
        return Integer.parseInt(m.group(2));
      }
    }
    throw new IllegalStateException("no " + endpoint + " endpoint in '" + server.readyLine() + "'");
  }

  @Override
  public Database database() {
    return server.database();
  }

  @Override
  public String embeddedUrl() {
    return "jdbc:edgetimedb:file:" + server.dataDirectory();
  }

  @Override
  public String remoteUrl() {
    return "jdbc:edgetimedb:remote:url=http://127.0.0.1:" + port("avatica");
  }

  @Override
  public String storage() {
    return "durable (write-ahead log, group commit)";
  }

  @Override
  public void close() {
    server.stop();
  }
}
