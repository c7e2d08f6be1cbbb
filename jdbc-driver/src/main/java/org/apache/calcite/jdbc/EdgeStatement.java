package org.apache.calcite.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.calcite.avatica.Meta;

/**
 * Calcite's statement, whose failing batches throw {@link java.sql.BatchUpdateException} with the
 * update counts of the statements before the failing one (see {@link FailedBatch}). Avatica lets
 * an error of a Statement batch escape unchecked; here it leaves as the SQLException JDBC declares.
 * Its use after close fails with a SQLSTATE (see {@link ClosedObjects}), and so does
 * {@code executeQuery} of a statement that returns no rows (07005; the statement has run by then,
 * as in Avatica and PostgreSQL's driver, since only running it tells).
 */
final class EdgeStatement extends CalciteStatement {
  EdgeStatement(CalciteConnectionImpl connection, Meta.StatementHandle h, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) {
    super(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    try {
      return super.executeLargeBatch();
    } catch (SQLException | RuntimeException e) {
      FailedBatch failed = FailedBatch.in(e);
      if (failed == null) {
        throw e;
      }
      throw failed.toBatchUpdateException();
    }
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    if (!execute(sql)) {
      throw new SQLException("executeQuery(String): the statement returned no rows; use executeUpdate() or "
          + "execute()", EdgePreparedStatement.NOT_A_QUERY);
    }
    return getResultSet();
  }

  @Override
  protected void checkOpen() throws SQLException {
    ClosedObjects.checkStatementOpen(closed, connection);
  }
}
