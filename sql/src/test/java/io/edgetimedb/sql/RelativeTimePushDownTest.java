package io.edgetimedb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.write.PointBatch;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bounds relative to the statement's clock ({@code CURRENT_TIMESTAMP - INTERVAL '5' MINUTE},
 * {@code now()}) reach the scan as a range read when the statement runs, not as a filter over
 * every row, and a plan run again later reads the clock again.
 */
class RelativeTimePushDownTest {
  private static final long MINUTE = 60_000;
  private SqlFixture sql;

  /** One reading a minute for the last hour, per site, the newest at the time of writing. */
  @BeforeEach
  void fill() throws SQLException {
    sql = new SqlFixture();
    long now = System.currentTimeMillis();
    PointBatch batch = new PointBatch();
    for (int i = 0; i < 60; i++) {
      batch.point("boiler", now - i * MINUTE).tag("site", "A").field("value", (double) i);
      batch.point("boiler", now - i * MINUTE).tag("site", "B").field("value", (double) -i);
    }
    assertThat(sql.db.write(batch).allAccepted()).isTrue();
  }

  @AfterEach
  void close() throws SQLException {
    sql.close();
  }

  @Test
  void theLastFiveMinutesAreARangeOfTheScan() throws SQLException {
    String query = "SELECT count(*) FROM boiler WHERE site = 'A' AND ts > CURRENT_TIMESTAMP - INTERVAL '5' MINUTE";
    assertThat(sql.rows(query)).containsExactly(List.of(5L));
    assertThat(sql.explain(query)).contains("ts > CURRENT_TIMESTAMP - PT5M").contains("site = 'A'")
        .doesNotContain("$condition");
  }

  @Test
  void nowIsTheStatementsCurrentTimestamp() throws SQLException {
    String query = "SELECT site, count(*) FROM boiler WHERE ts >= now() - INTERVAL '10' MINUTE"
        + " AND ts <= NOW() GROUP BY site ORDER BY site";
    assertThat(sql.rows(query)).containsExactly(List.of("A", 10L), List.of("B", 10L));
    assertThat(sql.explain(query)).contains("ts >= CURRENT_TIMESTAMP - PT10M AND ts <= CURRENT_TIMESTAMP")
        .doesNotContain("$condition");
  }

  @Test
  void intervalsAddUpOnEitherSideAndLocalTimestampIsReadToo() throws SQLException {
    String query = "SELECT count(*) FROM boiler WHERE site = 'B'"
        + " AND ts < INTERVAL '1' HOUR + (LOCALTIMESTAMP - INTERVAL '1' HOUR - INTERVAL '30' MINUTE)"
        + " AND ts >= CURRENT_TIMESTAMP - INTERVAL '40' MINUTE";
    // with the connection in UTC, LOCALTIMESTAMP is CURRENT_TIMESTAMP: readings 30 to 39 minutes old
    assertThat(sql.rows(query)).containsExactly(List.of(10L));
    assertThat(sql.explain(query)).contains("ts < LOCALTIMESTAMP - PT30M").doesNotContain("$condition");
  }

  @Test
  void monthsAreNoFixedLengthAndStayAFilter() throws SQLException {
    String query = "SELECT count(*) FROM boiler WHERE ts > CURRENT_TIMESTAMP - INTERVAL '1' MONTH";
    assertThat(sql.rows(query)).containsExactly(List.of(120L));
    assertThat(sql.explain(query)).contains("$condition").doesNotContain("CURRENT_TIMESTAMP -");
  }

  @Test
  void aPreparedPlanReadsTheClockEachTimeItRuns() throws Exception {
    PointBatch batch = new PointBatch();
    batch.point("fresh", System.currentTimeMillis()).tag("site", "A").field("value", 1.0);
    sql.db.write(batch);
    try (PreparedStatement ps = sql.connection.prepareStatement(
        "SELECT count(*) FROM fresh WHERE ts > CURRENT_TIMESTAMP - INTERVAL '1' SECOND")) {
      assertThat(count(ps)).isEqualTo(1);
      Thread.sleep(1_100);
      assertThat(count(ps)).as("the reading is now more than a second old").isZero();
    }
  }

  private static long count(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
