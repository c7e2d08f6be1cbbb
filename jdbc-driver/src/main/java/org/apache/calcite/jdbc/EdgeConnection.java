package org.apache.calcite.jdbc;

import io.edgetimedb.jdbc.IdentifierCase;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaStatement;

/**
 * Calcite's connection, which closes its statements (and so their result sets) when it closes, as
 * JDBC asks; Avatica leaves them open. Its use after close fails with SQLSTATE 08003, and its
 * metadata describes names as they are stored ({@link IdentifierCase}).
 */
final class EdgeConnection extends CalciteConnectionImpl {
  EdgeConnection(Driver driver, AvaticaFactory factory, String url, Properties info, CalciteSchema rootSchema,
      JavaTypeFactory typeFactory) {
    super(driver, factory, url, info, rootSchema, typeFactory);
    IdentifierCase.describe(this);
  }

  @Override
  public void close() throws SQLException {
    if (isClosed()) {
      return;
    }
    try {
      // A copy: each statement removes itself from the map as it closes.
      for (AvaticaStatement statement : List.copyOf(statementMap.values())) {
        statement.close();
      }
    } finally {
      super.close();
    }
  }

  @Override
  protected void checkOpen() throws SQLException {
    if (isClosed()) {
      throw ClosedObjects.connectionClosed();
    }
  }
}
