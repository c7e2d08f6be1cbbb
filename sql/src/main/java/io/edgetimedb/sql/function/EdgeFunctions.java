package io.edgetimedb.sql.function;

import org.apache.calcite.schema.SchemaPlus;

/**
 * Registers EdgeTimeDB's scalar SQL functions in a schema. The time-ordered aggregates (first,
 * last, delta, rate) are not registered functions but rewrites at parse time; see
 * io.edgetimedb.sql.parse.TimeOrderedAggregates.
 */
public final class EdgeFunctions {
  private EdgeFunctions() {}

  public static void register(SchemaPlus schema) {
    schema.add("time_bucket", TimeBucket.create());
    schema.add("time_bucket", TimeBucket.withOrigin());
  }
}
