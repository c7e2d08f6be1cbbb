package io.edgetimedb.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Batches, statement batches, fetch size, and a result far larger than memory would like. */
class BatchAndFetchTck {
  private static final int MILLION = 1_000_000;
  /**
   * Rows of the streaming test over HTTP: a million rows cost about a minute per remote
   * configuration there, so the remote runs stream a fifth of them under a heap cap cut to match.
   */
  private static final int REMOTE_ROWS = 200_000;

  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void preparedAndStatementBatches(DriverConfiguration driver) throws SQLException {
    try (Connection c = driver.newDatabase().connect()) {
      Tck.execute(c, "CREATE MEASUREMENT m (site TAG, v DOUBLE)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO m (ts, site, v) VALUES (?, ?, ?)")) {
        for (int i = 0; i < 1000; i++) {
          ps.setLong(1, i);
          ps.setString(2, "s" + (i % 10));
          ps.setDouble(3, i);
          ps.addBatch();
        }
        assertThat(ps.executeBatch()).hasSize(1000).containsOnly(1);
      }
      try (Statement s = c.createStatement()) {
        s.addBatch("INSERT INTO m (ts, site, v) VALUES (5000, 'x', 1)");
        s.addBatch("INSERT INTO m (ts, site, v) VALUES (5001, 'x', 2), (5002, 'x', 3)");
        assertThat(s.executeBatch()).containsExactly(1, 2);
      }
      assertThat(Tck.count(c, "SELECT count(*) FROM m")).isEqualTo(1003);
      assertThat(Tck.count(c, "SELECT count(*) FROM m WHERE site IN ('s1', 'x')")).isEqualTo(103);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void aFailingBatchRowIsNamedAndTheOtherRowsAreKept(DriverConfiguration driver) throws SQLException {
    try (Connection c = driver.newDatabase().connect()) {
      Tck.execute(c, "CREATE MEASUREMENT m (site TAG, v DOUBLE)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO m (ts, site, v) VALUES (?, ?, ?)")) {
        for (int i = 0; i < 10; i++) {
          ps.setLong(1, i);
          ps.setString(2, i == 7 ? "" : "A");
          ps.setDouble(3, i);
          ps.addBatch();
        }
        if (driver.client().remote()) {
          // Avatica's wire error carries message and SQLSTATE but no update counts.
          assertThatThrownBy(ps::executeBatch).isInstanceOf(SQLException.class)
              .hasMessageContaining("row 7").hasMessageContaining("empty tag value");
        } else {
          assertThatThrownBy(ps::executeBatch).isInstanceOf(BatchUpdateException.class)
              .hasMessageContaining("row 7").hasMessageContaining("empty tag value")
              .satisfies(e -> assertThat(((BatchUpdateException) e).getUpdateCounts())
                  .containsExactly(1, 1, 1, 1, 1, 1, 1, Statement.EXECUTE_FAILED, 1, 1));
        }
      }
      assertThat(Tck.count(c, "SELECT count(*) FROM m")).isEqualTo(9);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void aMillionRowsStreamInFetchSizeFrames(DriverConfiguration driver) throws SQLException {
    int total = driver.client().remote() ? REMOTE_ROWS : MILLION;
    try (Connection c = driver.newDatabase().connect()) {
      Tck.execute(c, "CREATE MEASUREMENT big (sensor TAG, v DOUBLE)");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO big (ts, sensor, v) VALUES (?, ?, ?)")) {
        for (int i = 0; i < total; i++) {
          ps.setTimestamp(1, new Timestamp(i * 1000L));
          ps.setString(2, "s" + (i % 4));
          ps.setDouble(3, i % 100);
          ps.addBatch();
          if (i % 100_000 == 99_999) {
            ps.executeBatch();
          }
        }
      }
      long heapBefore = usedHeap();
      long rows = 0;
      double sum = 0;
      long peak = 0;
      try (Statement s = c.createStatement()) {
        s.setFetchSize(1000);
        assertThat(s.getFetchSize()).isEqualTo(1000);
        try (ResultSet rs = s.executeQuery("SELECT ts, sensor, v FROM big")) {
          while (rs.next()) {
            sum += rs.getDouble(3);
            if (++rows % (total / 4) == 0) {
              peak = Math.max(peak, usedHeap());
            }
          }
        }
      }
      assertThat(rows).isEqualTo(total);
      assertThat(sum).isEqualTo(49.5 * total);
      // Materialised, the rows (Object[] of Long, String, Double) take over 60 bytes each, well
      // over 60 MB for a million; streamed, the heap grows by less than 40 bytes a row.
      System.out.printf("%s: %,d rows streamed, heap grew by %,d bytes%n", driver, total, peak - heapBefore);
      assertThat(peak - heapBefore).isLessThan(40L * total);
    }
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
