package io.edgetimedb.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Connections writing and reading at once; what closing closes. */
class ConcurrencyAndClosingTck {

  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void concurrentConnectionsWriteAndRead(DriverConfiguration driver) throws Exception {
    DriverConfiguration.Database db = driver.newDatabase();
    try (Connection setup = db.connect()) {
      Tck.execute(setup, "CREATE MEASUREMENT m (writer TAG, v BIGINT)");
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Long>> results = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
          String writer = "w" + w;
          results.add(pool.submit(() -> writeAndRead(db, writer)));
        }
        for (Future<Long> r : results) {
          assertThat(r.get()).isEqualTo(2000);
        }
      } finally {
        pool.shutdown();
      }
      assertThat(Tck.count(setup, "SELECT count(*) FROM m")).isEqualTo(8000);
      assertThat(Tck.count(setup, "SELECT sum(v) FROM m WHERE writer = 'w3'")).isEqualTo(1999 * 2000 / 2);
    }
  }

  /** Writes 2,000 rows in batches of 100, reading its own count after each; returns the last count. */
  private static long writeAndRead(DriverConfiguration.Database db, String writer) throws SQLException {
    long seen = 0;
    try (Connection c = db.connect();
        PreparedStatement insert = c.prepareStatement("INSERT INTO m (ts, writer, v) VALUES (?, ?, ?)");
        PreparedStatement count = c.prepareStatement("SELECT count(*) FROM m WHERE writer = ?")) {
      for (int i = 0; i < 2000; i++) {
        insert.setLong(1, i);
        insert.setString(2, writer);
        insert.setLong(3, i);
        insert.addBatch();
        if (i % 100 == 99) {
          insert.executeBatch();
          count.setString(1, writer);
          try (ResultSet rs = count.executeQuery()) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(i + 1);
            seen = rs.getLong(1);
          }
        }
      }
    }
    return seen;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void closingAConnectionClosesItsStatementsAndResults(DriverConfiguration driver) throws SQLException {
    Connection c = driver.newDatabase().connect();
    Tck.execute(c, "CREATE MEASUREMENT m (site TAG, v DOUBLE)");
    Statement s = c.createStatement();
    ResultSet rs = s.executeQuery("SELECT * FROM m");
    Statement other = c.createStatement();
    other.close();
    other.close();
    assertThat(other.isClosed()).isTrue();
    failsWithState(driver, () -> other.executeQuery("SELECT 1"), "HY010");
    c.close();
    c.close();
    assertThat(c.isClosed()).isTrue();
    failsWithState(driver, () -> s.executeQuery("SELECT * FROM m"), "08003");
    failsWithState(driver, c::createStatement, "08003");
    failsWithState(driver, c::getAutoCommit, "08003");
    if (!driver.client().remote()) {
      // Avatica's remote client leaves its statements and results open when the connection closes.
      assertThat(s.isClosed()).isTrue();
      assertThat(rs.isClosed()).isTrue();
      failsWithState(driver, rs::next, "24000");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void aPreparedStatementIsClosedWithItsConnection(DriverConfiguration driver) throws SQLException {
    Connection c = driver.newDatabase().connect();
    PreparedStatement ps = c.prepareStatement("SELECT * FROM sys.storage");
    c.close();
    if (!driver.client().remote()) {
      assertThat(ps.isClosed()).isTrue();
    }
    failsWithState(driver, ps::executeQuery, "08003");
    ps.close();
  }

  /**
   * Fails with an SQLException carrying the state. Avatica's remote client raises the errors about
   * closed objects itself, without a SQLSTATE or, when the server answers, with whatever state the
   * missing connection got there (docs/sql-dialect.md, "Remote access"): remotely only the
   * SQLException is checked.
   */
  private static void failsWithState(DriverConfiguration driver, ThrowingCallable call, String state) {
    if (driver.client().remote()) {
      assertThatThrownBy(call).isInstanceOf(SQLException.class);
      return;
    }
    assertThatThrownBy(call).isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(state);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void closingAStatementClosesItsResultAndAutoCommitIsOn(DriverConfiguration driver) throws SQLException {
    try (Connection c = driver.newDatabase().connect()) {
      assertThat(c.getAutoCommit()).isTrue();
      c.commit();
      c.rollback();
      Statement s = c.createStatement();
      ResultSet rs = s.executeQuery("SELECT * FROM sys.storage");
      s.close();
      assertThat(rs.isClosed()).isTrue();
      failsWithState(driver, () -> rs.getString(1), "24000");
      failsWithState(driver, s::getMaxRows, "HY010");
    }
  }
}
