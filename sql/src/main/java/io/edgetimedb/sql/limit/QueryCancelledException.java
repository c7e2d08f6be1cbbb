package io.edgetimedb.sql.limit;

import io.edgetimedb.sql.SqlStateCarrier;

/** A query stopped by {@code Statement.cancel}, its statement's close or a timeout: SQLSTATE 57014. */
public final class QueryCancelledException extends RuntimeException implements SqlStateCarrier {
  QueryCancelledException(String message) {
    super(message);
  }

  @Override
  public String sqlState() {
    return "57014";
  }
}
