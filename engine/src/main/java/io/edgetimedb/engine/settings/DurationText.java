package io.edgetimedb.engine.settings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Durations written as a number and a unit: {@code 10ms}, {@code 30s}, {@code 5m}, {@code 1.5h},
 * {@code 7d}, held as milliseconds. A bare number is refused: whether {@code 300} means
 * milliseconds or seconds is exactly the mistake a unit prevents.
 */
public final class DurationText {
  private static final Map<String, Long> UNITS = Map.ofEntries(
      Map.entry("ms", 1L), Map.entry("s", 1_000L), Map.entry("sec", 1_000L),
      Map.entry("m", 60_000L), Map.entry("min", 60_000L), Map.entry("h", 3_600_000L),
      Map.entry("d", 86_400_000L));

  /** Largest unit first, for formatting. */
  private static final Map<String, Long> FORMAT_UNITS = new LinkedHashMap<>();

  static {
    FORMAT_UNITS.put("d", 86_400_000L);
    FORMAT_UNITS.put("h", 3_600_000L);
    FORMAT_UNITS.put("m", 60_000L);
    FORMAT_UNITS.put("s", 1_000L);
  }

  private DurationText() {}

  /** The milliseconds a text stands for, or null when it is not a duration. */
  public static Long parse(String text) {
    ByteSize.NumberAndUnit parsed = ByteSize.NumberAndUnit.split(text);
    if (parsed == null) {
      return null;
    }
    Long multiplier = UNITS.get(parsed.unit().toLowerCase(Locale.ROOT));
    return multiplier == null ? null : parsed.times(multiplier);
  }

  /** The shortest exact spelling: the largest unit that divides the duration. */
  public static String format(long millis) {
    if (millis == 0) {
      return "0ms";
    }
    for (Map.Entry<String, Long> unit : FORMAT_UNITS.entrySet()) {
      if (millis % unit.getValue() == 0) {
        return millis / unit.getValue() + unit.getKey();
      }
    }
    return millis + "ms";
  }
}
