package org.apache.calcite.jdbc;

import io.edgetimedb.engine.write.RejectedPoint;
import io.edgetimedb.sql.table.RowsRefusedException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * A batch that failed, with the update counts JDBC reports for it, carried from {@link EdgeMeta}
 * through Avatica (which passes it on unchanged or as the cause of an SQLException) to {@link
 * EdgePreparedStatement} and {@link EdgeStatement}, which throw it as the {@link
 * BatchUpdateException} JDBC defines for a failing batch.
 */
final class FailedBatch extends RuntimeException {
  private final String sqlState;
  private final long[] updateCounts;

  private FailedBatch(String message, String sqlState, long[] updateCounts, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
    this.updateCounts = updateCounts;
  }

  /**
   * Refused rows of a PreparedStatement batch. The engine writes every row it accepts, so, as JDBC
   * allows for a driver that goes on after a failing row, the counts cover the whole batch: 1 for
   * a written row, EXECUTE_FAILED for a refused one.
   */
  static FailedBatch refusedRows(RowsRefusedException refused, int rows, String sqlState) {
    long[] counts = new long[rows];
    Arrays.fill(counts, 1);
    for (RejectedPoint point : refused.result().rejected()) {
      counts[point.index()] = Statement.EXECUTE_FAILED;
    }
    return new FailedBatch(refused.getMessage(), sqlState, counts, refused);
  }

  /** A Statement batch stopped at a failing statement: the counts of the statements before it. */
  static FailedBatch stoppedAt(String message, String sqlState, long[] countsBefore, Throwable cause) {
    return new FailedBatch(message, sqlState, countsBefore, cause);
  }

  BatchUpdateException toBatchUpdateException() {
    return new BatchUpdateException(getMessage(), sqlState, 0, updateCounts, getCause());
  }

  /** The failed batch behind an error of executeBatch, or null when it failed otherwise. */
  static FailedBatch in(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof FailedBatch failed) {
        return failed;
      }
    }
    return null;
  }
}
