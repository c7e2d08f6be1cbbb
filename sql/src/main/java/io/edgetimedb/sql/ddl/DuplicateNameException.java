package io.edgetimedb.sql.ddl;

/** A statement creates something that already exists; the message names it. */
public final class DuplicateNameException extends RuntimeException {
  public DuplicateNameException(String message) {
    super(message);
  }
}
