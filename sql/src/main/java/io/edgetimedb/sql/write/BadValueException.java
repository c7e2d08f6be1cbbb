package io.edgetimedb.sql.write;

import io.edgetimedb.sql.SqlStateCarrier;

/** A value that does not fit its column; the message names the row, the column and the value. */
public final class BadValueException extends RuntimeException implements SqlStateCarrier {
  private final String sqlState;

  public BadValueException(String message, String sqlState) {
    super(message);
    this.sqlState = sqlState;
  }

  @Override
  public String sqlState() {
    return sqlState;
  }
}
