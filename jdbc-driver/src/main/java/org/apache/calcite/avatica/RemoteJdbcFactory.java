package org.apache.calcite.avatica;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Avatica's JDBC 4.1 objects for {@code jdbc:edgetimedb:remote:}, whose statements honour
 * {@code setQueryTimeout} and whose {@code cancel} stops the query on the server without waiting
 * for the statement's lock ({@link RemoteQueryTimer}). It lives in Avatica's package because the
 * factory and the statement internals it builds on are package-private or protected.
 */
public final class RemoteJdbcFactory extends AvaticaJdbc41Factory {
  @Override
  public AvaticaStatement newStatement(AvaticaConnection connection, Meta.StatementHandle h, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) {
    return new TimedStatement(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  @Override
  public AvaticaPreparedStatement newPreparedStatement(AvaticaConnection connection, Meta.StatementHandle h,
      Meta.Signature signature, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    return new TimedPreparedStatement(connection, h, signature, resultSetType, resultSetConcurrency,
        resultSetHoldability);
  }

  private static final class TimedStatement extends AvaticaStatement {
    private final RemoteQueryTimer timer = new RemoteQueryTimer(this);

    TimedStatement(AvaticaConnection connection, Meta.StatementHandle h, int resultSetType, int resultSetConcurrency,
        int resultSetHoldability) {
      super(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    /** Not synchronized, unlike Avatica's: the running execution holds the statement's lock. */
    @Override
    public void cancel() throws SQLException {
      checkOpen();
      timer.cancel();
    }

    @Override
    protected void executeInternal(String sql) throws SQLException {
      timer.run(() -> {
        super.executeInternal(sql);
        return null;
      });
    }
  }

  private static final class TimedPreparedStatement extends AvaticaPreparedStatement {
    private final RemoteQueryTimer timer = new RemoteQueryTimer(this);

    TimedPreparedStatement(AvaticaConnection connection, Meta.StatementHandle h, Meta.Signature signature,
        int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
      super(connection, h, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    /** Not synchronized, unlike Avatica's: the running execution holds the statement's lock. */
    @Override
    public void cancel() throws SQLException {
      checkOpen();
      timer.cancel();
    }

    // Avatica's executeQuery, execute and executeLargeUpdate go straight to the connection
    @Override
    public ResultSet executeQuery() throws SQLException {
      return timer.run(super::executeQuery);
    }

    @Override
    public boolean execute() throws SQLException {
      return timer.run(super::execute);
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
      return timer.run(super::executeLargeUpdate);
    }

    @Override
    protected boolean executeInternal(Meta.Signature signature, boolean isUpdate) throws SQLException {
      return timer.run(() -> super.executeInternal(signature, isUpdate));
    }

    @Override
    protected ResultSet executeQueryInternal(Meta.Signature signature, boolean isUpdate) throws SQLException {
      return timer.run(() -> super.executeQueryInternal(signature, isUpdate));
    }
  }
}
