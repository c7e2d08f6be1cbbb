package io.edgetimedb.jdbc;

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
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A query cannot take the box: it stops when cancelled or timed out (the client's timeout or
 * query.timeout), and the rows its sorts and joins hold are bounded by query.max-rows-held.
 * The triple cross join below would run for hours; the timeouts are a safety net, not a measure.
 */
class QueryLimitsTest {
  /** Rows in m: a cross join of three has 27 billion. */
  private static final int ROWS = 3_000;
  private static final String ENDLESS = "SELECT count(*) FROM m a, m b, m c";
  private static final Duration SAFETY_NET = Duration.ofSeconds(60);

  private Connection connection;

  @BeforeEach
  void fill() throws SQLException {
    connection = DriverManager.getConnection("jdbc:edgetimedb:mem:query-limits");
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE MEASUREMENT m (k TAG, v DOUBLE)");
    }
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO m (ts, k, v) VALUES (?, ?, ?)")) {
      for (int i = 0; i < ROWS; i++) {
        ps.setLong(1, 1_000L * i);
        ps.setString(2, "s" + i % 75);
        ps.setDouble(3, i);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void aQueryStopsAtTheStatementsTimeout() {
    assertTimeoutPreemptively(SAFETY_NET, () -> {
      try (Statement s = connection.createStatement()) {
        s.setQueryTimeout(1);
        assertThatThrownBy(() -> s.executeQuery(ENDLESS).next()).isInstanceOf(SQLException.class)
            .hasMessageContaining("timed out after 1 s").extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("57014");
        assertThat(rows(s, "SELECT count(*) FROM m")).isEqualTo(ROWS); // the statement stays usable
      }
    });
  }

  @Test
  void withoutATimeoutOfItsOwnAQueryStopsAtTheServerWideDefault() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SET query.timeout = '1s'");
    }
    assertTimeoutPreemptively(SAFETY_NET, () -> {
      try (Statement s = connection.createStatement()) {
        assertThatThrownBy(() -> s.executeQuery(ENDLESS).next()).isInstanceOf(SQLException.class)
            .hasMessageContaining("timed out after 1 s (query.timeout)")
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
      }
    });
  }

  @Test
  void aCancelledQueryStops() {
    assertTimeoutPreemptively(SAFETY_NET, () -> {
      try (Statement s = connection.createStatement()) {
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
          try {
            s.executeQuery(ENDLESS).next();
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
        while (!running.isDone()) {
          s.cancel(); // before the query started it is a no-op, so again until it took
          Thread.sleep(100);
        }
        assertThatThrownBy(running::get).isInstanceOf(ExecutionException.class).rootCause()
            .hasMessageContaining("cancelled");
        assertThat(((SQLException) running.handle((v, e) -> e.getCause().getCause()).get()).getSQLState())
            .isEqualTo("57014");
      }
    });
  }

  /** 40 rows joined with 40: the sort holds its 1,600 input rows (a nested-loop join re-reads its inner side). */
  private static final String SORTED_JOIN = "SELECT a.v, b.v FROM m a, m b WHERE a.k = 's1' AND b.k = 's2' "
      + "ORDER BY a.v + b.v DESC";

  @Test
  void theRowsASortAndAJoinHoldAreBoundedAtTheLimit() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SET query.max-rows-held = 1600");
      s.setMaxRows(10);
      try (ResultSet rs = s.executeQuery(SORTED_JOIN)) {
        int n = 0;
        while (rs.next()) {
          n++;
        }
        assertThat(n).isEqualTo(10);
      }
      s.execute("SET query.max-rows-held = 1599");
      assertThatThrownBy(() -> s.executeQuery(SORTED_JOIN).next()).isInstanceOf(SQLException.class)
          .hasMessageContaining("more than 1599 rows in memory (query.max-rows-held)")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("53200");
    }
  }

  private static long rows(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
