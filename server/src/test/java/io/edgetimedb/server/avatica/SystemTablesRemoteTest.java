package io.edgetimedb.server.avatica;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every system table reads whole over both remote URLs and both wire formats: a column whose
 * Java value Avatica cannot put in a frame (sys.series handed it a Map) failed the whole query
 * remotely while it worked embedded.
 */
class SystemTablesRemoteTest {
  private AvaticaEndpoint endpoint;

  @AfterEach
  void close() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  @Test
  void selectStarFromEverySystemTableOverProtobuf() throws SQLException {
    String http = start(AvaticaEndpointTest.loopback());
    assertEverySystemTableReads("jdbc:edgetimedb:remote:url=" + http);
    assertEverySystemTableReads("jdbc:avatica:remote:url=" + http + ";serialization=protobuf");
  }

  @Test
  void selectStarFromEverySystemTableOverJson() throws SQLException {
    String http = start(AvaticaEndpointTest.loopback().withSerialization("json"));
    assertEverySystemTableReads("jdbc:edgetimedb:remote:url=" + http + ";serialization=json");
    assertEverySystemTableReads("jdbc:avatica:remote:url=" + http + ";serialization=json");
  }

  private String start(AvaticaSettings settings) throws SQLException {
    endpoint = new AvaticaEndpoint(settings, AvaticaEndpointTest.memUrl());
    endpoint.start();
    String http = "http://127.0.0.1:" + endpoint.port();
    try (Connection c = DriverManager.getConnection("jdbc:edgetimedb:remote:url=" + http + ";serialization="
        + settings.serialization()); Statement s = c.createStatement()) {
      s.execute("CREATE MEASUREMENT boiler (site TAG, line TAG, temp DOUBLE, state VARCHAR)");
      s.executeUpdate("INSERT INTO boiler (ts, site, line, temp, state) VALUES "
          + "(TIMESTAMP '2026-01-01 00:00:00', 'A', '1', 21.5, 'on'), (TIMESTAMP '2026-01-01 00:00:01', 'B', '2', 22.5, 'off')");
      s.execute("SET ingest.future-bound = '10m'");
    }
    return http;
  }

  private static void assertEverySystemTableReads(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      List<String> tables = systemTables(c);
      assertThat(tables).contains("series", "storage", "config", "schema_history", "sources");
      for (String table : tables) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM sys.\"" + table + "\"")) {
          ResultSetMetaData meta = rs.getMetaData();
          int rows = 0;
          while (rs.next()) {
            for (int col = 1; col <= meta.getColumnCount(); col++) {
              rs.getObject(col);
              rs.getString(col);
            }
            rows++;
          }
          assertThat(rows).as("rows of sys.%s over %s", table, url).isPositive();
        }
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT tags FROM sys.series WHERE measurement = 'boiler' ORDER BY series_id")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("line=1,site=A");
      }
    }
  }

  private static List<String> systemTables(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getTables(null, "sys", "%", null)) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    return names;
  }
}
