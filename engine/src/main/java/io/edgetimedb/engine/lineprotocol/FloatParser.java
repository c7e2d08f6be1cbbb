package io.edgetimedb.engine.lineprotocol;

import java.nio.charset.StandardCharsets;

/**
 * Decimal text to double, straight from the bytes, with the same result as
 * {@link Double#parseDouble} bit for bit. Accepts
 *
 * <pre>
 *   float    = [ "-" ] mantissa [ ( "e" | "E" ) [ "+" | "-" ] digits ]
 *   mantissa = digits [ "." [ digits ] ] | "." digits
 * </pre>
 * (InfluxDB's number syntax: no leading {@code +}, no NaN or Infinity, no hex).
 *
 * <p>Fast path (Clinger's): when the significant digits fit in a long no larger than 2^53 and
 * the decimal exponent is within ±22, both the mantissa and the power of ten are exact doubles,
 * so one multiplication or division gives the correctly rounded result, which is what
 * {@code parseDouble} returns. Sensor readings ({@code 21.53}, {@code 101.325}) always take it.
 * Anything else (long mantissas, large exponents) is handed to {@code parseDouble} on an ASCII
 * String, which only costs an allocation in those rare cases.
 */
final class FloatParser {
  private static final double[] POWERS_OF_TEN = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  private static final long MAX_EXACT_MANTISSA = 1L << 53;
  /** Digits accumulated into the long mantissa; 18 never overflow it. */
  private static final int MAX_MANTISSA_DIGITS = 18;
  /** Exponents beyond this are out of range either way; capping keeps the int from overflowing. */
  private static final int EXPONENT_CAP = 100_000;

  private FloatParser() {}

  /**
   * The value of {@code buf[from, to)}, or NaN when the text is not a number in the syntax
   * above (NaN itself is not accepted as text, so it can mean "invalid"). Overflow gives an
   * infinity, as {@code parseDouble} does; the caller decides whether that is an error.
   */
  static double parse(byte[] buf, int from, int to) {
    int p = from;
    boolean negative = p < to && buf[p] == '-';
    if (negative) {
      p++;
    }
    long mantissa = 0;
    int digits = 0;
    int significant = 0;
    int exponent = 0;
    boolean dot = false;
    for (; p < to; p++) {
      byte c = buf[p];
      if (c >= '0' && c <= '9') {
        digits++;
        if (significant > 0 || c != '0') {
          significant++;
          if (significant <= MAX_MANTISSA_DIGITS) {
            mantissa = mantissa * 10 + (c - '0');
          } else if (!dot) {
            exponent++; // a dropped integer digit still scales the value
          }
        }
        if (dot && significant <= MAX_MANTISSA_DIGITS) {
          exponent--;
        }
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        break;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    if (p < to) {
      int end = exponentEnd(buf, p, to);
      if (end != to) {
        return Double.NaN;
      }
      exponent += exponentValue(buf, p + 1, to);
    }
    if (significant <= MAX_MANTISSA_DIGITS && mantissa <= MAX_EXACT_MANTISSA) {
      double exact = exact(mantissa, exponent);
      if (!Double.isNaN(exact)) {
        return negative ? -exact : exact;
      }
    }
    return Double.parseDouble(new String(buf, from, to - from, StandardCharsets.ISO_8859_1));
  }

  /** mantissa × 10^exponent when both operands are exact doubles, else NaN. */
  private static double exact(long mantissa, int exponent) {
    if (mantissa == 0) {
      return 0.0;
    }
    if (exponent >= 0 && exponent < POWERS_OF_TEN.length) {
      return mantissa * POWERS_OF_TEN[exponent];
    }
    if (exponent < 0 && -exponent < POWERS_OF_TEN.length) {
      return mantissa / POWERS_OF_TEN[-exponent];
    }
    return Double.NaN;
  }

  /** Where a well-formed exponent starting at {@code p} ({@code e}, sign, digits) ends, or -1. */
  private static int exponentEnd(byte[] buf, int p, int to) {
    if (buf[p] != 'e' && buf[p] != 'E') {
      return -1;
    }
    p++;
    if (p < to && (buf[p] == '+' || buf[p] == '-')) {
      p++;
    }
    int start = p;
    while (p < to && buf[p] >= '0' && buf[p] <= '9') {
      p++;
    }
    return p > start ? p : -1;
  }

  private static int exponentValue(byte[] buf, int p, int to) {
    boolean negative = buf[p] == '-';
    if (buf[p] == '+' || buf[p] == '-') {
      p++;
    }
    int value = 0;
    for (; p < to; p++) {
      value = Math.min(EXPONENT_CAP, value * 10 + (buf[p] - '0'));
    }
    return negative ? -value : value;
  }
}
