package io.edgetimedb.server.http;

import io.edgetimedb.engine.lineprotocol.LineProtocolParser;
import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.write.PointBatch;

/**
 * Which line of a piece each point of its batch came from. The parser skips blank, comment and
 * bad lines, so point i is not line i; this re-parses the piece line by line to find out. It is
 * only asked when the database refused a point, so the common path pays nothing for it.
 */
final class PointLines {
  private PointLines() {}

  /** Line numbers indexed by point, for the piece {@code buf[off, off + len)} starting at {@code firstLine}. */
  static int[] of(LineProtocolParser parser, byte[] buf, int off, int len, int firstLine, Precision precision,
      long defaultMillis, int points) {
    int[] lines = new int[points];
    PointBatch scratch = new PointBatch();
    int point = 0;
    int line = firstLine;
    int end = off + len;
    for (int lineStart = off; lineStart < end && point < points; line++) {
      int lineEnd = lineStart;
      while (lineEnd < end && buf[lineEnd] != '\n') {
        lineEnd++;
      }
      scratch.clear();
      parser.parse(buf, lineStart, lineEnd - lineStart, precision, defaultMillis, line, scratch);
      if (scratch.size() == 1) {
        lines[point++] = line;
      }
      lineStart = lineEnd + 1;
    }
    return lines;
  }
}
