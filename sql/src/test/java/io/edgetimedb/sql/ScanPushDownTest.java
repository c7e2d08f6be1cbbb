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

class ScanPushDownTest {
  private SqlFixture sql;

  @BeforeEach
  void fill() throws SQLException {
    sql = new SqlFixture();
    PointBatch batch = new PointBatch();
    for (long ts = 0; ts < 10; ts++) {
      batch.point("boiler", ts * 1000).tag("site", "A").tag("sensor", "t1").field("value", ts * 1.5);
      batch.point("boiler", ts * 1000).tag("site", "B").tag("sensor", "t2").field("value", ts * 2.0);
      batch.point("boiler", ts * 1000 + 500).tag("site", "C").field("value", -1.0);
    }
    assertThat(sql.db.write(batch).allAccepted()).isTrue();
  }

  @AfterEach
  void close() throws SQLException {
    sql.close();
  }

  @Test
  void timeRangeAndTagEqualityAreAnsweredByTheEngine() throws SQLException {
    String query = "SELECT ts, value FROM boiler WHERE site = 'A' AND ts >= TIMESTAMP '1970-01-01 00:00:02'"
        + " AND ts < TIMESTAMP '1970-01-01 00:00:04'";
    assertThat(sql.rows(query)).hasSize(2);
    String plan = sql.explain(query);
    assertThat(plan).contains("EnumerableEdgeScan").contains("ts >= 1970-01-01T00:00:02Z").contains("site = 'A'")
        .doesNotContain("Filter");
  }

  @Test
  void betweenInOrNotAndLikePrefixArePushed() throws SQLException {
    String query = "SELECT site, count(*) AS n FROM boiler WHERE ts BETWEEN TIMESTAMP '1970-01-01 00:00:00'"
        + " AND TIMESTAMP '1970-01-01 00:00:03' AND (site IN ('A', 'C') OR sensor LIKE 't2%') AND NOT site = 'C'"
        + " GROUP BY site ORDER BY site";
    assertThat(sql.rows(query)).containsExactly(List.of("A", 4L), List.of("B", 4L));
    assertThat(sql.explain(query)).doesNotContain("Filter");
  }

  @Test
  void negationKeepsSeriesWithoutTheTagOut() throws SQLException {
    assertThat(sql.rows("SELECT count(*) FROM boiler WHERE sensor <> 't1'")).containsExactly(List.of(10L));
    assertThat(sql.rows("SELECT count(*) FROM boiler WHERE sensor IS NULL")).containsExactly(List.of(10L));
    assertThat(sql.rows("SELECT count(*) FROM boiler WHERE sensor NOT IN ('t1')")).containsExactly(List.of(10L));
  }

  @Test
  void latestNIsAPerSeriesLimitAndAMerge() throws SQLException {
    String query = "SELECT ts, site, value FROM boiler ORDER BY ts DESC LIMIT 3";
    assertThat(sql.rows(query)).extracting(r -> r.get(1)).containsExactly("C", "A", "B");
    assertThat(sql.explain(query)).contains("order=[ts DESC]").contains("limit=[3]").doesNotContain("Sort");
  }

  /** Paging through the latest rows: the scan hands over offset + limit rows, not every row to a sort. */
  @Test
  void anOffsetPagesThroughTheLatestRowsWithoutSortingThemAll() throws SQLException {
    String all = "SELECT ts, site, value FROM boiler ORDER BY ts DESC, site";
    List<List<Object>> ordered = sql.rows(all);
    String page = "SELECT ts, site, value FROM boiler ORDER BY ts DESC LIMIT 4 OFFSET 3";
    assertThat(sql.rows(page)).extracting(r -> r.get(0)).containsExactlyElementsOf(
        ordered.subList(3, 7).stream().map(r -> r.get(0)).toList());
    assertThat(sql.explain(page)).contains("order=[ts DESC]").contains("limit=[7]").doesNotContain("EnumerableSort");

    String prepared = "SELECT ts FROM boiler WHERE site = ? ORDER BY ts DESC LIMIT ? OFFSET ?";
    try (PreparedStatement ps = sql.connection.prepareStatement(prepared)) {
      ps.setString(1, "A");
      ps.setInt(2, 2);
      ps.setInt(3, 5);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(SqlFixture.rows(rs)).extracting(r -> ((java.sql.Timestamp) r.get(0)).getTime())
            .containsExactly(4000L, 3000L);
      }
    }
    assertThat(sql.explain(prepared)).contains("limit=[?2 + ?1]").doesNotContain("EnumerableSort");
    // one column under a LIMIT with OFFSET used to fail: Calcite unwraps a single column, the scan did not
    assertThat(sql.rows("SELECT value FROM boiler WHERE site = 'B' LIMIT 2 OFFSET 3")).containsExactly(
        List.of(6.0), List.of(8.0));
  }

  @Test
  void preparedTimeRangeIsPushedAndResolvedPerExecution() throws SQLException {
    String query = "SELECT count(*) FROM boiler WHERE site = ? AND ts >= ? AND ts < ?";
    try (PreparedStatement ps = sql.connection.prepareStatement(query)) {
      ps.setString(1, "A");
      ps.setTimestamp(2, new java.sql.Timestamp(0));
      ps.setTimestamp(3, new java.sql.Timestamp(3000));
      assertThat(count(ps)).isEqualTo(3);
      ps.setString(1, "C");
      ps.setTimestamp(3, new java.sql.Timestamp(10_000));
      assertThat(count(ps)).isEqualTo(10);
    }
    assertThat(sql.explain(query)).contains("ts >= ?1").contains("site = ?0").doesNotContain("Filter");
  }

  @Test
  void filterProjectionOrderAndAParameterLimitAllReachTheScan() throws SQLException {
    String query = "SELECT ts, value FROM boiler WHERE ts BETWEEN ? AND ? AND site IN ('A', 'B')"
        + " ORDER BY ts DESC LIMIT ?";
    try (PreparedStatement ps = sql.connection.prepareStatement(query)) {
      ps.setTimestamp(1, new java.sql.Timestamp(2000));
      ps.setTimestamp(2, new java.sql.Timestamp(5000));
      ps.setInt(3, 3);
      try (ResultSet rs = ps.executeQuery()) {
        List<List<Object>> rows = SqlFixture.rows(rs);
        assertThat(rows).extracting(r -> ((java.sql.Timestamp) r.get(0)).getTime()).containsExactly(5000L, 5000L,
            4000L);
      }
    }
    assertThat(sql.explain(query)).startsWith("EnumerableEdgeScan(table=[[edge, boiler]], columns=[[ts, value]],"
        + " filter=[ts >= ?0 AND ts <= ?1 AND site IN ('A', 'B')], order=[ts DESC], limit=[?2])");
  }

  @Test
  void residualConditionsStayAboveTheScan() throws SQLException {
    String query = "SELECT ts FROM boiler WHERE value > 10 AND site = 'B'";
    assertThat(sql.rows(query)).hasSize(4);
    assertThat(sql.explain(query)).contains("$condition").contains("filter=[site = 'B']");
  }

  @Test
  void unquotedNamesAreCaseInsensitiveAndValueIsAColumnName() throws SQLException {
    assertThat(sql.rows("SELECT VALUE, Site FROM BOILER WHERE SITE = 'A' AND Ts = TIMESTAMP '1970-01-01 00:00:01'"))
        .containsExactly(List.of(1.5, "A"));
  }

  private static long count(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
