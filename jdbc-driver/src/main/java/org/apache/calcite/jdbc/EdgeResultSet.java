package org.apache.calcite.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/** Calcite's result set, whose use after close fails with SQLSTATE 24000. */
final class EdgeResultSet extends CalciteResultSet {
  EdgeResultSet(AvaticaStatement statement, CalcitePrepare.CalciteSignature signature, ResultSetMetaData metaData,
      TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    super(statement, signature, metaData, timeZone, firstFrame);
  }

  @Override
  protected void checkOpen() throws SQLException {
    if (isClosed()) {
      throw ClosedObjects.resultSetClosed();
    }
  }
}
