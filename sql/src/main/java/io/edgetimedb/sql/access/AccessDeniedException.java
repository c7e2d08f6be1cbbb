package io.edgetimedb.sql.access;

import io.edgetimedb.sql.SqlStateCarrier;

/** A statement the connection's role does not permit; SQLSTATE 42501 (insufficient privilege), as in PostgreSQL. */
public final class AccessDeniedException extends RuntimeException implements SqlStateCarrier {
  private static final long serialVersionUID = 1L;

  AccessDeniedException(String message) {
    super(message, null, false, false);
  }

  @Override
  public String sqlState() {
    return "42501";
  }
}
