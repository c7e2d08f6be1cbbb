package io.edgetimedb.engine.lineprotocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The refused lines of one parse: the first {@link ParseResult#MAX_ERRORS_KEPT} as
 * {@link LineError}s and a count of all. Columns and line texts are worked out only here,
 * when a line has failed, so the good path never counts characters.
 */
final class LineErrors {
  private final List<LineError> kept = new ArrayList<>();
  private int count;

  /**
   * Records a fault at byte {@code offset} of the line {@code buf[lineStart, lineEnd)}.
   */
  void add(int lineNumber, byte[] buf, int lineStart, int lineEnd, int offset, String message) {
    count++;
    if (kept.size() < ParseResult.MAX_ERRORS_KEPT) {
      kept.add(new LineError(lineNumber, column(buf, lineStart, offset), message, text(buf, lineStart, lineEnd)));
    }
  }

  List<LineError> kept() {
    return kept;
  }

  int count() {
    return count;
  }

  /** 1-based code-point column: every byte that does not continue a UTF-8 sequence starts a character. */
  private static int column(byte[] buf, int lineStart, int offset) {
    int column = 1;
    for (int p = lineStart; p < offset; p++) {
      if ((buf[p] & 0xC0) != 0x80) {
        column++;
      }
    }
    return column;
  }

  private static String text(byte[] buf, int from, int to) {
    int max = LineError.MAX_LINE_TEXT;
    // four bytes per character at most, so this many bytes always hold the characters kept
    String text = new String(buf, from, Math.min(to - from, 4 * max + 4), StandardCharsets.UTF_8);
    if (text.length() <= max) {
      return text;
    }
    int cut = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, cut) + "...";
  }
}
