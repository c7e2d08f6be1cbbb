package io.edgetimedb.engine.lineprotocol;

/**
 * Why one line of a line-protocol body was refused.
 *
 * @param line 1-based line number in the stream (counting every line, blank and comment lines too)
 * @param column 1-based column of the offending text, counted in Unicode code points of the line
 *     as written (escapes included), so it matches what an editor shows for UTF-8 text
 * @param message what is wrong, naming the offending text ({@code invalid float 'abc' for field 'temp'})
 * @param lineText the line as received, cut to {@value #MAX_LINE_TEXT} characters
 */
public record LineError(int line, int column, String message, String lineText) {
  /** Longest {@link #lineText} kept: enough to see the mistake, bounded so bad bodies stay small. */
  public static final int MAX_LINE_TEXT = 200;

  /** {@code line 3, column 17: invalid float 'abc' for field 'temp'}. */
  @Override
  public String toString() {
    return "line " + line + ", column " + column + ": " + message;
  }
}
