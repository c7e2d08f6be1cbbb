package io.edgetimedb.sql.limit;

import io.edgetimedb.sql.SqlStateCarrier;

/**
 * A query whose sorts, joins and set operations would hold more rows than {@code
 * query.max-rows-held}: refused by name instead of filling the heap. SQLSTATE 53200
 * (PostgreSQL's out_of_memory).
 */
public final class QueryMemoryExceededException extends RuntimeException implements SqlStateCarrier {
  QueryMemoryExceededException(String message) {
    super(message);
  }

  @Override
  public String sqlState() {
    return "53200";
  }
}
