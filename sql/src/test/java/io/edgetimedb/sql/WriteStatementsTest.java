package io.edgetimedb.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WriteStatementsTest {
  private SqlFixture sql;

  @BeforeEach
  void create() throws SQLException {
    sql = new SqlFixture();
    sql.execute("CREATE MEASUREMENT m (site TAG, value DOUBLE)");
    sql.execute("INSERT INTO m (ts, site, value) VALUES (0, 'A', 1), (1000, 'A', 2), (2000, 'A', 3),"
        + " (0, 'B', 10), (1000, 'B', 20)");
  }

  @AfterEach
  void close() throws SQLException {
    sql.close();
  }

  @Test
  void deleteOfATimeRangeForSomeSeriesIsOneEngineCall() throws SQLException {
    String delete = "DELETE FROM m WHERE site = 'A' AND ts >= TIMESTAMP '1970-01-01 00:00:01'";
    assertThat(sql.explain(delete)).contains("EdgeDelete").doesNotContain("TableModify");
    try (var s = sql.connection.createStatement()) {
      assertThat(s.executeUpdate(delete)).isEqualTo(2);
    }
    assertThat(sql.rows("SELECT site, value FROM m ORDER BY site, ts"))
        .containsExactly(List.of("A", 1.0), List.of("B", 10.0), List.of("B", 20.0));
  }

  @Test
  void preparedDeleteResolvesItsParameters() throws SQLException {
    try (PreparedStatement ps = sql.connection.prepareStatement("DELETE FROM m WHERE site = ? AND ts < ?")) {
      ps.setString(1, "B");
      ps.setTimestamp(2, new Timestamp(1000));
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    assertThat(sql.rows("SELECT count(*) FROM m")).containsExactly(List.of(4L));
  }

  @Test
  void deleteWithoutWhereEmptiesTheMeasurementButKeepsItsSchema() throws SQLException {
    try (var s = sql.connection.createStatement()) {
      assertThat(s.executeUpdate("DELETE FROM m")).isEqualTo(5);
    }
    assertThat(sql.rows("SELECT count(*) FROM m")).containsExactly(List.of(0L));
    assertThat(sql.db.fields("m")).hasSize(1);
  }

  @Test
  void deleteByFieldValueIsRefusedWithAReason() {
    assertThatThrownBy(() -> sql.execute("DELETE FROM m WHERE value > 2"))
        .hasMessageContaining("DELETE supports conditions on ts ranges and tags");
  }

  /** The smallest millisecond means "no timestamp" to the engine, which would stamp the row with the time it arrived. */
  @Test
  void theReservedNoTimestampInstantIsRefusedAndTheNextOneTaken() throws SQLException {
    try (PreparedStatement insert = sql.connection.prepareStatement("INSERT INTO m (ts, site, value) VALUES (?, 'C', 1)")) {
      insert.setLong(1, Long.MIN_VALUE);
      assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class)
          .hasMessageContaining("timestamp -9223372036854775808 for column 'ts' is reserved for points without a timestamp");
      insert.setLong(1, Long.MIN_VALUE + 1);
      assertThat(insert.executeUpdate()).isEqualTo(1);
    }
    assertThat(sql.rows("SELECT CAST(ts AS BIGINT) FROM m WHERE site = 'C'")).containsExactly(List.of(Long.MIN_VALUE + 1));
  }

  @Test
  void insertSelectCopiesRowsThroughOneBatch() throws SQLException {
    sql.execute("CREATE MEASUREMENT copy (site TAG, value DOUBLE)");
    try (var s = sql.connection.createStatement()) {
      assertThat(s.executeUpdate("INSERT INTO copy (ts, site, value) SELECT ts, site, value * 2 FROM m"
          + " WHERE site = 'B'")).isEqualTo(2);
    }
    assertThat(sql.rows("SELECT value FROM copy ORDER BY ts")).containsExactly(List.of(20.0), List.of(40.0));
  }
}
