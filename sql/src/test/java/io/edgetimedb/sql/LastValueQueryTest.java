package io.edgetimedb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.index.TagPredicate;
import io.edgetimedb.engine.write.PointBatch;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code last(field, ts)} grouped by tags is answered from the engine's kept last values, and the
 * answer is the one a scan gives. The scan answer comes from the same query with a time condition
 * every row meets, which keeps the rule from applying.
 */
class LastValueQueryTest {
  private static final String EVERY_ROW = "ts >= TIMESTAMP '1970-01-01 00:00:00'";
  private SqlFixture sql;

  @BeforeEach
  void open() throws SQLException {
    sql = new SqlFixture(Database.open(DatabaseConfig.defaults().withChunkRows(16)));
  }

  @AfterEach
  void close() throws SQLException {
    sql.close();
  }

  @Test
  void lastPerSeriesComesFromTheCacheAndEqualsTheScan() throws SQLException {
    writeRandomly(new Random(3), 2000);
    String query = "SELECT site, sensor, last(a, ts) AS a, last(b, ts) AS b FROM m GROUP BY site, sensor"
        + " ORDER BY site, sensor";
    assertThat(sql.explain(query)).contains("EnumerableLatestScan").contains("latestOf=[[a, b]]")
        .doesNotContain("EnumerableEdgeScan");
    assertEqualsScan(query);
  }

  @Test
  void tagConditionsAndCoarserGroupsStillEqualTheScan() throws SQLException {
    writeRandomly(new Random(4), 2000);
    String query = "SELECT site, last(a, ts) FROM m WHERE sensor IN ('t0', 't1') GROUP BY site ORDER BY site";
    assertThat(sql.explain(query)).contains("EnumerableLatestScan").contains("filter=[sensor IN ('t0', 't1')]");
    assertEqualsScan(query);
    assertEqualsScan("SELECT last(b, ts) FROM m");
  }

  @Test
  void latePointsAndDeletesAreFollowed() throws SQLException {
    writeRandomly(new Random(5), 1500);
    String query = "SELECT site, sensor, last(a, ts) FROM m GROUP BY site, sensor ORDER BY site, sensor";
    PointBatch late = new PointBatch();
    late.point("m", 500_000).tag("site", "A").tag("sensor", "t0").field("a", 99.0);
    sql.db.write(late);
    assertEqualsScan(query);
    sql.db.delete("m", TagPredicate.eq("site", "B"), 1_000_500, Long.MAX_VALUE);
    sql.db.delete("m", TagPredicate.eq("sensor", "t1"), Long.MIN_VALUE, Long.MAX_VALUE);
    assertEqualsScan(query);
  }

  @Test
  void aPreparedQueryReadsTheValuesAsTheyAreAtEachExecution() throws SQLException {
    writeRandomly(new Random(6), 300);
    try (PreparedStatement ps = sql.connection.prepareStatement(
        "SELECT last(a, ts) FROM m WHERE site = ? AND sensor = ?")) {
      ps.setString(1, "A");
      ps.setString(2, "t0");
      PointBatch batch = new PointBatch();
      batch.point("m", 5_000_000).tag("site", "A").tag("sensor", "t0").field("a", 42.0);
      sql.db.write(batch);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(SqlFixture.rows(rs)).containsExactly(List.of(42.0));
      }
    }
  }

  @Test
  void otherAggregatesAndTimeRangesScan() throws SQLException {
    writeRandomly(new Random(7), 100);
    assertThat(sql.explain("SELECT site, last(a, ts), count(*) FROM m GROUP BY site"))
        .doesNotContain("EnumerableLatestScan");
    assertThat(sql.explain("SELECT site, last(a, ts) FROM m WHERE " + EVERY_ROW + " GROUP BY site"))
        .doesNotContain("EnumerableLatestScan");
    assertThat(sql.explain("SELECT a, last(b, ts) FROM m GROUP BY a")).doesNotContain("EnumerableLatestScan");
  }

  private void assertEqualsScan(String query) throws SQLException {
    String scanned = query.contains(" WHERE ") ? query.replace(" WHERE ", " WHERE " + EVERY_ROW + " AND ")
        : query.replace(" FROM m", " FROM m WHERE " + EVERY_ROW);
    assertThat(sql.explain(scanned)).doesNotContain("EnumerableLatestScan");
    List<List<Object>> expected = sql.rows(scanned);
    assertThat(expected).isNotEmpty();
    assertThat(sql.rows(query)).isEqualTo(expected);
  }

  private void writeRandomly(Random random, int points) {
    PointBatch batch = new PointBatch();
    long now = 1_000_000;
    for (int i = 0; i < points; i++) {
      now += random.nextInt(3);
      long ts = random.nextInt(10) == 0 ? now - random.nextInt(800) : now;
      batch.point("m", ts).tag("site", "ABC".substring(i % 3, i % 3 + 1)).tag("sensor", "t" + random.nextInt(3));
      if (random.nextBoolean()) {
        batch.field("a", random.nextInt(100) / 10.0);
      }
      batch.field("b", (long) random.nextInt(1000));
    }
    sql.db.write(batch);
  }
}
