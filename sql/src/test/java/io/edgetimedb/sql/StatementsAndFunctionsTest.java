package io.edgetimedb.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementsAndFunctionsTest {
  private SqlFixture sql;

  @BeforeEach
  void create() throws SQLException {
    sql = new SqlFixture();
    sql.execute("CREATE MEASUREMENT boiler (site TAG, value DOUBLE, count BIGINT)");
  }

  @AfterEach
  void close() throws SQLException {
    sql.close();
  }

  private void insertMinute() throws SQLException {
    sql.execute("INSERT INTO boiler (ts, site, value, count) VALUES "
        + "(TIMESTAMP '2024-01-01 00:00:10', 'A', 1.0, 1), (TIMESTAMP '2024-01-01 00:00:50', 'A', 4.0, 2), "
        + "(TIMESTAMP '2024-01-01 00:01:30', 'A', 10.0, 3), (TIMESTAMP '2024-01-01 00:00:20', 'B', 7.0, 4)");
  }

  @Test
  void createInsertAndSelectWithNaturalColumnNames() throws SQLException {
    insertMinute();
    assertThat(sql.rows("SELECT site, value, count FROM boiler WHERE site = 'B'"))
        .containsExactly(List.of("B", 7.0, 4L));
  }

  @Test
  void timeTimestampAndValueAreAliasesWithoutQuotes() throws SQLException {
    insertMinute();
    String query = "SELECT time_bucket(INTERVAL '1' MINUTE, ts) AS time, CAST(ts AS TIMESTAMP) AS timestamp,"
        + " value * 2 AS value, ts - INTERVAL '10' SECOND AS earlier FROM boiler"
        + " WHERE site = 'B' AND ts >= TIMESTAMP '2024-01-01 00:00:00'";
    try (Statement s = sql.connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
      ResultSetMetaData columns = rs.getMetaData();
      assertThat(List.of(columns.getColumnLabel(1), columns.getColumnLabel(2), columns.getColumnLabel(3)))
          .containsExactly("time", "timestamp", "value");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getTimestamp("time").getTime()).isEqualTo(1_704_067_200_000L);
      assertThat(rs.getTimestamp("timestamp").getTime()).isEqualTo(1_704_067_220_000L);
      assertThat(rs.getDouble("value")).isEqualTo(14.0);
      assertThat(rs.getTimestamp("earlier").getTime()).isEqualTo(1_704_067_210_000L);
    }
  }

  /** The JVM zone is UTC here; the TCK runs the same check in JVMs started in other zones. */
  @Test
  void timeBucketGroupsWithTimeOrderedAggregates() throws SQLException {
    insertMinute();
    List<List<Object>> rows = sql.rows("SELECT time_bucket(INTERVAL '1' MINUTE, ts) AS bucket, count(*),"
        + " first(value, ts), last(value, ts), delta(value, ts) FROM boiler WHERE site = 'A'"
        + " GROUP BY time_bucket(INTERVAL '1' MINUTE, ts) ORDER BY 1");
    assertThat(rows).hasSize(2);
    assertThat(((Timestamp) rows.get(0).get(0)).getTime()).isEqualTo(1_704_067_200_000L);
    assertThat(rows.get(0).subList(1, 5)).containsExactly(2L, 1.0, 4.0, 3.0);
    assertThat(rows.get(1).subList(1, 5)).containsExactly(1L, 10.0, 10.0, 0.0);
  }

  @Test
  void timeBucketWithAnOriginAndABadWidth() throws SQLException {
    insertMinute();
    assertThat(sql.rows("SELECT DISTINCT time_bucket(INTERVAL '1' MINUTE, ts, TIMESTAMP '2024-01-01 00:00:30')"
        + " FROM boiler WHERE site = 'B'")).containsExactly(List.of(Timestamp.from(
            java.time.Instant.parse("2024-01-01T00:00:00Z").minusSeconds(30))));
    assertThatThrownBy(() -> sql.rows("SELECT time_bucket(INTERVAL '0' MINUTE, ts) FROM boiler"))
        .hasMessageContaining("time_bucket interval must be positive");
  }

  @Test
  void rateIsPerSecond() throws SQLException {
    insertMinute();
    assertThat(sql.rows("SELECT rate(value, ts) FROM boiler WHERE site = 'A'")).containsExactly(List.of(0.1125));
  }

  @Test
  void systemTablesDescribeTheDatabase() throws SQLException {
    insertMinute();
    assertThat(sql.rows("SELECT measurement, series, points FROM sys.storage"))
        .containsExactly(List.of("boiler", 2L, 4L));
    assertThat(sql.rows("SELECT bytes > 0 FROM sys.storage")).containsExactly(List.of(true));
    assertThat(sql.rows("SELECT field, type FROM sys.fields ORDER BY field"))
        .containsExactly(List.of("count", "BIGINT"), List.of("value", "DOUBLE"));
    assertThat(sql.rows("SELECT change, item FROM sys.schema_history")).first()
        .isEqualTo(List.of("MEASUREMENT_CREATED", "boiler"));
  }

  @Test
  void showStatementsReturnResultSets() throws SQLException {
    insertMinute();
    assertThat(sql.rows("SHOW MEASUREMENTS")).containsExactly(List.of("boiler"));
    assertThat(sql.rows("SHOW TAG KEYS FROM boiler")).containsExactly(List.of("boiler", "site"));
    assertThat(sql.rows("SHOW TAG VALUES FROM boiler WITH KEY = site"))
        .containsExactly(List.of("boiler", "site", "A"), List.of("boiler", "site", "B"));
    assertThat(sql.rows("SHOW FIELDS FROM boiler")).hasSize(2);
    assertThat(sql.rows("SHOW SERIES FROM boiler WHERE site <> 'A'")).containsExactly(List.of("boiler", "boiler,site=B"));
  }

  /**
   * sys.series carries its tags as line-protocol text (a MAP could not reach a remote client);
   * SHOW SERIES conditions look tags up in sys.series_tags, a series without the tag matching
   * neither = nor <>.
   */
  @Test
  void seriesTagsAreTextAndShowSeriesConditionsStillWork() throws SQLException {
    sql.db.write(new io.edgetimedb.engine.write.PointBatch()
        .point("pump", 1).tag("site", "A").tag("line", "1").field("on", true)
        .point("pump", 1).tag("site", "B").tag("line", "2").field("on", true)
        .point("pump", 1).tag("site", "C").field("on", true)
        .point("pump", 1).tag("site", "x,y=z \\").field("on", true));
    assertThat(sql.rows("SELECT series_key, tags FROM sys.series WHERE measurement = 'pump' ORDER BY series_id"))
        .containsExactly(List.of("pump,line=1,site=A", "line=1,site=A"), List.of("pump,line=2,site=B", "line=2,site=B"),
            List.of("pump,site=C", "site=C"), List.of("pump,site=x\\,y\\=z\\ \\\\", "site=x\\,y\\=z\\ \\\\"));
    assertThat(sql.rows("SELECT tag_key, tag_value FROM sys.series_tags WHERE measurement = 'pump' AND series_id = "
        + "(SELECT MIN(series_id) FROM sys.series WHERE measurement = 'pump')"))
        .containsExactlyInAnyOrder(List.of("line", "1"), List.of("site", "A"));
    assertThat(sql.rows("SHOW SERIES FROM pump WHERE line <> '1'")).containsExactly(List.of("pump", "pump,line=2,site=B"));
    assertThat(sql.rows("SHOW SERIES FROM pump WHERE site IN ('A', 'C') AND NOT (line = '1')")).isEmpty();
    assertThat(sql.rows("SHOW SERIES FROM pump WHERE site IN ('A', 'C') OR line = '2'")).containsExactly(
        List.of("pump", "pump,line=1,site=A"), List.of("pump", "pump,line=2,site=B"), List.of("pump", "pump,site=C"));
    assertThat(sql.rows("SHOW SERIES WHERE site LIKE 'x%'")).containsExactly(List.of("pump", "pump,site=x\\,y\\=z\\ \\\\"));
  }

  @Test
  void dropMeasurementRemovesTheTable() throws SQLException {
    sql.execute("DROP MEASUREMENT boiler");
    assertThat(sql.db.measurements()).isEmpty();
    assertThatThrownBy(() -> sql.rows("SELECT * FROM boiler")).hasMessageContaining("Object 'boiler' not found");
  }

  @Test
  void grammarSyntaxErrorsCarryLineColumnAndToken() {
    assertThatThrownBy(() -> sql.execute("CREATE MEASUREMENT m (a FOO)"))
        .hasMessageContaining("line 1, column 25").hasMessageContaining("FOO");
  }

  @Test
  void newColumnsAreVisibleToTheNextStatement() throws SQLException {
    sql.db.write(new io.edgetimedb.engine.write.PointBatch().point("boiler", 1).tag("site", "A").field("extra", true));
    assertThat(sql.rows("SELECT extra FROM boiler")).containsExactly(List.of(true));
  }
}
