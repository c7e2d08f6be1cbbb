package io.edgetimedb.server.bench.peer;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * DuckDB's Appender ({@code org.duckdb.DuckDBAppender}), the way DuckDB's documentation gives for
 * loading many rows from Java: rows go straight into DuckDB's column buffers, with no SQL
 * statement per row (prepared INSERT batches run one statement per row and are many times
 * slower). The driver lives in a class loader of its own ({@link ForeignDriver}) and EdgeTimeDB
 * does not compile against it, so the appender is reached through method handles, looked up
 * once per appender and called with exact types; only the calls the plant tables need.
 */
final class DuckDbAppender implements AutoCloseable {
  private final Object appender;
  private final MethodHandle beginRow;
  private final MethodHandle endRow;
  private final MethodHandle appendEpochMicros;
  private final MethodHandle appendDouble;
  private final MethodHandle appendLong;
  private final MethodHandle appendBoolean;
  private final MethodHandle appendString;
  private final MethodHandle flush;
  private final MethodHandle close;

  private DuckDbAppender(Object appender) throws ReflectiveOperationException {
    this.appender = appender;
    Class<?> type = appender.getClass();
    this.beginRow = handle(type, "beginRow", type);
    this.endRow = handle(type, "endRow", type);
    this.appendEpochMicros = handle(type, "appendEpochMicros", type, long.class);
    this.appendDouble = handle(type, "append", type, double.class);
    this.appendLong = handle(type, "append", type, long.class);
    this.appendBoolean = handle(type, "append", type, boolean.class);
    this.appendString = handle(type, "append", type, String.class);
    this.flush = handle(type, "flush", long.class);
    this.close = handle(type, "close", void.class);
  }

  /** An appender to {@code table} on a DuckDB connection ({@code DuckDBConnection.createAppender}). */
  static DuckDbAppender create(Connection connection, String table) throws SQLException {
    try {
      Object appender = connection.getClass().getMethod("createAppender", String.class).invoke(connection, table);
      return new DuckDbAppender(appender);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw asSqlException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new SQLException("this DuckDB driver has no appender as 2.0 has (" + e + ")", e);
    }
  }

  /**
   * A public method of the appender as a handle taking the appender as an {@code Object} and
   * returning nothing, so that every call can be an {@code invokeExact}.
   */
  private static MethodHandle handle(Class<?> type, String name, Class<?> returns, Class<?>... parameters)
      throws ReflectiveOperationException {
    MethodHandle handle = MethodHandles.publicLookup().findVirtual(type, name, MethodType.methodType(returns, parameters));
    return handle.asType(MethodType.methodType(void.class, Object.class, parameters));
  }

  void beginRow() throws SQLException {
    try {
      beginRow.invokeExact(appender);
    } catch (Throwable t) {
      throw asSqlException(t);
    }
  }

  void endRow() throws SQLException {
    try {
      endRow.invokeExact(appender);
    } catch (Throwable t) {
      throw asSqlException(t);
    }
  }

  /** A TIMESTAMP column, in microseconds since the epoch. */
  void appendEpochMicros(long micros) throws SQLException {
    try {
      appendEpochMicros.invokeExact(appender, micros);
    } catch (Throwable t) {
      throw asSqlException(t);
    }
  }

  void append(double value) throws SQLException {
    try {
      appendDouble.invokeExact(appender, value);
    } catch (Throwable t) {
      throw asSqlException(t);
    }
  }

  void append(long value) throws SQLException {
    try {
      appendLong.invokeExact(appender, value);
    } catch (Throwable t) {
      throw asSqlException(t);
    }
  }

  void append(boolean value) throws SQLException {
    try {
      appendBoolean.invokeExact(appender, value);
    } catch (Throwable t) {
      throw asSqlException(t);
    }
  }

  void append(String value) throws SQLException {
    try {
      appendString.invokeExact(appender, value);
    } catch (Throwable t) {
      throw asSqlException(t);
    }
  }

  /** Hands the appended rows to DuckDB, inside the connection's open transaction if there is one. */
  void flush() throws SQLException {
    try {
      flush.invokeExact(appender);
    } catch (Throwable t) {
      throw asSqlException(t);
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      close.invokeExact(appender);
    } catch (Throwable t) {
      throw asSqlException(t);
    }
  }

  private static SQLException asSqlException(Throwable t) {
    if (t instanceof SQLException e) {
      return e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new SQLException("DuckDB appender failed: " + t, t);
  }
}
