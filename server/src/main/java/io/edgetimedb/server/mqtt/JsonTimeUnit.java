package io.edgetimedb.server.mqtt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The unit of a JSON point's time ({@code mqtt.json.time-unit}) and the conversion to the
 * engine's epoch milliseconds. Numbers are epoch counts in the unit (decimals allowed, floored to
 * the millisecond, as line protocol floors finer precisions); an ISO-8601 string is accepted
 * whatever the unit, because it cannot be misread, and {@link #ISO} accepts only strings, because a
 * bare number there could be any unit.
 */
public enum JsonTimeUnit {
  MS(BigDecimal.ONE),
  S(BigDecimal.valueOf(1_000)),
  US(BigDecimal.valueOf(1, 3)),
  NS(BigDecimal.valueOf(1, 6)),
  ISO(null);

  /** Beyond any epoch count that fits in a long in any unit; checked first, so huge exponents cost nothing. */
  private static final BigDecimal LARGEST = BigDecimal.TEN.pow(30);

  private final BigDecimal millisPerUnit;

  JsonTimeUnit(BigDecimal millisPerUnit) {
    this.millisPerUnit = millisPerUnit;
  }

  public static JsonTimeUnit of(String word) {
    return valueOf(word.strip().toUpperCase(Locale.ROOT));
  }

  /**
   * Epoch milliseconds of a numeric time in this unit.
   *
   * @throws IllegalArgumentException for {@link #ISO}, or when the result does not fit in a long
   */
  public long millis(BigDecimal value) {
    if (this == ISO) {
      throw new IllegalArgumentException("is a number, but mqtt.json.time-unit is iso (expected an ISO-8601 string)");
    }
    if (value.abs().compareTo(LARGEST) > 0) {
      throw new IllegalArgumentException("is out of range as epoch milliseconds");
    }
    BigDecimal millis = value.multiply(millisPerUnit).setScale(0, RoundingMode.FLOOR);
    try {
      return millis.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("is out of range as epoch milliseconds");
    }
  }

  /**
   * Epoch milliseconds of an ISO-8601 date-time: with an offset ({@code Z}, {@code +02:00}) or
   * without one, which is read as UTC (sensors rarely know a zone; UTC is the only safe guess).
   *
   * @throws IllegalArgumentException when the text is not such a date-time
   */
  public static long isoMillis(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC)
            .toEpochMilli();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("is not an ISO-8601 date-time such as 2024-05-01T12:00:00Z");
      }
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("is out of range as epoch milliseconds");
    }
  }
}
