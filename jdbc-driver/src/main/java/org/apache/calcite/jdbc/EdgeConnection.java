package org.apache.calcite.jdbc;

import io.edgetimedb.jdbc.IdentifierCase;
import java.lang.reflect.Field;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.server.CalciteServer;

/**
 * Calcite's connection, which closes its statements (and so their result sets) when it closes, as
 * JDBC asks; Avatica leaves them open. Its use after close fails with SQLSTATE 08003, and its
 * metadata describes names as they are stored ({@link IdentifierCase}).
 *
 * <p>JDBC asks that a connection be usable from several threads. Calcite keeps the connection's
 * statements in a plain HashMap and Avatica numbers them with an unguarded counter, so two
 * threads creating statements at once could get one number, and the second statement would
 * silently take the first one's place. The map is made concurrent here and {@link EdgeMeta}
 * numbers statements under a lock.
 */
final class EdgeConnection extends CalciteConnectionImpl {
  EdgeConnection(Driver driver, AvaticaFactory factory, String url, Properties info, CalciteSchema rootSchema,
      JavaTypeFactory typeFactory) {
    super(driver, factory, url, info, rootSchema, typeFactory);
    IdentifierCase.describe(this);
    makeStatementMapConcurrent(server);
  }

  /** Calcite's {@code CalciteServerImpl.statementMap} is a private final HashMap without a setter. */
  private static void makeStatementMapConcurrent(CalciteServer server) {
    try {
      Field statements = server.getClass().getDeclaredField("statementMap");
      statements.setAccessible(true);
      statements.set(server, new ConcurrentHashMap<>((Map<?, ?>) statements.get(server)));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("this Calcite version keeps its statements differently ("
          + server.getClass().getName() + "); the driver must be adapted to it", e);
    }
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
