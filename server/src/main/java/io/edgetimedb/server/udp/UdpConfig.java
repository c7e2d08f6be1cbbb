package io.edgetimedb.server.udp;

import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.settings.SettingsRegistry;

/**
 * What the UDP listener runs with, read from the {@code udp.*} settings (or built by tests).
 *
 * @param receiveBufferBytes the kernel receive buffer asked for (the kernel may grant less)
 * @param chunkBytes datagrams waiting in the socket are gathered up to about this many bytes
 *     for one database write
 */
public record UdpConfig(boolean enabled, String bindHost, int port, int receiveBufferBytes, Precision precision,
    int chunkBytes) {
  public static final int DEFAULT_CHUNK_BYTES = 512 << 10;

  public static UdpConfig from(SettingsRegistry r) {
    return new UdpConfig(r.booleanValue(UdpSettings.ENABLED), r.stringValue(UdpSettings.BIND),
        (int) r.longValue(UdpSettings.PORT), (int) r.longValue(UdpSettings.RECEIVE_BUFFER),
        Precision.fromQueryParameter(r.stringValue(UdpSettings.PRECISION)), DEFAULT_CHUNK_BYTES);
  }

  /** The defaults on 127.0.0.1 and a free port: for tests and benchmarks. */
  public static UdpConfig loopback() {
    return new UdpConfig(true, "127.0.0.1", 0, 8 << 20, Precision.NANOSECONDS, DEFAULT_CHUNK_BYTES);
  }
}
