package io.edgetimedb.jdbc;

import io.edgetimedb.engine.ReadOnlyException;
import io.edgetimedb.engine.StorageException;
import io.edgetimedb.sql.SqlStateCarrier;
import java.sql.SQLException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * The SQLSTATE of an error, from the first cause that tells: errors of EdgeTimeDB carry theirs;
 * Calcite's are classified by kind and message. Class 42 is a statement the database cannot
 * run as written (syntax, unknown names, types), class 22 bad data, class 08 connections, class
 * 53 a database out of disk space (read-only until space returns: retry later), class 58 a
 * storage failure.
 */
public final class SqlStates {
  /** Syntax error. */
  static final String SYNTAX = "42601";
  /** Some other error in the statement. */
  static final String STATEMENT = "42000";
  /** Generic data exception. */
  static final String DATA = "22000";
  /** The database is read-only for lack of disk space (PostgreSQL's disk_full). */
  static final String DISK_FULL = "53100";
  /** The write could not be made durable (PostgreSQL's io_error). */
  static final String STORAGE = "58030";

  private SqlStates() {}

  public static String of(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String state = stateOf(t);
      if (state != null) {
        return state;
      }
    }
    return "HY000";
  }

  private static String stateOf(Throwable t) {
    if (t instanceof SqlStateCarrier carrier) {
      return carrier.sqlState();
    }
    if (t instanceof SQLException e && e.getSQLState() != null) {
      return e.getSQLState();
    }
    if (t instanceof ReadOnlyException) {
      return DISK_FULL;
    }
    if (t instanceof StorageException) {
      return STORAGE;
    }
    if (t instanceof SqlParseException) {
      return SYNTAX;
    }
    if (t instanceof CalciteContextException e) {
      return validation(String.valueOf(e.getMessage()));
    }
    if (t instanceof NumberFormatException || t instanceof ArithmeticException || t instanceof ClassCastException) {
      return DATA;
    }
    if (t instanceof IllegalArgumentException e) {
      return String.valueOf(e.getMessage()).startsWith("unknown measurement") ? "42P01" : "22023";
    }
    return null;
  }

  /** Calcite reports every validation error as one exception type; the message says which. */
  private static String validation(String message) {
    if (message.contains("Object '") && message.contains("not found")) {
      return "42P01";
    }
    if (message.contains("Column '") && message.contains("not found")) {
      return "42703";
    }
    if (message.contains("No match found for function signature")) {
      return "42883";
    }
    if (message.contains("Illegal TIMESTAMP literal") || message.contains("Illegal DATE literal")
        || message.contains("Illegal TIME literal") || message.contains("Illegal interval literal")) {
      return "22007";
    }
    if (message.contains("Cannot apply") || message.contains("Cannot assign") || message.contains("cannot be cast")) {
      return "42804";
    }
    return STATEMENT;
  }
}
