package org.apache.calcite.jdbc;

import java.sql.SQLException;
import org.apache.calcite.avatica.Meta;

/**
 * Calcite's statement, whose failing batches throw {@link java.sql.BatchUpdateException} with the
 * update counts of the statements before the failing one (see {@link FailedBatch}). Avatica lets
 * an error of a Statement batch escape unchecked; here it leaves as the SQLException JDBC declares.
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
}
