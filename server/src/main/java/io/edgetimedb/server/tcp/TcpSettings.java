package io.edgetimedb.server.tcp;

import io.edgetimedb.engine.settings.Setting;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.server.ServerSettings;
import java.util.List;

/**
 * The TCP listener's settings, defined in the server's one registry by {@link
 * io.edgetimedb.server.ServerSettings#define} and read once at start ({@link TcpConfig#from}).
 * docs/ingest-listeners.md explains them together.
 */
public final class TcpSettings {
  public static final String ENABLED = "tcp.enabled";
  public static final String PORT = "tcp.port";
  public static final String BIND = "tcp.bind";
  public static final String MAX_CONNECTIONS = "tcp.max-connections";
  public static final String MAX_LINE_LENGTH = "tcp.max-line-length";
  public static final String IDLE_TIMEOUT = "tcp.idle-timeout";
  public static final String MAX_CONNECTIONS_PER_ADDRESS = "tcp.max-connections-per-address";
  public static final String LINE_TIMEOUT = "tcp.line-timeout";
  public static final String PRECISION = "tcp.precision";
  public static final String WRITER_THREADS = "tcp.writer-threads";

  private TcpSettings() {}

  public static void define(SettingsRegistry r) {
    r.define(Setting.flag(ENABLED, true, "Listen for newline-delimited line protocol over TCP (Telegraf's "
        + "socket_writer, netcat, ...)."));
    r.define(Setting.count(PORT, 8094, "TCP port of the line-protocol listener (Telegraf socket_listener's); 0 "
        + "picks a free port.").range(0, 65_535));
    r.define(Setting.text(BIND, ServerSettings.LOOPBACK, "Address the TCP line-protocol listener listens on; beyond "
        + "loopback it needs security.allow-open (line protocol has no authentication)."));
    r.define(Setting.count(MAX_CONNECTIONS, 512, "Open TCP connections allowed at once; further ones are "
        + "closed as soon as they are accepted.").range(1, 100_000));
    r.define(Setting.count(MAX_CONNECTIONS_PER_ADDRESS, TcpConfig.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, "Open TCP "
        + "connections one sender address may hold; further ones from it are closed as soon as they are accepted, "
        + "so one host cannot lock the others out.").range(1, 100_000));
    r.define(Setting.duration(LINE_TIMEOUT, TcpConfig.DEFAULT_LINE_TIMEOUT_MILLIS, "A TCP connection that holds an "
        + "unfinished line (or has sent nothing since it connected) and completes no line for this long is closed; "
        + "its complete lines are kept, the unfinished one is counted as dropped. 0 for never.")
        .range(0, 7 * 86_400_000L));
    r.define(Setting.bytes(MAX_LINE_LENGTH, 64 << 10, "Longest line accepted over TCP; a longer one is "
        + "skipped up to its line end and counted, the connection stays.").range(256, 16 << 20));
    r.define(Setting.duration(IDLE_TIMEOUT, 600_000, "A TCP connection that sends nothing for this long is "
        + "closed, freeing its slot (senders that vanished without closing); 0 keeps connections forever.")
        .range(0, 7 * 86_400_000L));
    r.define(Setting.choice(PRECISION, "ns", List.of("ns", "us", "ms", "s"), "Unit of the timestamps in lines "
        + "received over TCP; lines without one get the time they were received."));
    r.define(Setting.count(WRITER_THREADS, 2, "Threads that parse and write what the TCP connections sent; "
        + "when all are busy the listener stops reading sockets, so senders are slowed by TCP flow control.")
        .range(1, 64));
  }
}
