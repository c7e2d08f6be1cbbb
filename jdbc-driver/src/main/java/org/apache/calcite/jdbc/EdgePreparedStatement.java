package org.apache.calcite.jdbc;

import java.sql.SQLException;
import org.apache.calcite.avatica.Meta;

/**
 * Calcite's prepared statement, whose failing batches throw {@link java.sql.BatchUpdateException}
 * with the update count of every row (see {@link FailedBatch}), and whose use after close fails
 * with a SQLSTATE (see {@link ClosedObjects}).
 */
final class EdgePreparedStatement extends CalcitePreparedStatement {
  EdgePreparedStatement(CalciteConnectionImpl connection, Meta.StatementHandle h, Meta.Signature signature,
      int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    super(connection, h, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    try {
      return super.executeLargeBatch();
    } catch (SQLException e) {
      FailedBatch failed = FailedBatch.in(e);
      throw failed == null ? e : failed.toBatchUpdateException();
    }
  }

  @Override
  protected void checkOpen() throws SQLException {
    ClosedObjects.checkStatementOpen(closed, connection);
  }
}
