package io.edgetimedb.server.avatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Remote queries stop at the server's default timeout (any client, also one that went away); with
 * one query slot, a stopped query frees it for the next client. Over {@code jdbc:edgetimedb:remote:}
 * the statement's own timeout and cancel stop the query on the server as well. The cross join of three would run for hours; the timeouts are a safety net.
 */
class RemoteQueryLimitsTest {
  private static final String ENDLESS = "SELECT count(*) FROM m a, m b, m c";
  /** Generous: a loaded build machine plans the first query slowly; without the limits these never end. */
  private static final Duration SAFETY_NET = Duration.ofSeconds(150);

  private AvaticaEndpoint endpoint;
  private String http;

  private void start(AvaticaSettings settings) throws SQLException {
    endpoint = new AvaticaEndpoint(settings, ConnectionLimits.defaults(),
        new QuerySlots(1, 30_000), AvaticaEndpointTest.memUrl(), nanos -> { });
    endpoint.start();
    http = "http://127.0.0.1:" + endpoint.port();
    try (Connection c = edge(); Statement s = c.createStatement()) {
      s.execute("CREATE MEASUREMENT m (k TAG, v DOUBLE)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO m (ts, k, v) VALUES (?, ?, ?)")) {
        for (int i = 0; i < 2_000; i++) {
          ps.setLong(1, 1_000L * i);
          ps.setString(2, "s" + i % 10);
          ps.setDouble(3, i);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }

  @AfterEach
  void stop() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  private Connection edge() throws SQLException {
    return DriverManager.getConnection("jdbc:edgetimedb:remote:url=" + http);
  }

  private Connection avatica() throws SQLException {
    return DriverManager.getConnection("jdbc:avatica:remote:url=" + http + ";serialization=protobuf");
  }

  private static long count(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM m")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void theStatementsTimeoutStopsTheQueryOnTheServer() throws SQLException {
    start(AvaticaEndpointTest.loopback());
    try (Connection c = edge(); Statement s = c.createStatement()) {
      s.execute("SET query.timeout = '0ms'"); // only the client's timeout can stop it
    }
    assertTimeoutPreemptively(SAFETY_NET, () -> {
      try (Connection c = edge(); Statement s = c.createStatement()) {
        s.setQueryTimeout(1);
        assertThatThrownBy(() -> s.executeQuery(ENDLESS)).isInstanceOf(SQLException.class)
            .hasMessageContaining("timed out after 1 s")
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
        try (Connection other = avatica()) {
          assertThat(count(other)).isEqualTo(2_000); // the only query slot is free again
        }
        assertThat(count(c)).isEqualTo(2_000);
      }
    });
  }

  @Test
  void aPreparedStatementsTimeoutStopsTheQueryOnTheServer() throws SQLException {
    start(AvaticaEndpointTest.loopback());
    try (Connection c = edge(); Statement s = c.createStatement()) {
      s.execute("SET query.timeout = '0ms'"); // only the client's timeout can stop it
    }
    assertTimeoutPreemptively(SAFETY_NET, () -> {
      try (Connection c = edge(); PreparedStatement ps = c.prepareStatement(ENDLESS)) {
        ps.setQueryTimeout(1);
        assertThatThrownBy(ps::executeQuery).isInstanceOf(java.sql.SQLTimeoutException.class)
            .hasMessageContaining("timed out after 1 s")
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
        try (Connection other = avatica()) {
          assertThat(count(other)).isEqualTo(2_000); // the only query slot is free again
        }
      }
    });
  }

  @Test
  void cancelStopsTheQueryOnTheServer() throws SQLException {
    start(AvaticaEndpointTest.loopback());
    try (Connection c = edge(); Statement s = c.createStatement()) {
      s.execute("SET query.timeout = '0ms'"); // only the cancel can stop it
    }
    assertTimeoutPreemptively(SAFETY_NET, () -> {
      try (Connection c = edge(); Statement s = c.createStatement()) {
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
          try {
            s.executeQuery(ENDLESS);
          } catch (SQLException e) {
            throw new java.util.concurrent.CompletionException(e);
          }
        });
        // a cancel before the execution starts stops nothing (JDBC): cancel until it ends
        while (!running.isDone()) {
          s.cancel();
          try {
            running.get(200, TimeUnit.MILLISECONDS);
          } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // still running, or stopped: the loop's condition tells
          }
        }
        assertThat(running).isCompletedExceptionally();
        assertThatThrownBy(running::join).cause().isInstanceOf(SQLException.class)
            .hasMessageContaining("query cancelled")
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
        try (Connection other = avatica()) {
          assertThat(count(other)).isEqualTo(2_000); // the only query slot is free again
        }
        assertThat(count(s.getConnection())).isEqualTo(2_000);
      }
    });
  }

  @Test
  void theServersDefaultTimeoutStopsAPlainAvaticaClientsQuery() throws SQLException {
    start(AvaticaEndpointTest.loopback());
    try (Connection c = edge(); Statement s = c.createStatement()) {
      s.execute("SET query.timeout = '1s'");
    }
    assertTimeoutPreemptively(SAFETY_NET, () -> {
      try (Connection c = avatica(); Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.executeQuery(ENDLESS)).isInstanceOf(SQLException.class)
            .hasMessageContaining("timed out after 1 s (query.timeout)")
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
      }
    });
  }

  @Test
  void aQueryWhoseClientVanishedStopsAtTheServersTimeoutAndFreesItsSlot() throws Exception {
    start(AvaticaEndpointTest.loopback());
    try (Connection c = edge(); Statement s = c.createStatement()) {
      s.execute("SET query.timeout = '2s'");
    }
    assertTimeoutPreemptively(SAFETY_NET, () -> {
      Connection vanished = avatica(); // its client never comes back: no close, no timeout of its own
      CompletableFuture<Void> orphan = CompletableFuture.runAsync(() -> {
        try {
          vanished.createStatement().executeQuery(ENDLESS);
        } catch (SQLException e) {
          // stopped on the server
        }
      });
      Thread.sleep(500); // its query holds the only slot
      try (Connection other = edge()) {
        assertThat(count(other)).isEqualTo(2_000); // waited for the slot, well within avatica.query-slot-wait
      }
      orphan.join();
    });
  }
}
