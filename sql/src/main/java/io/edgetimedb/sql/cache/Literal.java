package io.edgetimedb.sql.cache;

import java.math.BigDecimal;
import java.sql.Types;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * A literal taken out of an ad-hoc statement, as written, to be bound to the parameter that
 * replaced it.
 *
 * <p>The parameter's type comes from the plan of the normalised text, whatever the literal was,
 * so {@code value > 1} and {@code value > 1.5} share a plan. Binding must then give what
 * planning the literal itself would: a literal binds only where Calcite would convert it to
 * the parameter's type without changing its meaning, and otherwise the statement is planned
 * with its literals. {@code site = 1} against a VARCHAR tag, for one, is compared by Calcite as
 * a number (and fails on {@code 'A'}), so 1 does not bind as the string "1".
 *
 * @param kind what the literal is
 * @param text the literal's value without quotes or type keyword ({@code A}, {@code -12.5},
 *     {@code 2024-01-01 00:00:00})
 */
public record Literal(Kind kind, String text) {

  /** The kinds of literal that become parameters. */
  public enum Kind {
    STRING,
    INTEGER,
    DECIMAL,
    TIMESTAMP,
    DATE
  }

  /**
   * The value in the Java form Calcite's generated code expects for a parameter of this JDBC
   * type (TIMESTAMP as epoch milliseconds), or null when the literal cannot be bound to it that
   * way; the statement is then planned with its literals.
   */
  public Object valueFor(int jdbcType) {
    try {
      return switch (jdbcType) {
        case Types.VARCHAR, Types.CHAR -> kind == Kind.STRING ? text : null;
        case Types.TIMESTAMP -> timestampMillis();
        case Types.DOUBLE, Types.FLOAT, Types.REAL -> isNumber() ? Double.parseDouble(text) : null;
        case Types.DECIMAL, Types.NUMERIC -> isNumber() ? new BigDecimal(text) : null;
        case Types.BIGINT -> kind == Kind.INTEGER ? Long.parseLong(text) : null;
        case Types.INTEGER -> kind == Kind.INTEGER ? Integer.parseInt(text) : null;
        default -> null;
      };
    } catch (IllegalArgumentException e) {
      // a malformed time or an out-of-range number: Calcite reports it when it plans the original text
      return null;
    }
  }

  private boolean isNumber() {
    return kind == Kind.INTEGER || kind == Kind.DECIMAL;
  }

  /**
   * A TIMESTAMP literal, or a string in its exact form, as epoch millis; a DATE as the epoch
   * millis of its midnight, which is what Calcite's cast of a DATE to TIMESTAMP gives. Only
   * values that read back as written: {@code 2024-02-30} or a fourth fractional digit would be
   * silently moved or cut here, where Calcite refuses or keeps them. Numbers do not compare
   * with TIMESTAMP in Calcite, so they do not bind.
   */
  private Long timestampMillis() {
    return switch (kind) {
      case TIMESTAMP, STRING -> {
        TimestampString written = new TimestampString(text);
        long millis = written.getMillisSinceEpoch();
        yield TimestampString.fromMillisSinceEpoch(millis).equals(written) ? millis : null;
      }
      case DATE -> {
        DateString written = new DateString(text);
        yield DateString.fromDaysSinceEpoch(written.getDaysSinceEpoch()).equals(written)
            ? written.getMillisSinceEpoch() : null;
      }
      default -> null;
    };
  }
}
