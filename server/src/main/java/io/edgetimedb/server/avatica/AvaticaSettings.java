package io.edgetimedb.server.avatica;

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
 * @param basicAuthUser the one user HTTP BASIC authentication admits; null turns authentication off
 * @param basicAuthPassword that user's password; null exactly when the user is null
 * @param tlsKeystore a JKS or PKCS12 keystore with the server's key and certificate; null serves
 *     plain HTTP
 * @param tlsKeystorePassword the keystore's password (also the key's); null exactly when the
 *     keystore is null
 * @param connectionIdleTimeout how long a client connection may go unused before the server closes
 *     it; default 8 hours, so a BI tool left open over a working day keeps its connection
 * @param statementIdleTimeout how long a statement (and its open result) may go unused before the
 *     server closes it; default 1 hour
 */
public record AvaticaSettings(String bindHost, int port, String serialization, String basicAuthUser,
    String basicAuthPassword, Path tlsKeystore, String tlsKeystorePassword, Duration connectionIdleTimeout,
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
    if ((basicAuthUser == null) != (basicAuthPassword == null)) {
      throw new IllegalArgumentException("BASIC authentication needs both a user and a password");
    }
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
    return new AvaticaSettings("127.0.0.1", DEFAULT_PORT, "protobuf", null, null, null, null, Duration.ofHours(8),
        Duration.ofHours(1));
  }

  public AvaticaSettings withBindHost(String host) {
    return new AvaticaSettings(host, port, serialization, basicAuthUser, basicAuthPassword, tlsKeystore,
        tlsKeystorePassword, connectionIdleTimeout, statementIdleTimeout);
  }

  public AvaticaSettings withPort(int newPort) {
    return new AvaticaSettings(bindHost, newPort, serialization, basicAuthUser, basicAuthPassword, tlsKeystore,
        tlsKeystorePassword, connectionIdleTimeout, statementIdleTimeout);
  }

  public AvaticaSettings withSerialization(String format) {
    return new AvaticaSettings(bindHost, port, format, basicAuthUser, basicAuthPassword, tlsKeystore,
        tlsKeystorePassword, connectionIdleTimeout, statementIdleTimeout);
  }

  public AvaticaSettings withBasicAuth(String user, String password) {
    return new AvaticaSettings(bindHost, port, serialization, user, password, tlsKeystore, tlsKeystorePassword,
        connectionIdleTimeout, statementIdleTimeout);
  }

  public AvaticaSettings withTls(Path keystore, String password) {
    return new AvaticaSettings(bindHost, port, serialization, basicAuthUser, basicAuthPassword, keystore, password,
        connectionIdleTimeout, statementIdleTimeout);
  }

  public AvaticaSettings withConnectionIdleTimeout(Duration timeout) {
    return new AvaticaSettings(bindHost, port, serialization, basicAuthUser, basicAuthPassword, tlsKeystore,
        tlsKeystorePassword, timeout, statementIdleTimeout);
  }

  public AvaticaSettings withStatementIdleTimeout(Duration timeout) {
    return new AvaticaSettings(bindHost, port, serialization, basicAuthUser, basicAuthPassword, tlsKeystore,
        tlsKeystorePassword, connectionIdleTimeout, timeout);
  }

  boolean basicAuth() {
    return basicAuthUser != null;
  }

  boolean tls() {
    return tlsKeystore != null;
  }

  /** The password must not show in logs or exception messages. */
  @Override
  public String toString() {
    return "AvaticaSettings[" + bindHost + ":" + port + ", " + serialization + ", auth="
        + (basicAuth() ? "BASIC user " + basicAuthUser : "none") + ", tls=" + (tls() ? tlsKeystore : "off")
        + ", connectionIdle=" + connectionIdleTimeout + ", statementIdle=" + statementIdleTimeout + "]";
  }
}
