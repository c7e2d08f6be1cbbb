package io.edgetimedb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.index.TagPredicate;
import io.edgetimedb.engine.write.PointBatch;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "The newest row of each series" in standard SQL, {@code ROW_NUMBER() OVER (PARTITION BY tags
 * ORDER BY ts DESC) = 1}, is answered from the values the engine keeps per series, and the
 * answer is the window's over every row. The window's answer comes from the same query with a
 * second ORDER BY key, which keeps the rule from applying and changes nothing: no two series of a
 * group share a timestamp in this data.
 */
class NewestRowPerSeriesTest {
  private static final String NEWEST = "SELECT site, sensor, ts, a, b FROM (SELECT site, sensor, ts, a, b,"
      + " ROW_NUMBER() OVER (PARTITION BY %s ORDER BY ts %s) AS rn FROM m %s) WHERE rn = 1 %s ORDER BY site, sensor";
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
  void theNewestRowOfEverySeriesIsReadWithoutAWindow() throws SQLException {
    writeRandomly(new Random(1), 3000);
    String query = NEWEST.formatted("site, sensor", "DESC", "", "");
    assertThat(sql.explain(query)).contains("EnumerableNewestRowsScan").contains("newestRowPer=[[sensor, site]]")
        .doesNotContain("EnumerableWindow");
    assertThat(assertEqualsWindow(query)).hasSize(9);
  }

  @Test
  void coarserGroupsTagConditionsAndTimeRangesEqualTheWindow() throws SQLException {
    writeRandomly(new Random(2), 3000);
    assertThat(assertEqualsWindow(NEWEST.formatted("sensor", "DESC", "", ""))).hasSize(3);
    String cut = NEWEST.formatted("site", "DESC", "WHERE sensor IN ('t0', 't2') AND ts < TIMESTAMP"
        + " '1970-01-01 02:46:55'", "");
    assertThat(sql.explain(cut)).contains("EnumerableNewestRowsScan").contains("sensor IN ('t0', 't2')");
    assertThat(assertEqualsWindow(cut)).hasSize(3);
  }

  @Test
  void theOldestRowOtherConditionsAndDeletesEqualTheWindow() throws SQLException {
    writeRandomly(new Random(3), 3000);
    assertThat(sql.explain(NEWEST.formatted("site, sensor", "", "", ""))).contains("oldestRowPer=[[sensor, site]]");
    assertEqualsWindow(NEWEST.formatted("site, sensor", "", "", ""));
    String filtered = NEWEST.formatted("site, sensor", "DESC", "", "AND b > 500");
    assertThat(sql.explain(filtered)).contains("EnumerableNewestRowsScan");
    assertEqualsWindow(filtered);
    sql.db.delete("m", TagPredicate.eq("site", "B"), 10_005_000, Long.MAX_VALUE);
    sql.db.delete("m", TagPredicate.eq("sensor", "t1"), Long.MIN_VALUE, Long.MAX_VALUE);
    assertThat(assertEqualsWindow(NEWEST.formatted("site, sensor", "DESC", "", ""))).hasSize(6);
  }

  @Test
  void seriesOfOneGroupWithTheSameNewestTimeGiveOneRow() throws SQLException {
    PointBatch batch = new PointBatch();
    batch.point("m", 1000).tag("site", "A").tag("sensor", "t0").field("a", 1.0);
    batch.point("m", 1000).tag("site", "A").tag("sensor", "t1").field("a", 2.0);
    batch.point("m", 900).tag("site", "A").tag("sensor", "t2").field("a", 3.0);
    sql.db.write(batch);
    assertThat(sql.rows("SELECT site, ts, a FROM (SELECT site, ts, a, ROW_NUMBER() OVER (PARTITION BY site"
        + " ORDER BY ts DESC) AS rn FROM m) WHERE rn = 1")).containsExactly(List.of("A", time(1000), 1.0));
  }

  @Test
  void otherWindowsStayWindows() throws SQLException {
    writeRandomly(new Random(4), 100);
    for (String window : List.of("RANK() OVER (PARTITION BY site ORDER BY ts DESC)",
        "ROW_NUMBER() OVER (PARTITION BY a ORDER BY ts DESC)", "ROW_NUMBER() OVER (PARTITION BY site ORDER BY b)")) {
      assertThat(sql.explain("SELECT * FROM (SELECT site, ts, a, b, " + window + " AS rn FROM m) WHERE rn = 1"))
          .as(window).contains("EnumerableWindow").doesNotContain("EnumerableNewestRowsScan");
    }
    assertThat(sql.explain("SELECT * FROM (SELECT site, ts, ROW_NUMBER() OVER (PARTITION BY site ORDER BY ts DESC)"
        + " AS rn FROM m) WHERE rn <= 2")).contains("EnumerableWindow");
  }

  private List<List<Object>> assertEqualsWindow(String query) throws SQLException {
    String windowed = query.replace("ORDER BY ts DESC)", "ORDER BY ts DESC, b)").replace("ORDER BY ts )",
        "ORDER BY ts, b)");
    assertThat(sql.explain(windowed)).contains("EnumerableWindow").doesNotContain("EnumerableNewestRowsScan");
    List<List<Object>> expected = sql.rows(windowed);
    assertThat(expected).isNotEmpty();
    List<List<Object>> actual = sql.rows(query);
    assertThat(actual).isEqualTo(expected);
    return actual;
  }

  /**
   * Nine series (site A-C × sensor t0-t2) with sparse fields, rewrites and late points; a
   * series' timestamps end in its own digit, so no two series ever share one.
   */
  private void writeRandomly(Random random, int points) {
    PointBatch batch = new PointBatch();
    long now = 1_000_000;
    for (int i = 0; i < points; i++) {
      now += random.nextInt(3);
      int site = i % 3;
      int sensor = random.nextInt(3);
      long tick = random.nextInt(10) == 0 ? now - random.nextInt(800) : now;
      batch.point("m", tick * 10 + site * 3 + sensor).tag("site", "ABC".substring(site, site + 1))
          .tag("sensor", "t" + sensor);
      boolean withA = random.nextBoolean();
      if (withA) {
        batch.field("a", random.nextInt(100) / 10.0);
      }
      if (!withA || random.nextInt(3) > 0) {
        batch.field("b", (long) random.nextInt(1000));
      }
      if (batch.size() == 100) {
        assertThat(sql.db.write(batch).allAccepted()).isTrue();
        batch.clear();
      }
    }
    assertThat(sql.db.write(batch).allAccepted()).isTrue();
  }

  private static java.sql.Timestamp time(long millis) {
    return new java.sql.Timestamp(millis);
  }
}
