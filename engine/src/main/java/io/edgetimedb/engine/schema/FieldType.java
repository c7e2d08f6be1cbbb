package io.edgetimedb.engine.schema;

/**
 * The type of a field column. BOOLEAN, BIGINT, DOUBLE and VARCHAR form a widening chain:
 * a field written with two of them takes the wider one. VARBINARY stands alone.
 */
public enum FieldType {
  BOOLEAN(0),
  BIGINT(1),
  DOUBLE(2),
  VARCHAR(3),
  VARBINARY(-1);

  private final int rank;

  FieldType(int rank) {
    this.rank = rank;
  }

  /** True when this type sits on the widening chain. */
  public boolean widens() {
    return rank >= 0;
  }

  /** The narrowest type holding both, or null when they cannot meet (VARBINARY with another type). */
  public FieldType widenWith(FieldType other) {
    if (this == other) {
      return this;
    }
    if (!widens() || !other.widens()) {
      return null;
    }
    return rank > other.rank ? this : other;
  }

  /** Stable byte code used in chunk and log formats; never reorder. */
  public byte code() {
    return (byte) ordinal();
  }

  public static FieldType ofCode(int code) {
    FieldType[] all = values();
    if (code < 0 || code >= all.length) {
      throw new IllegalArgumentException("unknown field type code " + code);
    }
    return all[code];
  }

  public boolean isNumeric() {
    return this == BIGINT || this == DOUBLE;
  }
}
