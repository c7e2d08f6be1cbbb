package io.edgetimedb.jdbc;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingsSqlTest {
  private Connection connection;

  @BeforeEach
  void connect() throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", "alice");
    connection = DriverManager.getConnection("jdbc:edgetimedb:mem:", info);
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void showConfigListsEverySettingWithValueDefaultUnitAndMutability() throws SQLException {
    List<String> rows = rows("SHOW CONFIG");
    assertThat(rows).contains(
        "ingest.out-of-order-window|1h|1h|duration|true",
        "memory.budget|256MiB|256MiB|bytes|true",
        "storage.chunk-rows|1024|1024|count|false",
        "wal.fsync|group|group|group|always|os|false");
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SHOW CONFIG LIKE 'wal.%'")) {
      assertThat(rs.getMetaData().getColumnLabel(3)).isEqualTo("default");
      assertThat(rs.getMetaData().getColumnLabel(6)).isEqualTo("description");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("name")).startsWith("wal.");
      assertThat(rs.getString("description")).isNotBlank();
    }
  }

  @Test
  void setChangesAMutableSettingAndRecordsTheUserInTheHistory() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SET ingest.out-of-order-window = 3h");
      s.execute("SET memory.budget = '128 MiB'");
    }
    assertThat(rows("SELECT name, value, source FROM sys.config WHERE name IN ('ingest.out-of-order-window', "
        + "'memory.budget') ORDER BY name"))
        .containsExactly("ingest.out-of-order-window|3h|sql:alice", "memory.budget|128MiB|sql:alice");
    assertThat(rows("SELECT name, old_value, new_value, source FROM sys.config_history "
        + "WHERE name = 'ingest.out-of-order-window'"))
        .containsExactly("ingest.out-of-order-window|null|1h|default", "ingest.out-of-order-window|1h|3h|sql:alice");
    assertThat(rows("SELECT count(*) FROM sys.config_history WHERE \"time\" IS NULL")).containsExactly("0");
  }

  @Test
  void refusedChangesCarryTheirSqlState() {
    assertThatThrownBy(() -> execute("SET wal.fsync = os")).isInstanceOf(SQLException.class)
        .hasMessageContaining("setting 'wal.fsync' cannot change while the database runs")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("55P02");
    assertThatThrownBy(() -> execute("SET ingest.out-of-order-windw = 1h"))
        .hasMessageContaining("unknown setting 'ingest.out-of-order-windw' (did you mean "
            + "'ingest.out-of-order-window'?)")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42704");
    assertThatThrownBy(() -> execute("SET memory.budget = 12 parsecs"))
        .hasMessageContaining("setting 'memory.budget': '12 parsecs' is not a size (use e.g. 32MiB)")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
  }

  private void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  private List<String> rows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int columns = Math.min(rs.getMetaData().getColumnCount(), 5);
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
