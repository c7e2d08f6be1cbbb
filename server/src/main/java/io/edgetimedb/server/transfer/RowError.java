package io.edgetimedb.server.transfer;

/** A row of an import file that was not written, with where and why; column 0 means the whole row. */
public record RowError(long line, int column, String message) {
  @Override
  public String toString() {
    return "line " + line + (column > 0 ? ", column " + column : "") + ": " + message;
  }
}
