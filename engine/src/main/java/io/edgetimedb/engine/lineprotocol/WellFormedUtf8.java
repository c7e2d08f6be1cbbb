package io.edgetimedb.engine.lineprotocol;

/**
 * Finds the first byte of a text that is not well-formed UTF-8, so a line holding one is refused
 * by name instead of decoded with U+FFFD in its place. The well-formed sequences (Unicode, table
 * 3-7), first byte then the ranges its continuation bytes must fall in:
 *
 * <pre>
 *   00..7F
 *   C2..DF  80..BF
 *   E0      A0..BF  80..BF           (no overlong forms)
 *   E1..EC  80..BF  80..BF
 *   ED      80..9F  80..BF           (no surrogates)
 *   EE..EF  80..BF  80..BF
 *   F0      90..BF  80..BF  80..BF
 *   F1..F3  80..BF  80..BF  80..BF
 *   F4      80..8F  80..BF  80..BF   (nothing past U+10FFFF)
 * </pre>
 * C0, C1 and F5..FF never occur; neither does a continuation byte without its first byte.
 * Line protocol's escapes are ASCII, so checking the bytes as written checks the decoded text.
 */
final class WellFormedUtf8 {
  private WellFormedUtf8() {}

  /** Offset of the first byte of the first malformed sequence in {@code buf[from, to)}, or -1. */
  static int firstMalformed(byte[] buf, int from, int to) {
    int p = from;
    while (p < to) {
      int b = buf[p] & 0xFF;
      int length = b < 0x80 ? 1 : sequenceLength(buf, p, to, b);
      if (length == 0) {
        return p;
      }
      p += length;
    }
    return -1;
  }

  /** Length of the well-formed sequence starting with {@code b} at {@code p}, or 0. */
  private static int sequenceLength(byte[] buf, int p, int to, int b) {
    if (b >= 0xC2 && b <= 0xDF) {
      return continues(buf, p + 1, to, 0x80, 0xBF) ? 2 : 0;
    }
    if (b >= 0xE0 && b <= 0xEF) {
      int low = b == 0xE0 ? 0xA0 : 0x80;
      int high = b == 0xED ? 0x9F : 0xBF;
      return continues(buf, p + 1, to, low, high) && continues(buf, p + 2, to, 0x80, 0xBF) ? 3 : 0;
    }
    if (b >= 0xF0 && b <= 0xF4) {
      int low = b == 0xF0 ? 0x90 : 0x80;
      int high = b == 0xF4 ? 0x8F : 0xBF;
      return continues(buf, p + 1, to, low, high) && continues(buf, p + 2, to, 0x80, 0xBF)
          && continues(buf, p + 3, to, 0x80, 0xBF) ? 4 : 0;
    }
    return 0;
  }

  private static boolean continues(byte[] buf, int p, int to, int low, int high) {
    if (p >= to) {
      return false;
    }
    int b = buf[p] & 0xFF;
    return b >= low && b <= high;
  }
}
