package io.edgetimedb.server.simulation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a simulation sends its points: {@code http://host:port}, {@code tcp://host:port},
 * {@code udp://host:port} or {@code mqtt://host:port}. The scheme picks the target; a missing
 * port is the protocol's usual one (HTTP 8086, TCP 8094, UDP 8089, MQTT 1883), the ports the
 * EdgeTimeDB server and InfluxDB listen on.
 */
public record TargetAddress(Protocol protocol, String host, int port) {
  /** The protocols a simulation can speak, with their default ports. */
  public enum Protocol {
    HTTP(8086), TCP(8094), UDP(8089), MQTT(1883);

    private final int defaultPort;

    Protocol(int defaultPort) {
      this.defaultPort = defaultPort;
    }
  }

  /**
   * Reads an address.
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  public static TargetAddress parse(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + text + "' is not a URL: " + e.getReason());
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("'" + text + "' needs a scheme and a host, e.g. http://127.0.0.1:8086");
    }
    Protocol protocol;
    try {
      protocol = Protocol.valueOf(uri.getScheme().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' has scheme '" + uri.getScheme()
          + "'; expected http, tcp, udp or mqtt");
    }
    String path = uri.getRawPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      throw new IllegalArgumentException("'" + text + "' has a path; give only scheme, host and port (the write path is"
          + " chosen by the protocol)");
    }
    return new TargetAddress(protocol, uri.getHost(), uri.getPort() < 0 ? protocol.defaultPort : uri.getPort());
  }

  @Override
  public String toString() {
    return protocol.name().toLowerCase(Locale.ROOT) + "://" + host + ":" + port;
  }
}
