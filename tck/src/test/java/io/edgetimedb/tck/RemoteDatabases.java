package io.edgetimedb.tck;

import io.edgetimedb.server.avatica.AvaticaEndpoint;
import io.edgetimedb.server.avatica.AvaticaSettings;
import java.util.UUID;

/**
 * Fresh databases behind an Avatica endpoint for the remote configurations: each is a new
 * {@code jdbc:edgetimedb:mem:} database served on a free loopback port. An endpoint serves one
 * database, so each new database gets its own endpoint, and the previous one closes (the suite runs
 * its tests one at a time, and no test uses two databases), which keeps one server, not dozens,
 * alive in the test JVM.
 */
final class RemoteDatabases {
  private static AvaticaEndpoint current;

  private RemoteDatabases() {}

  /** The {@code http://127.0.0.1:port} address of a new, empty database's endpoint. */
  static synchronized String newDatabase() {
    if (current != null) {
      current.close();
    }
    current = new AvaticaEndpoint(AvaticaSettings.defaults().withBindHost("127.0.0.1").withPort(0),
        "jdbc:edgetimedb:mem:tck-remote-" + UUID.randomUUID());
    current.start();
    return "http://127.0.0.1:" + current.port();
  }
}
