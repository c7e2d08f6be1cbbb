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
import io.edgetimedb.sql.cache.Literal;
import io.edgetimedb.sql.cache.NormalisedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ad-hoc statements that differ only in literals are planned once per database, whichever of
 * its connections runs them, and answer as the same text planned with its literals would.
 * Calcite's parse hook counts the texts parsed in this thread; the database's cache counts its
 * misses.
 */
class AdHocPlanCacheTest {
  private static final long HOUR = 3_600_000;
  private final String name = "adhoc-" + UUID.randomUUID();
  private final String url = "jdbc:edgetimedb:mem:" + name;
  /** Keeps the database open for the whole test, as {@code mem:} databases close with their last connection. */
  private Connection connection;
  private final AtomicInteger plans = new AtomicInteger();
  private Hook.Closeable counting;

  @BeforeEach
  void fill() throws SQLException {
    connection = DriverManager.getConnection(url);
    connection.createStatement().execute("CREATE MEASUREMENT m (site TAG, value DOUBLE)");
    connection.createStatement().execute("CREATE MEASUREMENT h (sensor TAG, value DOUBLE, n BIGINT)");
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO m (ts, site, value) VALUES (?, ?, ?)")) {
      for (int i = 0; i < 100; i++) {
        ps.setTimestamp(1, new Timestamp(i * 1000L));
        ps.setString(2, i % 2 == 0 ? "A" : "B");
        ps.setDouble(3, i);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    String[] sensors = {"t1", "t2", "t10", "x_1", "x%2", "T1"};
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO h (ts, sensor, value, n) VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < 100; i++) {
        ps.setTimestamp(1, new Timestamp(i * HOUR));
        ps.setString(2, sensors[i % sensors.length]);
        ps.setDouble(3, i - 50);
        ps.setLong(4, i - 50);
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

  @Test
  void connectionsOfOneDatabaseShareItsPlansAndRunThemAfterThePlannerClosed() throws SQLException {
    String query = "SELECT value FROM m WHERE site = '%s' AND value < %s ORDER BY ts";
    try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url)) {
      assertThat(values(a, query.formatted("A", 5))).containsExactly(0.0, 2.0, 4.0);
      assertThat(values(b, query.formatted("B", 6))).containsExactly(1.0, 3.0, 5.0);
      assertThat(values(b, query.formatted("A", 3.5))).containsExactly(0.0, 2.0);
    }
    assertThat(misses()).as("planned once, by the first connection").isEqualTo(1);
    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(values(c, query.formatted("B", 4))).containsExactly(1.0, 3.0);
    }
    assertThat(misses()).isEqualTo(1);
  }

  @Test
  void aSchemaChangeSeenByOneConnectionMakesAnotherPlanAgain() throws SQLException {
    String query = "SELECT * FROM m WHERE site = 'A' AND ts < TIMESTAMP '1970-01-01 00:00:01'";
    try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url)) {
      assertThat(columns(a, query)).isEqualTo(3);
      assertThat(columns(b, query)).isEqualTo(3);
      assertThat(misses()).isEqualTo(1);
      try (Statement s = a.createStatement()) {
        s.execute("DROP MEASUREMENT m");
        s.execute("CREATE MEASUREMENT m (site TAG, value DOUBLE, extra DOUBLE)");
        s.executeUpdate("INSERT INTO m (ts, site, extra) VALUES (0, 'A', 1.5)");
      }
      assertThat(columns(b, query)).as("the new field is a new column of *").isEqualTo(4);
      assertThat(misses()).isEqualTo(2);
    }
  }

  @Test
  void connectionsInDifferentTimeZonesDoNotSharePlans() throws SQLException {
    String query = "SELECT count(*) FROM h WHERE CAST(ts AS TIMESTAMP WITH LOCAL TIME ZONE)"
        + " < TIMESTAMP WITH LOCAL TIME ZONE '1970-01-02 00:00:00' AND value > %d";
    try (Connection utc = DriverManager.getConnection(url);
        Connection plusFive = DriverManager.getConnection(url + ";timeZone=GMT+05:00")) {
      for (int threshold : new int[] {-60, -45}) {
        String sql = query.formatted(threshold);
        List<List<String>> inUtc = rows(utc, sql);
        List<List<String>> inPlusFive = rows(plusFive, sql);
        assertThat(inUtc).isEqualTo(uncached(utc, sql)).isNotEqualTo(inPlusFive);
        assertThat(inPlusFive).isEqualTo(uncached(plusFive, sql));
      }
    }
    assertThat(misses()).as("one plan per time zone").isEqualTo(2);
  }

  @Test
  void everyKindOfLiteralAnswersAsTheTextPlannedWithItsLiterals() throws SQLException {
    List<String> queries = List.of(
        "SELECT ts, value FROM h WHERE value > -5 AND value < 3 ORDER BY ts",
        "SELECT ts, value FROM h WHERE value BETWEEN -1 AND 1 ORDER BY ts",
        "SELECT ts, n FROM h WHERE n IN (-1, 2, 7) ORDER BY ts",
        "SELECT ts, n FROM h WHERE n > 1.5 AND n < 4 ORDER BY ts",
        "SELECT ts, n FROM h WHERE n = 2.0",
        "SELECT ts, value FROM h WHERE value > 47",
        "SELECT ts, value FROM h WHERE value > 47.5",
        "SELECT ts, value FROM h ORDER BY ts DESC LIMIT 5",
        "SELECT ts, value FROM h ORDER BY ts DESC LIMIT 0",
        "SELECT ts, value FROM h ORDER BY ts LIMIT 3 OFFSET 2",
        "SELECT ts, value FROM h ORDER BY ts OFFSET 4 ROWS FETCH FIRST 2 ROWS ONLY",
        "SELECT sensor, count(*) FROM h WHERE ts >= DATE '1970-01-02' AND ts < DATE '1970-01-03' GROUP BY sensor"
            + " ORDER BY sensor",
        "SELECT count(*) FROM h WHERE ts BETWEEN DATE '1970-01-03' AND TIMESTAMP '1970-01-03 05:00:00'",
        "SELECT count(*) FROM h WHERE ts >= '1970-01-04 00:00:00'",
        "SELECT count(*) FROM h WHERE ts >= '1970-01-04'",
        "SELECT sensor, count(*) FROM h WHERE sensor LIKE 't1%' GROUP BY sensor ORDER BY sensor",
        "SELECT sensor, count(*) FROM h WHERE sensor LIKE 't_' GROUP BY sensor ORDER BY sensor",
        "SELECT sensor, count(*) FROM h WHERE sensor LIKE '%1' GROUP BY sensor ORDER BY sensor",
        "SELECT sensor, count(*) FROM h WHERE sensor LIKE 'x%%' GROUP BY sensor ORDER BY sensor",
        "SELECT sensor, count(*) FROM h WHERE sensor LIKE 't1' GROUP BY sensor ORDER BY sensor",
        "SELECT sensor, count(*) FROM h WHERE sensor LIKE '%' GROUP BY sensor ORDER BY sensor",
        "SELECT sensor, count(*) FROM h WHERE sensor LIKE '' GROUP BY sensor ORDER BY sensor",
        "SELECT sensor, count(*) FROM h WHERE sensor LIKE 'none%' GROUP BY sensor ORDER BY sensor",
        "SELECT ts, sensor FROM h WHERE sensor LIKE 't%' ORDER BY ts DESC LIMIT 3",
        "SELECT count(*) FROM h WHERE sensor = '1' OR sensor = 't1'",
        "SELECT count(*) FROM h WHERE sensor IN ('t1', 'x%2')");
    for (String sql : queries) {
      assertThat(rows(connection, sql)).as(sql).isEqualTo(uncached(connection, sql));
    }
    assertThat(misses()).as("texts differing only in literals shared plans").isLessThan(queries.size());
  }

  @Test
  void literalsThatCalciteTreatsDifferentlyFromTheirParameterAreNotBound() {
    for (String sql : List.of("SELECT count(*) FROM h WHERE sensor = 1", "SELECT count(*) FROM h WHERE ts >= 1000")) {
      assertThatThrownBy(() -> rows(connection, sql)).as(sql).isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> uncached(connection, sql)).as(sql).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void integerAndDecimalLiteralsShareAPlan() throws SQLException {
    rows(connection, "SELECT ts FROM h WHERE value > 1");
    rows(connection, "SELECT ts FROM h WHERE value > 1.5");
    rows(connection, "SELECT ts FROM h WHERE value > -2");
    assertThat(misses()).isEqualTo(1);
  }

  @Test
  void theCachedPlansStillPushLimitsAndLikePatternsIntoTheScan() throws SQLException {
    assertThat(explain("SELECT ts, value FROM h ORDER BY ts DESC LIMIT 5"))
        .contains("EnumerableEdgeScan").contains("limit=[?0]").doesNotContain("EnumerableLimit")
        .doesNotContain("EnumerableSort");
    assertThat(explain("SELECT ts, sensor FROM h WHERE sensor LIKE 't_%' ORDER BY ts DESC LIMIT 3"))
        .contains("filter=[sensor LIKE ?0]").contains("limit=[?1]").doesNotContain("EnumerableCalc")
        .doesNotContain("EnumerableFilter");
  }

  @Test
  void concurrentAdHocQueriesOverTwoConnectionsGetTheirOwnRows() throws Exception {
    try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url)) {
      ExecutorService threads = Executors.newFixedThreadPool(4);
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Connection c = t % 2 == 0 ? a : b;
        int seed = t;
        done.add(threads.submit(() -> runQueries(c, seed)));
      }
      threads.shutdown();
      for (Future<Integer> f : done) {
        assertThat(f.get(2, TimeUnit.MINUTES)).isEqualTo(200);
      }
    }
    assertThat(misses()).as("one text, planned at most once per racing thread").isBetween(1L, 4L);
  }

  /** Runs 200 queries with literals of its own and checks each answer; returns how many were right. */
  private static int runQueries(Connection c, int seed) throws SQLException {
    Random random = new Random(seed);
    int right = 0;
    for (int i = 0; i < 200; i++) {
      String site = random.nextBoolean() ? "A" : "B";
      int from = random.nextInt(100);
      int to = from + random.nextInt(30);
      long expected = 0;
      for (int v = from; v < Math.min(to, 100); v++) {
        expected += (v % 2 == 0) == site.equals("A") ? 1 : 0;
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT count(*) FROM m WHERE site = '" + site + "' AND value >= " + from + " AND value < " + to)) {
        rs.next();
        right += rs.getLong(1) == expected ? 1 : 0;
      }
    }
    return right;
  }

  private long misses() {
    return OpenDatabases.plans("mem:" + name).plansMade();
  }

  /** The plan the cache makes of the statement's normalised text, bound to these literals. */
  private String explain(String sql) throws SQLException {
    NormalisedQuery query = NormalisedQuery.of(sql);
    try (PreparedStatement ps = connection.prepareStatement("EXPLAIN PLAN FOR " + query.sql())) {
      for (int i = 0; i < query.literals().size(); i++) {
        Literal literal = query.literals().get(i);
        ps.setObject(i + 1, literal.valueFor(ps.getParameterMetaData().getParameterType(i + 1)));
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** The rows of the text planned with its literals: a prepared statement is never served from the cache. */
  private static List<List<String>> uncached(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      return rows(rs);
    }
  }

  private static List<List<String>> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    }
  }

  private static List<List<String>> rows(ResultSet rs) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    int columns = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= columns; i++) {
        row.add(rs.getString(i));
      }
      out.add(row);
    }
    return out;
  }

  private List<Double> values(String sql) throws SQLException {
    return values(connection, sql);
  }

  private static List<Double> values(Connection c, String sql) throws SQLException {
    List<Double> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getDouble(1));
      }
    }
    return out;
  }

  private int columns(String sql) throws SQLException {
    return columns(connection, sql);
  }

  private static int columns(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.getMetaData().getColumnCount();
    }
  }
}
