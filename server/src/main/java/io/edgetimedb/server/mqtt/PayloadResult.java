package io.edgetimedb.server.mqtt;

/**
 * What mapping one payload into points did.
 *
 * @param points points appended to the batch
 * @param refused points (lines, array elements) left out, or 1 for a payload that could not be
 *     read at all
 * @param firstError why the first one was left out, with its position ({@code line 2, column 9:
 *     ...} or {@code element 3: ...}); null when nothing was
 */
public record PayloadResult(int points, int refused, String firstError) {
  /** A payload none of which could be read. */
  public static PayloadResult unreadable(String why) {
    return new PayloadResult(0, 1, why);
  }

  public boolean clean() {
    return refused == 0;
  }
}
