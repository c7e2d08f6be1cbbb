package org.apache.calcite.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class EdgeConnectionTest {

  @Test
  void closingTheConnectionClosesItsStatementsAndTheirResults() throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:edgetimedb:mem:");
    Statement statement = connection.createStatement();
    ResultSet rows = statement.executeQuery("SELECT * FROM sys.storage");
    PreparedStatement prepared = connection.prepareStatement("SELECT * FROM sys.fields");
    connection.close();
    assertThat(statement.isClosed()).isTrue();
    assertThat(prepared.isClosed()).isTrue();
    assertThat(rows.isClosed()).isTrue();
  }

  @Test
  void usingAClosedObjectFailsWithItsSqlState() throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:edgetimedb:mem:");
    Statement statement = connection.createStatement();
    ResultSet rows = statement.executeQuery("SELECT * FROM sys.storage");
    statement.close();
    failsWithState(rows::next, ClosedObjects.RESULT_SET_CLOSED);
    failsWithState(() -> statement.execute("SELECT 1"), ClosedObjects.STATEMENT_CLOSED);
    connection.close();
    failsWithState(connection::createStatement, ClosedObjects.CONNECTION_CLOSED);
    failsWithState(() -> statement.execute("SELECT 1"), ClosedObjects.CONNECTION_CLOSED);
  }

  /**
   * One connection used by several threads at once, as JDBC allows: statements are created and
   * closed concurrently without two getting one number (Calcite alone did now and then, and one
   * statement replaced the other), and prepared statements each keep their own parameters.
   */
  @Test
  void threadsSharingAConnectionEachGetTheirOwnStatements() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:edgetimedb:mem:")) {
      ExecutorService threads = Executors.newFixedThreadPool(8);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        answers.add(threads.submit(() -> {
          start.await();
          return createAndAsk(connection, thread);
        }));
      }
      start.countDown();
      threads.shutdown();
      for (Future<Integer> answered : answers) {
        assertThat(answered.get(2, TimeUnit.MINUTES)).isEqualTo(40);
      }
    }
  }

  /** Creates and closes 5,000 statements, then asks 40 prepared ones for numbers only this thread uses. */
  private static int createAndAsk(Connection connection, int thread) throws SQLException {
    for (int i = 0; i < 5_000; i++) {
      connection.createStatement().close();
    }
    int right = 0;
    for (int i = 0; i < 40; i++) {
      long expected = thread * 1000L + i;
      try (PreparedStatement prepared = connection.prepareStatement("SELECT CAST(? AS BIGINT) FROM sys.storage"
          + " UNION ALL SELECT CAST(? AS BIGINT) FROM (VALUES (1)) AS t(x)")) {
        prepared.setLong(1, -1);
        prepared.setLong(2, expected);
        try (ResultSet rows = prepared.executeQuery()) {
          if (rows.next() && rows.getLong(1) == expected && !rows.next()) {
            right++;
          }
        }
      }
    }
    return right;
  }

  private static void failsWithState(ThrowingCallable call, String state) {
    assertThatThrownBy(call).isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(state);
  }
}
