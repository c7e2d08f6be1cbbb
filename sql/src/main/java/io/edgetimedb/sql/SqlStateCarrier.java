package io.edgetimedb.sql;

/**
 * An error that knows its SQLSTATE. The driver puts it on the SQLException; codes follow
 * PostgreSQL where the standard leaves a choice (42P01 unknown table, 42703 unknown column).
 */
public interface SqlStateCarrier {
  String sqlState();
}
