package io.edgetimedb.sql.ddl;

import io.edgetimedb.sql.SqlStateCarrier;

/** A statement creates something that already exists; the message names it. */
public final class DuplicateNameException extends RuntimeException implements SqlStateCarrier {
  public DuplicateNameException(String message) {
    super(message);
  }

  @Override
  public String sqlState() {
    return "42P07";
  }
}
