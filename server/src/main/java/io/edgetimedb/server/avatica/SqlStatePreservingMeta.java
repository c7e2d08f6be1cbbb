package io.edgetimedb.server.avatica;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import io.edgetimedb.sql.SqlStateCarrier;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.ProtobufMeta;

/**
 * A Meta whose errors keep the SQLSTATE the embedded driver gave them. JdbcMeta wraps a
 * SQLException in a plain RuntimeException, and Avatica's handler sends a plain exception as
 * ErrorResponse with SQLSTATE 00000 and a message listing the whole cause chain; only an
 * {@link AvaticaRuntimeException} has its SQLSTATE, error code and message sent as they are.
 * This proxy turns every error with a SQLException behind it into one, on every Meta method at
 * once. Other errors pass unchanged: LocalService reads some of them (a NullPointerException from
 * fetch means the statement is gone), and Avatica's checked exceptions are its protocol.
 */
final class SqlStatePreservingMeta implements InvocationHandler {
  private final ProtobufMeta target;

  private SqlStatePreservingMeta(ProtobufMeta target) {
    this.target = target;
  }

  static ProtobufMeta wrap(ProtobufMeta target) {
    return (ProtobufMeta) Proxy.newProxyInstance(ProtobufMeta.class.getClassLoader(),
        new Class<?>[] {ProtobufMeta.class}, new SqlStatePreservingMeta(target));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw translated(e.getCause());
    }
  }

  static Throwable translated(Throwable error) {
    if (!(error instanceof RuntimeException) || error instanceof AvaticaRuntimeException) {
      return error;
    }
    SQLException sql = sqlExceptionIn(error);
    if (sql == null) {
      return error;
    }
    AvaticaRuntimeException carried = new AvaticaRuntimeException(sql.getMessage(), sql.getErrorCode(),
        sql.getSQLState() == null ? "HY000" : sql.getSQLState(), AvaticaSeverity.ERROR);
    carried.initCause(error);
    return carried;
  }

  /**
   * The first SQLException in the chain that has a SQLSTATE, else the first one: Calcite's
   * connection reports a statement it could not prepare as a SQLException without one, around the
   * embedded driver's error that has it.
   */
  private static SQLException sqlExceptionIn(Throwable error) {
    SQLException first = null;
    for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException e) {
        if (e.getSQLState() != null) {
          return e;
        }
        first = first == null ? e : first;
      }
      if (t instanceof SqlStateCarrier carrier) {
        return new SQLException(t.getMessage(), carrier.sqlState(), t);
      }
    }
    return first;
  }
}
