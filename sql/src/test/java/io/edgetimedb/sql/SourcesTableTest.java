package io.edgetimedb.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sys.sources} through SQL: an INSERT is a source named after the connection's user, and
 * the clock policy, changed with SET, refuses a row beyond the future bound and counts it there.
 */
class SourcesTableTest {
  private final SqlFixture sql;

  SourcesTableTest() throws SQLException {
    sql = new SqlFixture();
  }

  @AfterEach
  void close() throws Exception {
    sql.close();
  }

  @Test
  void anInsertIsCountedUnderItsConnectionAndAFutureRowIsRefusedAndCounted() throws SQLException {
    sql.execute("CREATE MEASUREMENT m (site TAG, value DOUBLE)");
    sql.execute("INSERT INTO m (ts, site, value) VALUES (TIMESTAMP '2024-05-01 12:00:00', 'A', 1.5)");
    sql.execute("SET ingest.future-bound = 1m");

    assertThatThrownBy(() -> sql.execute("INSERT INTO m (ts, site, value) VALUES (TIMESTAMP '2100-01-01 00:00:00', "
        + "'A', 2.5)")).hasMessageContaining("timestamp 2100-01-01T00:00:00Z is more than 1m ahead of the "
        + "receive time");

    assertThat(sql.rows("SELECT source, protocol, address, points_accepted, points_rejected_future, "
        + "points_rejected_past, points_clamped FROM sys.sources"))
        .containsExactly(List.of("jdbc:anonymous", "jdbc", "anonymous", 1L, 1L, 0L, 0L));
    // two samples, 2024 (behind the receive time) and 2100 (ahead): the median takes the lower
    assertThat(sql.rows("SELECT clock_offset_ms < 0, last_seen >= first_seen FROM sys.sources"))
        .containsExactly(List.of(true, true));
  }
}
