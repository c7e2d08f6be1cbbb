package io.edgetimedb.engine.lineprotocol;

/**
 * A fault in the line being parsed: where (a byte offset in the buffer) and what. Thrown to
 * abandon the line in one step from any depth of the parse; it carries no stack trace, so a
 * body of a million bad lines costs a million small objects, not a million stack walks.
 */
final class LineFault extends RuntimeException {
  private final int offset;

  LineFault(int offset, String message) {
    super(message, null, false, false);
    this.offset = offset;
  }

  int offset() {
    return offset;
  }
}
