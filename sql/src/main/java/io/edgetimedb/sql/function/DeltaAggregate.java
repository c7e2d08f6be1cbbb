package io.edgetimedb.sql.function;

import java.sql.Timestamp;

/**
 * {@code delta(value, ts)}: the latest minus the earliest value of the group by {@code ts}. Calcite calls the methods reflectively (see
 * AggregateFunctionImpl).
 */
public final class DeltaAggregate {
  public Endpoints init() {
    return new Endpoints();
  }

  public Endpoints add(Endpoints acc, Double value, Timestamp ts) {
    acc.add(value, ts);
    return acc;
  }

  public Double result(Endpoints acc) {
    return acc.delta();
  }
}
