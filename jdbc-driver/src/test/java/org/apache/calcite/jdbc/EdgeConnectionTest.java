package org.apache.calcite.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

  private static void failsWithState(ThrowingCallable call, String state) {
    assertThatThrownBy(call).isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(state);
  }
}
