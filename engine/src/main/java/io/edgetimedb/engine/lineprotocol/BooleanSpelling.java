package io.edgetimedb.engine.lineprotocol;

/**
 * The ten spellings of a boolean that InfluxDB accepts:
 * {@code t T true True TRUE} and {@code f F false False FALSE} (not {@code tRUE} or {@code yes}).
 */
final class BooleanSpelling {
  private BooleanSpelling() {}

  /** 1 for true, 0 for false, -1 for anything else. */
  static int of(byte[] buf, int from, int to) {
    int n = to - from;
    if (n == 1) {
      byte c = buf[from];
      return c == 't' || c == 'T' ? 1 : c == 'f' || c == 'F' ? 0 : -1;
    }
    if (spells(buf, from, n, "true") || spells(buf, from, n, "True") || spells(buf, from, n, "TRUE")) {
      return 1;
    }
    if (spells(buf, from, n, "false") || spells(buf, from, n, "False") || spells(buf, from, n, "FALSE")) {
      return 0;
    }
    return -1;
  }

  private static boolean spells(byte[] buf, int from, int n, String word) {
    if (n != word.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (buf[from + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
