package io.edgetimedb.sql.ddl;

import io.edgetimedb.sql.SqlStateCarrier;

/** A statement names a measurement or column that does not exist; the message names it. */
public final class UnknownNameException extends RuntimeException implements SqlStateCarrier {
  private final String sqlState;

  private UnknownNameException(String message, String sqlState) {
    super(message);
    this.sqlState = sqlState;
  }

  public static UnknownNameException measurement(String name) {
    return new UnknownNameException("unknown measurement '" + name + "'", "42P01");
  }

  public static UnknownNameException column(String name, String measurement) {
    return new UnknownNameException("unknown column '" + name + "' in measurement '" + measurement + "'", "42703");
  }

  @Override
  public String sqlState() {
    return sqlState;
  }
}
