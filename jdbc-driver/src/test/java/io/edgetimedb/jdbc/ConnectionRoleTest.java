package io.edgetimedb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A connection's role (the {@code role} property a server sets for its remote users) decides which
 * statements it may run; a refusal is SQLSTATE 42501 naming the user, the statement and the role needed.
 */
class ConnectionRoleTest {
  private final String url = "jdbc:edgetimedb:mem:roles-" + UUID.randomUUID();
  private Connection admin;

  @BeforeEach
  void create() throws SQLException {
    admin = DriverManager.getConnection(url);
    execute(admin, "CREATE MEASUREMENT boiler (site TAG, temp DOUBLE)");
    execute(admin, "INSERT INTO boiler (ts, site, temp) VALUES (TIMESTAMP '2026-01-01 00:00:00', 'A', 21.5)");
  }

  @AfterEach
  void close() throws SQLException {
    admin.close();
  }

  private Connection as(String role) throws SQLException {
    return DriverManager.getConnection(url + ";user=grafana;role=" + role);
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      long rows = 0;
      while (rs.next()) {
        rows++;
      }
      return rows;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SET ingest.future-bound = '1h'",
      "DROP MEASUREMENT boiler",
      "DELETE FROM boiler",
      "INSERT INTO boiler (ts, site, temp) VALUES (TIMESTAMP '2026-01-01 00:00:01', 'B', 1.0)",
      "CREATE MEASUREMENT other (site TAG, v DOUBLE)",
      "UPDATE boiler SET temp = 0"})
  void aReadOnlyConnectionIsRefusedEveryStatementThatChangesSomething(String sql) throws SQLException {
    try (Connection reader = as("read")) {
      assertThatThrownBy(() -> execute(reader, sql)).isInstanceOfSatisfying(SQLException.class, e -> {
        assertThat(e.getSQLState()).isEqualTo("42501");
        assertThat(e.getMessage()).contains("permission denied: user 'grafana' has role read").doesNotContain("\n");
      });
      // embedded prepareStatement errors carry no SQLSTATE (Calcite's connection prepares them itself)
      assertThatThrownBy(() -> reader.prepareStatement(sql)).isInstanceOf(SQLException.class)
          .hasStackTraceContaining("permission denied");
    }
    assertThat(count(admin, "SELECT * FROM boiler")).isOne();
    assertThat(count(admin, "SHOW MEASUREMENTS")).isOne();
  }

  @Test
  void aReadOnlyConnectionQueriesShowsAndExplains() throws SQLException {
    try (Connection reader = as("read")) {
      assertThat(count(reader, "SELECT * FROM boiler")).isOne();
      assertThat(count(reader, "SHOW MEASUREMENTS")).isOne();
      assertThat(count(reader, "SHOW CONFIG LIKE 'wal.%'")).isPositive();
      assertThat(count(reader, "EXPLAIN PLAN FOR SELECT * FROM boiler")).isPositive();
    }
  }

  @Test
  void batchedInsertsOfAReadOnlyConnectionAreRefusedWholeOnEveryPath() throws SQLException {
    try (Connection reader = as("read"); Statement s = reader.createStatement()) {
      s.addBatch("INSERT INTO boiler (ts, site, temp) VALUES (TIMESTAMP '2026-01-01 00:00:02', 'C', 2.0)");
      assertThatThrownBy(s::executeBatch).isInstanceOfSatisfying(BatchUpdateException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }
    assertThat(count(admin, "SELECT * FROM boiler")).isOne();
  }

  @Test
  void aWriterInsertsAndCreatesButDoesNotAdminister() throws SQLException {
    try (Connection writer = as("write")) {
      execute(writer, "CREATE MEASUREMENT other (site TAG, v DOUBLE)");
      try (PreparedStatement insert = writer.prepareStatement("INSERT INTO boiler (ts, site, temp) VALUES (?, ?, ?)")) {
        insert.setTimestamp(1, new java.sql.Timestamp(1_767_225_601_000L));
        insert.setString(2, "B");
        insert.setDouble(3, 3.0);
        insert.addBatch();
        insert.executeBatch();
      }
      for (String sql : new String[] {"SET ingest.future-bound = '1h'", "DROP MEASUREMENT other", "DELETE FROM boiler"}) {
        assertThatThrownBy(() -> execute(writer, sql)).as(sql).isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("42501");
          assertThat(e.getMessage()).contains("has role write", "needs role admin");
        });
      }
    }
    assertThat(count(admin, "SELECT * FROM boiler")).isEqualTo(2);
    assertThat(count(admin, "SHOW MEASUREMENTS")).isEqualTo(2);
  }

  @Test
  void anUnknownRoleRefusesTheConnection() {
    assertThatThrownBy(() -> as("superuser")).isInstanceOfSatisfying(SQLException.class, e -> {
      assertThat(e.getSQLState()).isEqualTo("08004");
      assertThat(e.getMessage()).contains("unknown role 'superuser'");
    });
  }
}
