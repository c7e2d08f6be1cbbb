package io.edgetimedb.engine.settings;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Sizes written as a number and a unit: {@code 32MiB}, {@code 1.5 GiB}, {@code 500kB},
 * {@code 4096} (bytes). Binary units (KiB, MiB, GiB, TiB, and the short K, M, G, T) are powers
 * of 1,024; decimal ones (kB, MB, GB, TB) powers of 1,000, as the IEC and SI define them, so that
 * a figure copied from a disk label or from {@code free -h} means what it says.
 */
final class ByteSize {
  private static final Map<String, Long> UNITS = Map.ofEntries(
      Map.entry("", 1L), Map.entry("b", 1L),
      Map.entry("k", 1L << 10), Map.entry("kib", 1L << 10), Map.entry("kb", 1_000L),
      Map.entry("m", 1L << 20), Map.entry("mib", 1L << 20), Map.entry("mb", 1_000_000L),
      Map.entry("g", 1L << 30), Map.entry("gib", 1L << 30), Map.entry("gb", 1_000_000_000L),
      Map.entry("t", 1L << 40), Map.entry("tib", 1L << 40), Map.entry("tb", 1_000_000_000_000L));

  private static final String[] BINARY_NAMES = {"B", "KiB", "MiB", "GiB", "TiB"};

  private ByteSize() {}

  /** The bytes a text stands for, or null when it is not a size (or not a whole number of bytes). */
  static Long parse(String text) {
    NumberAndUnit parsed = NumberAndUnit.split(text);
    if (parsed == null) {
      return null;
    }
    Long multiplier = UNITS.get(parsed.unit().toLowerCase(Locale.ROOT));
    return multiplier == null ? null : parsed.times(multiplier);
  }

  /** The shortest exact spelling: the largest binary unit that divides the size. */
  static String format(long bytes) {
    int unit = 0;
    long value = bytes;
    while (unit < BINARY_NAMES.length - 1 && value != 0 && value % 1024 == 0) {
      value /= 1024;
      unit++;
    }
    return value + BINARY_NAMES[unit];
  }

  /** A non-negative decimal number followed by an optional unit, with optional space between. */
  record NumberAndUnit(BigDecimal number, String unit) {
    static NumberAndUnit split(String text) {
      String t = text.strip().replace("_", "");
      int end = 0;
      while (end < t.length() && (Character.isDigit(t.charAt(end)) || t.charAt(end) == '.')) {
        end++;
      }
      if (end == 0) {
        return null;
      }
      try {
        return new NumberAndUnit(new BigDecimal(t.substring(0, end)), t.substring(end).strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }

    /** The number times a multiplier, or null when that is not a whole {@code long}. */
    Long times(long multiplier) {
      try {
        return number.multiply(BigDecimal.valueOf(multiplier)).longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
  }
}
