package io.edgetimedb.server.avatica;

import io.edgetimedb.server.security.Users;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How the Avatica endpoint listens and whom it lets in (docs/remote-access.md).
 *
 * @param bindHost the address to listen on; {@code 127.0.0.1} (the default) keeps it local, {@code
 *     0.0.0.0} is every interface (the server then insists on users, see ListenerExposure)
 * @param port the TCP port, default 8765 (Avatica's usual port); 0 takes any free port
 * @param serialization {@code protobuf} (default) or {@code json}: the one wire format the endpoint
 *     speaks; a client names the same one in its URL ({@code serialization=...})
 * @param users who may log in with HTTP BASIC authentication, each with the role their remote
 *     connections get; {@link Users#none()} turns authentication off (every client is admin)
 * @param tlsKeystore a JKS or PKCS12 keystore with the server's key and certificate; null serves
 *     plain HTTP
 * @param tlsKeystorePassword the keystore's password (also the key's); null exactly when the
 *     keystore is null
 * @param connectionIdleTimeout how long a client connection may go unused before the server closes
 *     it; default 8 hours, so a BI tool left open over a working day keeps its connection
 * @param statementIdleTimeout how long a statement (and its open result) may go unused before the
 *     server closes it; default 1 hour
 */
public record AvaticaSettings(String bindHost, int port, String serialization, Users users, Path tlsKeystore,
    String tlsKeystorePassword, Duration connectionIdleTimeout,
    Duration statementIdleTimeout) {

  public static final int DEFAULT_PORT = 8765;

  public AvaticaSettings {
    Objects.requireNonNull(bindHost, "bindHost");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port " + port + " is not in 0..65535");
    }
    serialization = serialization.toLowerCase(Locale.ROOT);
    if (!serialization.equals("protobuf") && !serialization.equals("json")) {
      throw new IllegalArgumentException("serialization '" + serialization + "' is neither protobuf nor json");
    }
    Objects.requireNonNull(users, "users");
    if ((tlsKeystore == null) != (tlsKeystorePassword == null)) {
      throw new IllegalArgumentException("TLS needs both a keystore and its password");
    }
    requirePositive(connectionIdleTimeout, "connectionIdleTimeout");
    requirePositive(statementIdleTimeout, "statementIdleTimeout");
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, not " + d);
    }
  }

  /** Loopback, port 8765, protobuf, no authentication, plain HTTP, idle 8 h / 1 h. */
  public static AvaticaSettings defaults() {
    return new AvaticaSettings("127.0.0.1", DEFAULT_PORT, "protobuf", Users.none(), null, null, Duration.ofHours(8),
        Duration.ofHours(1));
  }

  public AvaticaSettings withBindHost(String host) {
    return new AvaticaSettings(host, port, serialization, users, tlsKeystore,
        tlsKeystorePassword, connectionIdleTimeout, statementIdleTimeout);
  }

  public AvaticaSettings withPort(int newPort) {
    return new AvaticaSettings(bindHost, newPort, serialization, users, tlsKeystore,
        tlsKeystorePassword, connectionIdleTimeout, statementIdleTimeout);
  }

  public AvaticaSettings withSerialization(String format) {
    return new AvaticaSettings(bindHost, port, format, users, tlsKeystore,
        tlsKeystorePassword, connectionIdleTimeout, statementIdleTimeout);
  }

  /** One admin user, the only one who may log in. */
  public AvaticaSettings withBasicAuth(String user, String password) {
    return withUsers(Users.admin(user, password));
  }

  public AvaticaSettings withUsers(Users newUsers) {
    return new AvaticaSettings(bindHost, port, serialization, newUsers, tlsKeystore, tlsKeystorePassword,
        connectionIdleTimeout, statementIdleTimeout);
  }

  public AvaticaSettings withTls(Path keystore, String password) {
    return new AvaticaSettings(bindHost, port, serialization, users, keystore, password,
        connectionIdleTimeout, statementIdleTimeout);
  }

  public AvaticaSettings withConnectionIdleTimeout(Duration timeout) {
    return new AvaticaSettings(bindHost, port, serialization, users, tlsKeystore,
        tlsKeystorePassword, timeout, statementIdleTimeout);
  }

  public AvaticaSettings withStatementIdleTimeout(Duration timeout) {
    return new AvaticaSettings(bindHost, port, serialization, users, tlsKeystore,
        tlsKeystorePassword, connectionIdleTimeout, timeout);
  }

  boolean tls() {
    return tlsKeystore != null;
  }

  /** Passwords must not show in logs or exception messages. */
  @Override
  public String toString() {
    return "AvaticaSettings[" + bindHost + ":" + port + ", " + serialization + ", auth="
        + (users.required() ? "BASIC" : "none") + ", tls=" + (tls() ? tlsKeystore : "off")
        + ", connectionIdle=" + connectionIdleTimeout + ", statementIdle=" + statementIdleTimeout + "]";
  }
}
