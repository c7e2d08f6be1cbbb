package io.edgetimedb.sql.cache;

import java.math.BigDecimal;
import java.sql.Types;
import org.apache.calcite.util.TimestampString;

/**
 * A literal taken out of an ad-hoc statement, as written, to be bound to the parameter that
 * replaced it.
 *
 * @param kind what the literal is; part of the plan cache key
 * @param text the literal's value without quotes or type keyword ({@code A}, {@code 12.5},
 *     {@code 2024-01-01 00:00:00})
 */
public record Literal(Kind kind, String text) {

  /** The kinds of literal that become parameters. */
  public enum Kind {
    STRING,
    INTEGER,
    DECIMAL,
    TIMESTAMP
  }

  /**
   * The value in the Java form Calcite's generated code expects for a parameter of this JDBC
   * type (TIMESTAMP as epoch milliseconds), or null when the literal cannot be bound to it that
   * way; the statement is then planned with its literals.
   */
  public Object valueFor(int jdbcType) {
    try {
      return switch (jdbcType) {
        case Types.VARCHAR, Types.CHAR -> text;
        case Types.TIMESTAMP -> kind == Kind.INTEGER ? Long.parseLong(text)
            : new TimestampString(text).getMillisSinceEpoch();
        case Types.DOUBLE, Types.FLOAT, Types.REAL -> kind == Kind.STRING ? null : Double.parseDouble(text);
        case Types.DECIMAL, Types.NUMERIC -> kind == Kind.STRING ? null : new BigDecimal(text);
        case Types.BIGINT -> kind == Kind.INTEGER ? Long.parseLong(text) : null;
        case Types.INTEGER -> kind == Kind.INTEGER ? Integer.parseInt(text) : null;
        default -> null;
      };
    } catch (IllegalArgumentException e) {
      // a malformed timestamp or an out-of-range number: Calcite reports it when it plans the original text
      return null;
    }
  }
}
