package io.edgetimedb.sql.function;

import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AggregateFunctionImpl;

/** Registers EdgeTimeDB's SQL functions in a schema. */
public final class EdgeFunctions {
  private EdgeFunctions() {}

  public static void register(SchemaPlus schema) {
    schema.add("time_bucket", TimeBucket.create());
    schema.add("time_bucket", TimeBucket.withOrigin());
    schema.add("first", AggregateFunctionImpl.create(FirstAggregate.class));
    schema.add("last", AggregateFunctionImpl.create(LastAggregate.class));
    schema.add("delta", AggregateFunctionImpl.create(DeltaAggregate.class));
    schema.add("rate", AggregateFunctionImpl.create(RateAggregate.class));
  }
}
