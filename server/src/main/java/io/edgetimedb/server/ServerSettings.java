package io.edgetimedb.server;

import io.edgetimedb.engine.EngineSettings;
import io.edgetimedb.engine.settings.Setting;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.server.avatica.ConnectionLimits;
import io.edgetimedb.server.avatica.QuerySlots;
import io.edgetimedb.server.mqtt.MqttSettings;
import io.edgetimedb.server.security.SecuritySettings;
import io.edgetimedb.server.tcp.TcpSettings;
import io.edgetimedb.server.udp.UdpSettings;
import java.util.List;

/**
 * The server's settings, defined next to the engine's in one registry before the configuration
 * file is read, so that the file and the command line are checked against every name. The
 * endpoints read theirs at start; none can change at run time yet (an endpoint that listens for
 * changes may mark its settings {@link Setting#changeable()}).
 */
public final class ServerSettings {
  public static final String DATA_DIRECTORY = "data.directory";
  public static final String HTTP_PORT = "http.port";
  public static final String HTTP_BIND = "http.bind";
  public static final String HTTP_MAX_BODY_SIZE = "http.max-body-size";
  public static final String HTTP_MAX_INFLIGHT_BYTES = "http.max-inflight-bytes";
  public static final String HTTP_MAX_LINE_LENGTH = "http.max-line-length";
  public static final String AVATICA_PORT = "avatica.port";
  public static final String AVATICA_BIND = "avatica.bind";
  public static final String AVATICA_USER = "avatica.auth.user";
  public static final String AVATICA_PASSWORD = "avatica.auth.password";
  public static final String AVATICA_KEYSTORE = "avatica.tls.keystore";
  public static final String AVATICA_KEYSTORE_PASSWORD = "avatica.tls.keystore-password";
  public static final String AVATICA_SERIALIZATION = "avatica.serialization";
  public static final String AVATICA_CONNECTION_IDLE_TIMEOUT = "avatica.connection-idle-timeout";
  public static final String AVATICA_STATEMENT_IDLE_TIMEOUT = "avatica.statement-idle-timeout";

  /**
   * Where the data goes when neither --data nor the file says: a directory beside wherever the
   * server was started, so that a first run on a fresh machine works and its data is easy to find.
   */
  public static final String DEFAULT_DATA_DIRECTORY = "edgetimedb-data";

  /**
   * Where every listener binds unless told otherwise: a server started without configuration is
   * reachable from its own machine only (see {@link io.edgetimedb.server.security.ListenerExposure}).
   */
  public static final String LOOPBACK = "127.0.0.1";

  private ServerSettings() {}

  /** A registry with the engine's and the server's settings at their defaults. */
  public static SettingsRegistry registry() {
    SettingsRegistry registry = new SettingsRegistry();
    EngineSettings.define(registry);
    define(registry);
    return registry;
  }

  /** Adds the server's settings to a registry. */
  public static void define(SettingsRegistry r) {
    r.define(Setting.text(DATA_DIRECTORY, DEFAULT_DATA_DIRECTORY, "Directory of the write-ahead log and "
        + "checkpoints; relative paths are resolved against the working directory."));
    r.define(Setting.count(HTTP_PORT, 8086, "TCP port of the HTTP endpoint (line protocol writes, /health, "
        + "/metrics); 0 picks a free port.").range(0, 65_535));
    r.define(Setting.text(HTTP_BIND, LOOPBACK, "Address the HTTP endpoint listens on; beyond loopback (e.g. "
        + "0.0.0.0) it needs security.users-file or security.allow-open."));
    r.define(Setting.bytes(HTTP_MAX_BODY_SIZE, 32L << 20, "Largest HTTP request body accepted; larger "
        + "writes are refused with 413.").range(1, Integer.MAX_VALUE));
    r.define(Setting.bytes(HTTP_MAX_INFLIGHT_BYTES, 64L << 20, "Bytes of write bodies all HTTP requests together may "
        + "hold in memory (at most a quarter of the heap); a request beyond is answered 503 with Retry-After.")
        .range(1, Long.MAX_VALUE));
    r.define(Setting.bytes(HTTP_MAX_LINE_LENGTH, 2L << 20, "Longest line-protocol line accepted over HTTP; a longer "
        + "one is skipped and reported by its line number, the other lines are written.")
        .range(1, Integer.MAX_VALUE - 1));
    r.define(Setting.count(AVATICA_PORT, 8765, "TCP port of the Avatica (remote JDBC) endpoint; 0 picks a free "
        + "port.").range(0, 65_535));
    r.define(Setting.text(AVATICA_BIND, LOOPBACK, "Address the Avatica endpoint listens on; beyond loopback (e.g. "
        + "0.0.0.0) it needs security.users-file or security.allow-open."));
    r.define(Setting.text(AVATICA_USER, "", "One admin user besides those of security.users-file (the "
        + "single-user setting of older configurations); empty for none."));
    r.define(Setting.text(AVATICA_PASSWORD, "", "Password of avatica.auth.user.").masked());
    r.define(Setting.text(AVATICA_KEYSTORE, "", "Java keystore with the TLS certificate of the Avatica "
        + "endpoint; empty for plain HTTP."));
    r.define(Setting.text(AVATICA_KEYSTORE_PASSWORD, "", "Password of avatica.tls.keystore.").masked());
    r.define(Setting.choice(AVATICA_SERIALIZATION, "protobuf", List.of("protobuf", "json"), "Wire format of the "
        + "Avatica endpoint; clients name the same one in their URL (serialization=...)."));
    r.define(Setting.duration(AVATICA_CONNECTION_IDLE_TIMEOUT, 8 * 3_600_000L, "A remote connection unused this "
        + "long is closed (long, because BI tools keep connections in pools)."));
    r.define(Setting.duration(AVATICA_STATEMENT_IDLE_TIMEOUT, 3_600_000L, "A remote statement unused this long is "
        + "closed."));
    SecuritySettings.define(r);
    MqttSettings.define(r);
    TcpSettings.define(r);
    ConnectionLimits.define(r);
    QuerySlots.define(r);
    UdpSettings.define(r);
  }
}
