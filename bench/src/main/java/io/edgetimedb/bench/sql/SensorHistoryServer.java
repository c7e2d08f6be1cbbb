package io.edgetimedb.bench.sql;

import io.edgetimedb.server.avatica.AvaticaEndpoint;
import io.edgetimedb.server.avatica.AvaticaSettings;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The server side of {@link RemoteSqlQueryBenchmark}, run as its own process: loads
 * {@link SensorHistory} into an in-memory database, serves it on a free loopback port, prints
 * {@code PORT <n>} once it listens, and stops when its standard input closes (the benchmark closes
 * it, and a benchmark killed by the OS takes the server with it the same way).
 */
public final class SensorHistoryServer {
  static final String READY = "PORT ";

  private SensorHistoryServer() {}

  public static void main(String[] args) throws SQLException, IOException {
    String url = "jdbc:edgetimedb:mem:remote-bench";
    try (Connection data = SensorHistory.open(url);
        AvaticaEndpoint endpoint = new AvaticaEndpoint(
            AvaticaSettings.defaults().withBindHost("127.0.0.1").withPort(0), url)) {
      endpoint.start();
      System.out.println(READY + endpoint.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // Wait for end of input.
      }
    }
  }
}
