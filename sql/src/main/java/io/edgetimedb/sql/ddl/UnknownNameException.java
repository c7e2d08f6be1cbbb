package io.edgetimedb.sql.ddl;

/** A statement names a measurement or column that does not exist; the message names it. */
public final class UnknownNameException extends RuntimeException {
  public UnknownNameException(String message) {
    super(message);
  }
}
