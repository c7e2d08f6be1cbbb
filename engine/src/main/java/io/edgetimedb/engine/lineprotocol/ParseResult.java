package io.edgetimedb.engine.lineprotocol;

import java.util.List;

/**
 * What one {@link LineProtocolParser#parse} call saw.
 *
 * @param lines lines that held a point or tried to (blank and comment lines are not counted)
 * @param points points appended to the batch
 * @param errors the first {@link #MAX_ERRORS_KEPT} refused lines, in order
 * @param errorCount every refused line, also those past the cap
 */
public record ParseResult(int lines, int points, List<LineError> errors, int errorCount) {
  /** Errors kept in {@link #errors}: a huge bad body must not turn into a huge error list. */
  public static final int MAX_ERRORS_KEPT = 1_000;

  public ParseResult {
    errors = List.copyOf(errors);
  }

  /** A result whose error list is complete. */
  public ParseResult(int lines, int points, List<LineError> errors) {
    this(lines, points, errors, errors.size());
  }
}
