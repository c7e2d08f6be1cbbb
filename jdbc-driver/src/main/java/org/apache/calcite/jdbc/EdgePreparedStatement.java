package org.apache.calcite.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Calcite's prepared statement, whose failing batches throw {@link java.sql.BatchUpdateException}
 * with the update count of every row (see {@link FailedBatch}), and whose misuse fails with a
 * SQLSTATE where Avatica gives none: use after close (see {@link ClosedObjects}), a parameter
 * ordinal out of range (07009), an unbound parameter (07001), {@code executeQuery()} of a
 * statement without rows (07005, refused before it runs) and the statement-text methods of
 * {@code Statement} (42809, as PostgreSQL's driver does).
 */
final class EdgePreparedStatement extends CalcitePreparedStatement {
  static final String UNBOUND_PARAMETER = "07001";
  static final String NOT_A_QUERY = "07005";
  static final String WRONG_OBJECT_TYPE = "42809";

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
  public ResultSet executeQuery() throws SQLException {
    checkOpen();
    Meta.StatementType type = getSignature().statementType;
    if (type != null && type != Meta.StatementType.SELECT) {
      throw new SQLException("executeQuery(): a " + type + " statement returns no rows; use executeUpdate()",
          NOT_A_QUERY);
    }
    getBoundParameterValues();
    return super.executeQuery();
  }

  @Override
  public boolean execute() throws SQLException {
    checkOpen();
    getBoundParameterValues();
    return super.execute();
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    checkOpen();
    getBoundParameterValues();
    return super.executeLargeUpdate();
  }

  @Override
  public void addBatch() throws SQLException {
    checkOpen();
    getBoundParameterValues();
    super.addBatch();
  }

  @Override
  protected AvaticaParameter getParameter(int ordinal) throws SQLException {
    List<AvaticaParameter> parameters = getSignature().parameters;
    if (ordinal < 1 || ordinal > parameters.size()) {
      throw new SQLException("parameter " + ordinal + " does not exist: the statement has " + parameters.size()
          + " parameters", CheckedAccessors.INVALID_DESCRIPTOR_INDEX);
    }
    return parameters.get(ordinal - 1);
  }

  /** Checked before every execution: Calcite's own check names neither the parameter nor a SQLSTATE. */
  @Override
  protected List<TypedValue> getBoundParameterValues() throws SQLException {
    List<TypedValue> values = getParameterValues();
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new SQLException("parameter " + (i + 1) + " is not set", UNBOUND_PARAMETER);
      }
    }
    return values;
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    throw statementTextRefused("executeQuery(String)");
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    throw statementTextRefused("execute(String)");
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    throw statementTextRefused("executeUpdate(String)");
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    throw statementTextRefused("addBatch(String)");
  }

  private SQLException statementTextRefused(String method) throws SQLException {
    checkOpen();
    return new SQLException(method + " cannot be called on a PreparedStatement: it runs the statement it was "
        + "prepared with", WRONG_OBJECT_TYPE);
  }

  @Override
  protected void checkOpen() throws SQLException {
    ClosedObjects.checkStatementOpen(closed, connection);
  }
}
