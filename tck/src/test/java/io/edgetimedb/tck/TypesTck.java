package io.edgetimedb.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every column type in and out, NULLs included, through literals and PreparedStatement parameters. */
class TypesTck {

  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void literalsOfEveryTypeAndNulls(DriverConfiguration driver) throws SQLException {
    try (Connection c = driver.newDatabase().connect()) {
      Tck.createAllTypes(c);
      Tck.execute(c, "INSERT INTO readings (ts, site, d, b, flag, s, bin) VALUES "
          + "(TIMESTAMP '2024-03-01 12:00:00.250', 'A', -1.5, 9007199254740993, TRUE, 'x''y', X'00FF'),"
          + "(TIMESTAMP '2024-03-01 12:00:01', 'A', NULL, NULL, NULL, 'only', NULL)");
      try (ResultSet rs = c.createStatement().executeQuery(
          "SELECT ts, site, d, b, flag, s, bin FROM readings ORDER BY ts")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getTimestamp(1).getTime()).isEqualTo(1_709_294_400_250L);
        assertThat(rs.getString(2)).isEqualTo("A");
        assertThat(rs.getDouble(3)).isEqualTo(-1.5);
        assertThat(rs.getLong(4)).isEqualTo(9_007_199_254_740_993L);
        assertThat(rs.getBoolean(5)).isTrue();
        assertThat(rs.getString(6)).isEqualTo("x'y");
        assertThat(rs.getBytes(7)).containsExactly(0, 255);
        assertThat(rs.next()).isTrue();
        rs.getDouble(3);
        assertThat(rs.wasNull()).isTrue();
        assertThat(rs.getObject(4)).isNull();
        assertThat(rs.getObject(5)).isNull();
        assertThat(rs.getBytes(7)).isNull();
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void parametersOfEveryTypeInsertAndSelect(DriverConfiguration driver) throws SQLException {
    try (Connection c = driver.newDatabase().connect()) {
      Tck.createAllTypes(c);
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO readings (ts, site, d, b, flag, s, bin) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        ps.setTimestamp(1, new Timestamp(1_000));
        ps.setString(2, "A");
        ps.setDouble(3, 2.25);
        ps.setLong(4, Long.MIN_VALUE);
        ps.setBoolean(5, false);
        ps.setString(6, "text");
        ps.setBytes(7, new byte[] {1, 2, 3});
        assertThat(ps.executeUpdate()).isEqualTo(1);
        // A row needs at least one field value: the engine refuses a point without fields.
        ps.setTimestamp(1, new Timestamp(2_000));
        ps.setDouble(3, 0.5);
        ps.setNull(4, Types.BIGINT);
        ps.setNull(5, Types.BOOLEAN);
        ps.setNull(6, Types.VARCHAR);
        ps.setNull(7, Types.VARBINARY);
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      try (PreparedStatement q = c.prepareStatement(
          "SELECT d, b, flag, s, bin FROM readings WHERE site = ? AND ts >= ? AND ts < ? AND b = ?")) {
        q.setString(1, "A");
        q.setTimestamp(2, new Timestamp(0));
        q.setTimestamp(3, new Timestamp(1_500));
        q.setLong(4, Long.MIN_VALUE);
        try (ResultSet rs = q.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getDouble(1)).isEqualTo(2.25);
          assertThat(rs.getBoolean(3)).isFalse();
          assertThat(rs.getString(4)).isEqualTo("text");
          assertThat(rs.getBytes(5)).containsExactly(1, 2, 3);
          assertThat(rs.next()).isFalse();
        }
      }
      assertThat(Tck.rows(c, "SELECT d, b, flag, s, bin FROM readings WHERE ts = TIMESTAMP '1970-01-01 00:00:02'"))
          .containsExactly(java.util.Arrays.asList(0.5, null, null, null, null));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void timestampsAreEpochMillisecondsWhateverTheJvmZone(DriverConfiguration driver) throws SQLException {
    try (Connection c = driver.newDatabase().connect()) {
      Tck.createAllTypes(c);
      // Oldest first: a series accepts points at most an hour older than its newest one.
      long[] instants = {-86_400_000L, 0L, 1_709_294_400_250L, 1_711_846_800_000L};
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO readings (ts, site, d) VALUES (?, 'A', 1)")) {
        for (long t : instants) {
          ps.setTimestamp(1, new Timestamp(t));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (ResultSet rs = c.createStatement().executeQuery(
          "SELECT ts, time_bucket(INTERVAL '1' HOUR, ts) FROM readings ORDER BY ts")) {
        for (long t : instants) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getTimestamp(1).getTime()).isEqualTo(t);
          assertThat(rs.getTimestamp(2).getTime()).isEqualTo(Math.floorDiv(t, 3_600_000L) * 3_600_000L);
        }
      }
      assertThat(Tck.count(c, "SELECT count(*) FROM readings WHERE ts >= TIMESTAMP '2024-03-01 12:00:00'"
          + " AND ts < TIMESTAMP '2024-03-01 12:00:01'")).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void selectWithoutRowsStillDescribesItsColumns(DriverConfiguration driver) throws SQLException {
    try (Connection c = driver.newDatabase().connect()) {
      Tck.createAllTypes(c);
      assertThat(Tck.rows(c, "SELECT value FROM (SELECT d AS value FROM readings)")).isEqualTo(List.of());
    }
  }

  /**
   * Remotely a result arrives in frames of the fetch size, the first with the execution: results of
   * exactly that many rows and of one more end where they should, with NULLs and TIMESTAMPs (before
   * and after 1970) as they were written, prepared or not.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void resultsOfTheFetchSizeAndOfOneRowMoreArriveWhole(DriverConfiguration driver) throws SQLException {
    int fetchSize = 250;
    try (Connection c = driver.newDatabase().connect()) {
      Tck.execute(c, "CREATE MEASUREMENT m (site TAG, v DOUBLE, n BIGINT, s VARCHAR)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO m (ts, site, v, n, s) VALUES (?, 'A', ?, ?, ?)")) {
        for (int i = 0; i <= fetchSize; i++) {
          ps.setTimestamp(1, new Timestamp(fetchSizeRowTs(i)));
          ps.setObject(2, i % 3 == 0 ? null : i + 0.5, Types.DOUBLE);
          ps.setObject(3, i % 5 == 0 ? null : -i * 1_000_000_007L, Types.BIGINT);
          ps.setObject(4, fetchSizeRowS(i), Types.VARCHAR);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      for (int rows : new int[] {fetchSize, fetchSize + 1}) {
        String sql = "SELECT ts, v, n, s FROM m WHERE ts < TIMESTAMP '1970-01-01 00:00:00' + INTERVAL '"
            + (rows - fetchSize) + "' SECOND ORDER BY ts";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setFetchSize(fetchSize);
          assertFetchSizeRows(ps.executeQuery(), rows);
        }
        try (Statement s = c.createStatement()) {
          s.setFetchSize(fetchSize);
          assertFetchSizeRows(s.executeQuery(sql), rows);
        }
      }
    }
  }

  /** Row {@code i} of the fetch-size test: the row at {@code fetchSize} is the first after 1970. */
  private static long fetchSizeRowTs(int i) {
    return (i - 250) * 1000L;
  }

  /** Column s of row {@code i}: NULL now and then, never where v and n are both NULL (no fields). */
  private static String fetchSizeRowS(int i) {
    return i % 7 == 0 && i % 15 != 0 ? null : "s" + i;
  }

  private static void assertFetchSizeRows(ResultSet rs, int rows) throws SQLException {
    try (rs) {
      for (int i = 0; i < rows; i++) {
        assertThat(rs.next()).as("row %d of %d", i, rows).isTrue();
        assertThat(rs.getTimestamp(1).getTime()).isEqualTo(fetchSizeRowTs(i));
        assertThat(rs.getObject(2)).isEqualTo(i % 3 == 0 ? null : i + 0.5);
        assertThat(rs.getObject(3) == null ? null : rs.getLong(3)).isEqualTo(i % 5 == 0 ? null : -i * 1_000_000_007L);
        assertThat(rs.getString(4)).isEqualTo(fetchSizeRowS(i));
      }
      assertThat(rs.next()).isFalse();
    }
  }
}
