package org.apache.calcite.jdbc;

import io.edgetimedb.engine.write.RejectedPoint;
import io.edgetimedb.sql.table.RowsRefusedException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Rows of a PreparedStatement batch the engine refused, carried from {@link EdgeMeta} through
 * Avatica (which wraps it as the cause of a plain SQLException) to {@link EdgePreparedStatement},
 * which reports it as the {@link BatchUpdateException} JDBC defines for a failing batch.
 */
final class RefusedBatch extends RuntimeException {
  private final long[] updateCounts;

  RefusedBatch(RowsRefusedException refused, int rows) {
    super(refused.getMessage(), refused);
    updateCounts = new long[rows];
    Arrays.fill(updateCounts, 1);
    for (RejectedPoint point : refused.result().rejected()) {
      updateCounts[point.index()] = Statement.EXECUTE_FAILED;
    }
  }

  /**
   * The batch failure with an update count per row: the engine writes every row it accepts, so,
   * as JDBC allows for a driver that goes on after a failing row, the counts cover the whole
   * batch, 1 for a written row and EXECUTE_FAILED for a refused one.
   */
  BatchUpdateException toBatchUpdateException(String sqlState) {
    return new BatchUpdateException(getMessage(), sqlState, 0, updateCounts, getCause());
  }

  /** The refusal behind a batch's SQLException, or null when it failed otherwise. */
  static RefusedBatch in(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RefusedBatch refused) {
        return refused;
      }
    }
    return null;
  }
}
