package io.edgetimedb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ad-hoc statements that differ only in literals are planned once per connection; Calcite's
 * parse hook counts the plans made.
 */
class AdHocPlanCacheTest {
  private Connection connection;
  private final AtomicInteger plans = new AtomicInteger();
  private Hook.Closeable counting;

  @BeforeEach
  void fill() throws SQLException {
    connection = DriverManager.getConnection("jdbc:edgetimedb:mem:");
    connection.createStatement().execute("CREATE MEASUREMENT m (site TAG, value DOUBLE)");
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO m (ts, site, value) VALUES (?, ?, ?)")) {
      for (int i = 0; i < 100; i++) {
        ps.setTimestamp(1, new Timestamp(i * 1000L));
        ps.setString(2, i % 2 == 0 ? "A" : "B");
        ps.setDouble(3, i);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    Consumer<Object> countPlan = parsed -> plans.incrementAndGet();
    counting = Hook.PARSE_TREE.addThread(countPlan);
  }

  @AfterEach
  void close() throws SQLException {
    counting.close();
    connection.close();
  }

  @Test
  void statementsDifferingOnlyInLiteralsArePlannedOnceAndAnswerForTheirOwnLiterals() throws SQLException {
    assertThat(values("SELECT value FROM m WHERE site = 'A' AND ts >= TIMESTAMP '1970-01-01 00:00:10'"
        + " AND ts < TIMESTAMP '1970-01-01 00:00:15'")).containsExactly(10.0, 12.0, 14.0);
    assertThat(plans).hasValue(1);
    assertThat(values("SELECT value FROM m WHERE site = 'B' AND ts >= TIMESTAMP '1970-01-01 00:01:00'"
        + " AND ts < TIMESTAMP '1970-01-01 00:01:04'")).containsExactly(61.0, 63.0);
    assertThat(values("SELECT value FROM m WHERE site = 'A' AND ts BETWEEN TIMESTAMP '1970-01-01 00:00:00'"
        + " AND TIMESTAMP '1970-01-01 00:00:02' AND value > 0.5")).containsExactly(2.0);
    assertThat(values("SELECT value FROM m WHERE site = 'A' AND ts BETWEEN TIMESTAMP '1970-01-01 00:00:02'"
        + " AND TIMESTAMP '1970-01-01 00:00:04' AND value > 2.5")).containsExactly(4.0);
    assertThat(plans).as("one plan per normalised text").hasValue(2);
  }

  @Test
  void aSchemaChangeMakesTheNextStatementPlanAgain() throws SQLException {
    String query = "SELECT * FROM m WHERE site = 'A' AND ts < TIMESTAMP '1970-01-01 00:00:01'";
    assertThat(columns(query)).isEqualTo(3);
    try (Statement s = connection.createStatement()) {
      s.execute("DROP MEASUREMENT m");
      s.execute("CREATE MEASUREMENT m (site TAG, value DOUBLE, extra DOUBLE)");
      s.executeUpdate("INSERT INTO m (ts, site, extra) VALUES (0, 'A', 1.5)");
    }
    assertThat(columns(query)).as("the new field is a new column of *").isEqualTo(4);
    assertThat(plans).as("two plans of the query, DROP and CREATE; the INSERT goes straight to the engine")
        .hasValue(2 + 2);
  }

  @Test
  void errorsStillNameTheStatementAsWritten() {
    assertThatThrownBy(() -> values("SELECT nope FROM m WHERE site = 'A'")).isInstanceOf(SQLException.class)
        .hasMessageContaining("nope");
  }

  private List<Double> values(String sql) throws SQLException {
    List<Double> out = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getDouble(1));
      }
    }
    return out;
  }

  private int columns(String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.getMetaData().getColumnCount();
    }
  }
}
