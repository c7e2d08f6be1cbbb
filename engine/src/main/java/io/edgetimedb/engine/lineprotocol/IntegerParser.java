package io.edgetimedb.engine.lineprotocol;

/**
 * Signed decimal text ({@code [ "-" ] digits}) to a long, straight from the bytes, telling a
 * malformed number from one that does not fit. Used for integer and unsigned field values and
 * for timestamps. An instance keeps the last value, so the common case returns a status and
 * allocates nothing; not thread-safe.
 */
final class IntegerParser {
  static final int OK = 0;
  static final int INVALID = 1;
  static final int OUT_OF_RANGE = 2;

  private long value;

  /** Parses {@code buf[from, to)}; on {@link #OK} the number is {@link #value()}. */
  int parse(byte[] buf, int from, int to) {
    int p = from;
    boolean negative = p < to && buf[p] == '-';
    if (negative) {
      p++;
    }
    if (p == to) {
      return INVALID;
    }
    // accumulate negatively: Long.MIN_VALUE has no positive counterpart
    long result = 0;
    boolean overflow = false;
    for (; p < to; p++) {
      int digit = buf[p] - '0';
      if (digit < 0 || digit > 9) {
        return INVALID;
      }
      if (result < Long.MIN_VALUE / 10 || result * 10 < Long.MIN_VALUE + digit) {
        overflow = true; // keep going: a later non-digit makes it invalid rather than too big
      }
      result = result * 10 - digit;
    }
    if (overflow || (!negative && result == Long.MIN_VALUE)) {
      return OUT_OF_RANGE;
    }
    value = negative ? result : -result;
    return OK;
  }

  long value() {
    return value;
  }
}
