package io.edgetimedb.server.avatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The endpoint as remote clients see it: both URLs, both wire formats, errors with their SQLSTATE. */
class AvaticaEndpointTest {
  private AvaticaEndpoint endpoint;

  static AvaticaSettings loopback() {
    return AvaticaSettings.defaults().withBindHost("127.0.0.1").withPort(0);
  }

  static String memUrl() {
    return "jdbc:edgetimedb:mem:endpoint-test-" + UUID.randomUUID();
  }

  private String start(AvaticaSettings settings) {
    endpoint = new AvaticaEndpoint(settings, memUrl());
    endpoint.start();
    return "http://127.0.0.1:" + endpoint.port();
  }

  @AfterEach
  void close() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  @Test
  void bothRemoteUrlsWriteAndReadTheSameDatabase() throws SQLException {
    String http = start(loopback());
    try (Connection edge = DriverManager.getConnection("jdbc:edgetimedb:remote:url=" + http);
        Connection avatica = DriverManager.getConnection("jdbc:avatica:remote:url=" + http + ";serialization=protobuf")) {
      try (Statement s = edge.createStatement()) {
        s.execute("CREATE MEASUREMENT boiler (site TAG, temp DOUBLE)");
      }
      try (PreparedStatement ps = avatica.prepareStatement("INSERT INTO boiler (ts, site, temp) VALUES (?, ?, ?)")) {
        for (int i = 0; i < 10; i++) {
          ps.setTimestamp(1, new Timestamp(1_000L * i));
          ps.setString(2, "A");
          ps.setDouble(3, i);
          ps.addBatch();
        }
        assertThat(ps.executeBatch()).hasSize(10).containsOnly(1);
      }
      try (PreparedStatement q = edge.prepareStatement("SELECT ts, temp FROM boiler WHERE site = ? AND ts >= ?")) {
        q.setString(1, "A");
        q.setTimestamp(2, new Timestamp(5_000));
        try (ResultSet rs = q.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getTimestamp(1).getTime()).isEqualTo(5_000);
          assertThat(rs.getDouble(2)).isEqualTo(5.0);
        }
      }
      assertThat(edge.getAutoCommit()).isTrue();
      edge.commit();
      edge.rollback();
    }
  }

  @Test
  void jsonSerializationWorksWhenTheEndpointSpeaksIt() throws SQLException {
    String http = start(loopback().withSerialization("json"));
    for (String url : new String[] {"jdbc:edgetimedb:remote:url=" + http + ";serialization=json",
        "jdbc:avatica:remote:url=" + http + ";serialization=json"}) {
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM sys.measurements")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  @Test
  void errorsKeepTheirSqlStateAcrossTheWire() throws SQLException {
    String http = start(loopback());
    try (Connection c = DriverManager.getConnection("jdbc:edgetimedb:remote:url=" + http);
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SELECT * FROM nosuch")).isInstanceOf(SQLException.class)
          .hasMessageContaining("nosuch")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42P01");
      assertThatThrownBy(() -> s.execute("SELECT d FROM nosuch WHERE (")).isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42601");
    }
  }

  @Test
  void aHostileConnectionPropertyIsRefusedByName() {
    String http = start(loopback());
    Properties hostile = new Properties();
    hostile.setProperty("model", "inline:{version: '1.0', schemas: [{name: 'files', type: 'custom',"
        + " factory: 'org.apache.calcite.adapter.file.FileSchemaFactory', operand: {directory: '/etc'}}]}");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:edgetimedb:remote:url=" + http, hostile))
        .isInstanceOf(SQLException.class).hasMessageContaining("'model'").hasMessageContaining("not allowed")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08004");
    // Avatica's own driver lets the server's refusal escape connect() unchecked; it is still refused.
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:avatica:remote:url=" + http + ";serialization=protobuf", hostile))
        .hasMessageContaining("'model'");
  }
}
