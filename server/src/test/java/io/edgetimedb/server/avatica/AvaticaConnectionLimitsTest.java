package io.edgetimedb.server.avatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A client opening many remote connections is refused by name instead of closing other clients' connections. */
class AvaticaConnectionLimitsTest {
  private AvaticaEndpoint endpoint;
  private final List<Connection> opened = new ArrayList<>();

  private String start(ConnectionLimits limits) {
    endpoint = new AvaticaEndpoint(AvaticaEndpointTest.loopback(), limits, QuerySlots.defaults(),
        AvaticaEndpointTest.memUrl(), nanos -> { });
    endpoint.start();
    return "jdbc:edgetimedb:remote:url=http://127.0.0.1:" + endpoint.port();
  }

  @AfterEach
  void close() throws SQLException {
    for (Connection c : opened) {
      c.close();
    }
    if (endpoint != null) {
      endpoint.close();
    }
  }

  private Connection connect(String url, String user) throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", user);
    Connection c = DriverManager.getConnection(url + ";authentication=NONE", info);
    opened.add(c);
    return c;
  }

  private static long one(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM sys.config")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aThousandConnectionsOfOneClientLeaveAnotherClientsConnectionOpen() throws SQLException {
    String url = start(ConnectionLimits.defaults());
    Connection victim = connect(url, "operator");
    assertThat(one(victim)).isPositive();
    int refused = 0;
    for (int i = 0; i < 1_000; i++) {
      try {
        connect(url, "flood");
      } catch (SQLException e) {
        assertThat(e.getSQLState()).isEqualTo("53300");
        refused++;
      }
    }
    assertThat(one(victim)).isPositive();
    assertThat(refused).isEqualTo(1_000 - ConnectionLimits.defaults().perUser());
    assertThat(endpoint.connectionsRefusedPerUser()).isEqualTo(refused);
  }

  @Test
  void connectionsUpToEachLimitAreAdmittedAndOneMoreIsRefusedByName() throws SQLException {
    String url = start(new ConnectionLimits(3, 2));
    connect(url, "a");
    Connection a2 = connect(url, "a");
    assertThatThrownBy(() -> connect(url, "a")).isInstanceOf(SQLException.class)
        .hasMessageContaining("2 remote connections of user 'a' are open (avatica.max-connections-per-user)")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("53300");
    connect(url, "b");
    assertThatThrownBy(() -> connect(url, "c")).isInstanceOf(SQLException.class)
        .hasMessageContaining("3 remote connections are open (avatica.max-connections)")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("53300");
    a2.close();
    assertThat(one(connect(url, "c"))).isPositive(); // a closed connection gives its place back
    assertThat(endpoint.connectionsRefusedTotal()).isEqualTo(1);
    assertThat(endpoint.connectionsRefusedPerUser()).isEqualTo(1);
  }
}
