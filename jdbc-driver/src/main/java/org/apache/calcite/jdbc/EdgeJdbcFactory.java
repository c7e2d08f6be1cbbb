package org.apache.calcite.jdbc;

import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.Meta;

/**
 * Calcite's JDBC 4.1 objects, except that prepared statements are {@link EdgePreparedStatement}s.
 * The driver names this class as its factory; it lives in Calcite's package because the
 * statement and connection classes it builds on are package-private.
 */
public final class EdgeJdbcFactory extends CalciteJdbc41Factory {
  @Override
  public AvaticaPreparedStatement newPreparedStatement(AvaticaConnection connection, Meta.StatementHandle h,
      Meta.Signature signature, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    return new EdgePreparedStatement((CalciteConnectionImpl) connection, h, signature, resultSetType,
        resultSetConcurrency, resultSetHoldability);
  }
}
