package io.edgetimedb.engine.series;

import io.edgetimedb.engine.schema.FieldSchema;
import io.edgetimedb.engine.schema.FieldType;

/**
 * The fields of one point as the write path hands them to a series: resolved schema fields and
 * the values in their written types. Implemented by a reusable view, so nothing is allocated
 * per point.
 */
public interface FieldValues {
  int fieldCount();

  /** The schema field, already created or widened for this value. */
  FieldSchema field(int i);

  FieldType valueType(int i);

  /** BOOLEAN as 0/1, BIGINT as is, DOUBLE as its raw IEEE bits; unused for references. */
  long bits(int i);

  /** The String or byte[] of a VARCHAR or VARBINARY value. */
  Object ref(int i);
}
