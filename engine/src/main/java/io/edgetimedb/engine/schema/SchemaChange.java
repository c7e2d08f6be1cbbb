package io.edgetimedb.engine.schema;

/**
 * One entry of the schema history: when a measurement, tag key or field appeared or a field
 * widened, and which source's write caused it.
 *
 * @param fromType the field type before the change; null unless {@code kind} is FIELD_WIDENED
 * @param toType the field type after the change; null for measurements and tag keys
 */
public record SchemaChange(
    long timeMillis,
    String measurement,
    Kind kind,
    String item,
    FieldType fromType,
    FieldType toType,
    String source) {

  /** What changed. */
  public enum Kind {
    MEASUREMENT_CREATED,
    TAG_KEY_ADDED,
    FIELD_ADDED,
    FIELD_WIDENED,
    MEASUREMENT_DROPPED
  }
}
