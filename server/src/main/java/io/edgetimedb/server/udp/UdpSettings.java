package io.edgetimedb.server.udp;

import io.edgetimedb.engine.settings.Setting;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.server.ServerSettings;
import java.util.List;

/**
 * The UDP listener's settings, defined in the server's one registry by {@link
 * io.edgetimedb.server.ServerSettings#define} and read once at start ({@link UdpConfig#from}).
 * docs/ingest-listeners.md explains them together.
 */
public final class UdpSettings {
  public static final String ENABLED = "udp.enabled";
  public static final String PORT = "udp.port";
  public static final String BIND = "udp.bind";
  public static final String RECEIVE_BUFFER = "udp.receive-buffer";
  public static final String PRECISION = "udp.precision";

  private UdpSettings() {}

  public static void define(SettingsRegistry r) {
    r.define(Setting.flag(ENABLED, false, "Listen for line protocol in UDP datagrams. Off by default: UDP "
        + "loses datagrams silently when the server falls behind (counted in /metrics) and has no back-pressure."));
    r.define(Setting.count(PORT, 8089, "UDP port of the line-protocol listener (InfluxDB 1.x's); 0 picks a free "
        + "port.").range(0, 65_535));
    r.define(Setting.text(BIND, ServerSettings.LOOPBACK, "Address the UDP line-protocol listener listens on; beyond "
        + "loopback it needs security.allow-open (line protocol has no authentication)."));
    r.define(Setting.bytes(RECEIVE_BUFFER, 8L << 20, "Kernel receive buffer asked for the UDP socket: "
        + "datagrams arriving while it is full are dropped by the kernel. Linux grants at most "
        + "net.core.rmem_max; the log says what was granted.").range(64 << 10, 1L << 30));
    r.define(Setting.choice(PRECISION, "ns", List.of("ns", "us", "ms", "s"), "Unit of the timestamps in lines "
        + "received over UDP; lines without one get the time they were received."));
  }
}
