package io.edgetimedb.sql.table;

import io.edgetimedb.sql.SqlStateCarrier;

/** A DELETE whose condition is not time ranges and tag conditions, which the engine cannot run. */
public final class UnsupportedDeleteException extends RuntimeException implements SqlStateCarrier {
  UnsupportedDeleteException() {
    super("DELETE supports conditions on ts ranges and tags (=, IN, LIKE 'prefix%', AND, OR, NOT) only;"
        + " rows cannot be deleted by field values");
  }

  @Override
  public String sqlState() {
    return "0A000";
  }
}
