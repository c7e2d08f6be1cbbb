package io.edgetimedb.sql.function;

import java.sql.Timestamp;

/**
 * {@code last(value, ts)}: the latest value of the group by {@code ts}. Calcite calls the methods reflectively (see
 * AggregateFunctionImpl).
 */
public final class LastAggregate {
  public Endpoints init() {
    return new Endpoints();
  }

  public Endpoints add(Endpoints acc, Double value, Timestamp ts) {
    acc.add(value, ts);
    return acc;
  }

  public Double result(Endpoints acc) {
    return acc.last();
  }
}
