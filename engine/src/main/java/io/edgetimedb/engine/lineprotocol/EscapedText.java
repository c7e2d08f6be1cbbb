package io.edgetimedb.engine.lineprotocol;

import java.nio.charset.StandardCharsets;

/**
 * Turns escaped UTF-8 text of a line into a String. A backslash escapes only the characters
 * that would otherwise end the token, plus itself; before any other character it is an
 * ordinary backslash (InfluxDB's rule, so Windows paths and regexes need no doubling):
 *
 * <pre>
 *   measurement        \,  \␠  \\            → ,  ␠  \
 *   tag key/value,     \,  \=  \␠  \\        → ,  =  ␠  \
 *   field key
 *   string field value \"  \\                → "  \
 *   anything else      \x                    → \x   (kept as written)
 * </pre>
 * Escapes are all ASCII, so the bytes between them are copied as they are and decoded once.
 * The bytes have been found well-formed UTF-8 first ({@link WellFormedUtf8}): a malformed byte
 * refuses its line rather than turning into U+FFFD here.
 */
final class EscapedText {
  private EscapedText() {}

  /** A measurement name: {@code \,}, {@code \ } and {@code \\} are escapes. */
  static String measurement(byte[] buf, int from, int to) {
    return decode(buf, from, to, false, false);
  }

  /** A tag key, tag value or field key: {@code \,}, {@code \=}, {@code \ } and {@code \\} are escapes. */
  static String name(byte[] buf, int from, int to) {
    return decode(buf, from, to, true, false);
  }

  /** The inside of a quoted string value: {@code \"} and {@code \\} are escapes. */
  static String quoted(byte[] buf, int from, int to) {
    return decode(buf, from, to, false, true);
  }

  private static String decode(byte[] buf, int from, int to, boolean name, boolean quoted) {
    byte[] out = null;
    int n = 0;
    for (int p = from; p < to; p++) {
      byte c = buf[p];
      if (c == '\\' && p + 1 < to && escapes(buf[p + 1], name, quoted)) {
        if (out == null) {
          out = new byte[to - from];
          System.arraycopy(buf, from, out, 0, p - from);
          n = p - from;
        }
        out[n++] = buf[++p];
      } else if (out != null) {
        out[n++] = c;
      }
    }
    return out == null
        ? new String(buf, from, to - from, StandardCharsets.UTF_8)
        : new String(out, 0, n, StandardCharsets.UTF_8);
  }

  private static boolean escapes(byte next, boolean name, boolean quoted) {
    if (quoted) {
      return next == '"' || next == '\\';
    }
    return next == ',' || next == ' ' || next == '\\' || (name && next == '=');
  }
}
