package io.edgetimedb.server.http;

import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.server.Endpoint;
import io.edgetimedb.server.Server;
import io.edgetimedb.server.ServerSettings;
import io.edgetimedb.server.security.Users;

/**
 * The server's HTTP port, with the {@code http.*} settings, writing into the server's database and
 * meters; writes need a user of the users file when there are users.
 */
public final class HttpServerEndpoint implements Endpoint {
  private final HttpEndpoint endpoint;
  private final String address;

  private HttpServerEndpoint(HttpEndpoint endpoint) {
    this.endpoint = endpoint;
    this.address = "http=" + endpoint.settings().bindHost() + ":" + endpoint.port();
  }

  /** The {@link io.edgetimedb.server.EndpointFactory} of the {@code server} command. */
  public static Endpoint start(Server server) {
    HttpEndpoint endpoint = new HttpEndpoint(settings(server.settings()), server.database(), server.metrics(),
        Users.from(server.settings()));
    endpoint.start();
    return new HttpServerEndpoint(endpoint);
  }

  static HttpSettings settings(SettingsRegistry r) {
    return HttpSettings.defaults()
        .withBindHost(r.stringValue(ServerSettings.HTTP_BIND))
        .withPort((int) r.longValue(ServerSettings.HTTP_PORT))
        .withMaxBodyBytes(r.longValue(ServerSettings.HTTP_MAX_BODY_SIZE))
        .withMaxInflightBytes(Math.min(r.longValue(ServerSettings.HTTP_MAX_INFLIGHT_BYTES), heapShare()))
        .withMaxLineBytes((int) r.longValue(ServerSettings.HTTP_MAX_LINE_LENGTH));
  }

  /**
   * A quarter of the heap: however the budget is set, the bodies in flight then leave the
   * database and the queries three quarters (a 48 MiB heap ran out of memory under 16 bodies).
   */
  private static long heapShare() {
    return Runtime.getRuntime().maxMemory() / 4;
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public void close() {
    endpoint.close();
  }
}
