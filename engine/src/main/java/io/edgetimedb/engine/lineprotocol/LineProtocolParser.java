package io.edgetimedb.engine.lineprotocol;

import io.edgetimedb.engine.write.PointBatch;

/**
 * Reads InfluxDB line protocol into a {@link PointBatch}. A body is UTF-8 lines, each a point,
 * a comment or blank:
 *
 * <pre>
 *   body        = { line ( "\n" | "\r\n" ) } [ line ]
 *   line        = blanks ( point | "#" anything | "" ) blanks
 *   point       = measurement { "," tag } spaces field { "," field } [ spaces timestamp ]
 *   tag         = key "=" key                   (key: non-empty; \, \= \␠ \\ escape)
 *   field       = key "=" value
 *   measurement = non-empty; \, \␠ \\ escape    (a leading "#" makes a comment)
 *   value       = '"' { char | \" | \\ } '"'    string   → VARCHAR
 *               | [-] digits "i"                 integer  → BIGINT
 *               | digits "u"                     unsigned → BIGINT (must fit in a signed long)
 *               | t | T | true | True | TRUE | f | F | false | False | FALSE   → BOOLEAN
 *               | [-] decimal [ (e|E) [+|-] digits ]   float (also a bare 1) → DOUBLE
 *   timestamp   = [-] digits                     in the request's {@link Precision}
 *   blanks      = { " " | "\t" }        spaces = " " { " " }
 * </pre>
 *
 * Decisions where InfluxDB leaves room or where this parser differs:
 * <ul>
 *   <li>A line ends at every LF, even inside a quoted string: a string value cannot hold a raw
 *       newline. InfluxDB lets one continue across lines, but then one missing quote swallows
 *       every later line of the body; here it costs only its own line.
 *   <li>A repeated field keeps the last value (as InfluxDB); a repeated tag key refuses the line.
 *   <li>Names are checked against the engine's name rules (length, control characters, the
 *       reserved {@code ts}) here, so the error names the line and column; the checks that
 *       need the database (schema conflicts, value length limits, a field named like a tag)
 *       are left to {@code Database.write}, which reports them by point.
 *   <li>Bytes that are not well-formed UTF-8 refuse the line, naming the byte; InfluxDB (and
 *       Java's decoder) would store U+FFFD in their place without a word.
 *   <li>A line without a timestamp takes the caller's default; timestamps become epoch
 *       milliseconds by {@link Precision#toMillis} (floored).
 * </ul>
 *
 * A line with any fault appends nothing and becomes a {@link LineError}; every other line is
 * kept. Reusable and not thread-safe: it holds the name caches that make a steady stream of
 * repeated names allocation-free, so keep one per connection or thread.
 */
public final class LineProtocolParser {
  private final PendingPoint point = new PendingPoint();
  private final LineParser lineParser = new LineParser(point);

  public LineProtocolParser() {}

  /**
   * Parses UTF-8 lines in {@code buf[off, off + len)} into {@code into} (appending points) and
   * returns a summary. Points with any fault are not appended; all other lines are kept.
   * {@code defaultTimestampMillis} is used for lines without a timestamp. The first line is
   * numbered {@code firstLineNumber}, so a caller parsing a stream in pieces (cut after a
   * line end) gets line numbers of the whole stream; a last line without a line end is parsed
   * as complete.
   */
  public ParseResult parse(byte[] buf, int off, int len, Precision precision, long defaultTimestampMillis,
      int firstLineNumber, PointBatch into) {
    LineErrors errors = new LineErrors();
    int end = off + len;
    int lineNumber = firstLineNumber;
    int lines = 0;
    int points = 0;
    for (int lineStart = off; lineStart < end; lineNumber++) {
      int lineEnd = lineEnd(buf, lineStart, end);
      int from = skipBlanksForward(buf, lineStart, lineEnd);
      int to = skipBlanksBackward(buf, from, lineEnd);
      if (from < to && buf[from] != '#') {
        lines++;
        try {
          lineParser.parse(buf, from, to, precision, defaultTimestampMillis);
          point.appendTo(into);
          points++;
        } catch (LineFault fault) {
          errors.add(lineNumber, buf, lineStart, withoutCarriageReturn(buf, lineStart, lineEnd),
              fault.offset(), fault.getMessage());
        }
      }
      lineStart = lineEnd + 1;
    }
    return new ParseResult(lines, points, errors.kept(), errors.count());
  }

  private static int lineEnd(byte[] buf, int from, int end) {
    for (int p = from; p < end; p++) {
      if (buf[p] == '\n') {
        return p;
      }
    }
    return end;
  }

  private static int skipBlanksForward(byte[] buf, int p, int to) {
    while (p < to && (buf[p] == ' ' || buf[p] == '\t')) {
      p++;
    }
    return p;
  }

  /** Trailing blanks and the CR of a CRLF line end are not part of the point. */
  private static int skipBlanksBackward(byte[] buf, int from, int p) {
    while (p > from && (buf[p - 1] == ' ' || buf[p - 1] == '\t' || buf[p - 1] == '\r')) {
      p--;
    }
    return p;
  }

  private static int withoutCarriageReturn(byte[] buf, int from, int lineEnd) {
    return lineEnd > from && buf[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
  }
}
