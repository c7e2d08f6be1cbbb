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
import java.sql.Timestamp;
import org.junit.jupiter.api.Test;

class EdgeDriverTest {

  @Test
  void aServedDatabaseIsSharedAndNeverClosedByItsConnections(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws SQLException {
    io.edgetimedb.engine.Database db = io.edgetimedb.engine.Database.open(
        io.edgetimedb.engine.DatabaseConfig.defaults().withDataDirectory(dir));
    String url = "jdbc:edgetimedb:file:" + dir;
    try (ServedDatabase served = EdgeDriver.serve(url, db)) {
      try (Connection c = DriverManager.getConnection(url)) {
        c.createStatement().execute("CREATE MEASUREMENT m (site TAG, value DOUBLE)");
      }
      assertThat(db.measurements()).containsExactly("m");
      try (Connection c = DriverManager.getConnection(url + "/.")) {
        assertThat(count(c, "SELECT count(*) FROM sys.measurements")).isEqualTo(1);
      }
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> EdgeDriver.serve(url, db))
          .hasMessageContaining("already open");
    } finally {
      db.close();
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EdgeDriver.serve("jdbc:edgetimedb:remote:url=x", db))
        .isInstanceOf(SQLException.class);
    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(count(c, "SELECT count(*) FROM sys.measurements")).as("reopened from its directory").isEqualTo(1);
    }
  }

  @Test
  void namedMemoryDatabasesAreSharedWhileOpen() throws SQLException {
    try (Connection a = DriverManager.getConnection("jdbc:edgetimedb:mem:shared")) {
      a.createStatement().execute("CREATE MEASUREMENT m (site TAG, value DOUBLE)");
      try (Connection b = DriverManager.getConnection("jdbc:edgetimedb:mem:shared")) {
        assertThat(count(b, "SELECT count(*) FROM sys.measurements")).isEqualTo(1);
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:edgetimedb:mem:shared")) {
      assertThat(count(c, "SELECT count(*) FROM sys.measurements")).isZero();
    }
  }

  @Test
  void preparedBatchesGoToTheEngineInOneWrite() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:edgetimedb:mem:")) {
      c.createStatement().execute("CREATE MEASUREMENT m (site TAG, value DOUBLE)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO m (ts, site, value) VALUES (?, ?, ?)")) {
        for (int i = 0; i < 5000; i++) {
          ps.setTimestamp(1, new Timestamp(i * 1000L));
          ps.setString(2, i % 2 == 0 ? "A" : "B");
          ps.setDouble(3, i);
          ps.addBatch();
        }
        assertThat(ps.executeBatch()).hasSize(5000).containsOnly(1);
      }
      assertThat(count(c, "SELECT count(*) FROM m WHERE site = 'A'")).isEqualTo(2500);
      assertThat(c.createStatement().executeUpdate("INSERT INTO m (ts, site, value) VALUES (0, 'C', 1), (1, 'C', 2)"))
          .isEqualTo(2);
    }
  }

  @Test
  void aRefusedRowIsNamedByIndexAndTheOthersAreWritten() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:edgetimedb:mem:")) {
      c.createStatement().execute("CREATE MEASUREMENT m (site TAG, value DOUBLE)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO m (ts, site, value) VALUES (?, ?, ?)")) {
        for (int i = 0; i < 4; i++) {
          ps.setLong(1, i);
          ps.setString(2, i == 2 ? "bad\u0001" : "A");
          ps.setDouble(3, i);
          ps.addBatch();
        }
        assertThatThrownBy(ps::executeBatch).isInstanceOf(BatchUpdateException.class).hasMessageContaining("row 2")
            .satisfies(e -> {
              BatchUpdateException batch = (BatchUpdateException) e;
              assertThat(batch.getSQLState()).isEqualTo("22000");
              assertThat(batch.getLargeUpdateCounts()).containsExactly(1, 1, Statement.EXECUTE_FAILED, 1);
            });
      }
      assertThat(count(c, "SELECT count(*) FROM m")).isEqualTo(3);
    }
  }

  @Test
  void aStatementBatchStopsAtTheFailingStatementAndCountsThoseBefore() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:edgetimedb:mem:"); Statement s = c.createStatement()) {
      s.execute("CREATE MEASUREMENT m (site TAG, value DOUBLE)");
      s.addBatch("INSERT INTO m (ts, site, value) VALUES (1, 'A', 1), (2, 'A', 2)");
      s.addBatch("INSERT INTO m (ts, site, value) VALUES (3, '', 3)");
      s.addBatch("INSERT INTO m (ts, site, value) VALUES (4, 'A', 4)");
      assertThatThrownBy(s::executeBatch).isInstanceOf(BatchUpdateException.class)
          .hasMessageContaining("row 0: empty tag value").satisfies(e -> {
            assertThat(((BatchUpdateException) e).getSQLState()).isEqualTo("22000");
            assertThat(((BatchUpdateException) e).getLargeUpdateCounts()).containsExactly(2);
          });
      s.addBatch("INSERT INTO m (ts, site, value) VALUES (5, 'A', 5)");
      s.addBatch("INSRT INTO m");
      assertThatThrownBy(s::executeBatch).isInstanceOf(BatchUpdateException.class)
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42601");
      assertThat(count(c, "SELECT count(*) FROM m")).as("rows before each failure").isEqualTo(3);
    }
  }

  @Test
  void errorsCarrySqlStates() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:edgetimedb:mem:"); Statement s = c.createStatement()) {
      s.execute("CREATE MEASUREMENT m (site TAG, value DOUBLE)");
      assertState(s, "SELEC 1", "42601");
      assertState(s, "CREATE MEASUREMENT x (a FOO)", "42601");
      assertState(s, "SELECT * FROM nosuch", "42P01");
      assertState(s, "SELECT nosuch FROM m", "42703");
      assertState(s, "INSERT INTO m (ts, site, value) VALUES (TIMESTAMP '2024-13-01 00:00:00', 'A', 1)", "22007");
      assertState(s, "INSERT INTO m (ts, site, value) VALUES (1, 'A', 'x')", "22018");
      assertState(s, "CREATE MEASUREMENT m (a TAG)", "42P07");
    }
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:edgetimedb:disk:x"))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
  }

  @Test
  void autoCommitIsOnAndCommitAndRollbackDoNotThrow() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:edgetimedb:mem:")) {
      assertThat(c.getAutoCommit()).isTrue();
      c.setAutoCommit(false);
      c.commit();
      c.rollback();
      assertThat(c.getAutoCommit()).isFalse();
    }
  }

  private static void assertState(Statement s, String sql, String state) {
    assertThatThrownBy(() -> s.execute(sql)).isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).as(sql).isEqualTo(state);
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
