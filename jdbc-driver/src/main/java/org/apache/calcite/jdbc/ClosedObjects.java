package org.apache.calcite.jdbc;

import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;

/**
 * The errors for using a closed connection, statement or result set. Avatica raises them without
 * a SQLSTATE; these carry the standard one: 08003 (connection does not exist), HY010 (SQL/CLI
 * function sequence error: a call on a statement that is closed) and 24000 (invalid cursor
 * state: a closed result set).
 */
final class ClosedObjects {
  static final String CONNECTION_CLOSED = "08003";
  static final String STATEMENT_CLOSED = "HY010";
  static final String RESULT_SET_CLOSED = "24000";

  private ClosedObjects() {}

  static SQLException connectionClosed() {
    return new SQLException("Connection closed", CONNECTION_CLOSED);
  }

  static SQLException statementClosed() {
    return new SQLException("Statement closed", STATEMENT_CLOSED);
  }

  static SQLException resultSetClosed() {
    return new SQLException("ResultSet closed", RESULT_SET_CLOSED);
  }

  /** Fails the way the statement's state calls for: its connection gone, or it closed itself. */
  static void checkStatementOpen(boolean closedItself, AvaticaConnection connection) throws SQLException {
    if (connection.isClosed()) {
      throw connectionClosed();
    }
    if (closedItself) {
      throw statementClosed();
    }
  }
}
