package io.edgetimedb.sql.function;

import java.sql.Timestamp;

/**
 * {@code rate(value, ts)}: the change per second between the earliest and the latest value of the group (no counter-reset handling). Calcite calls the methods reflectively (see
 * AggregateFunctionImpl).
 */
public final class RateAggregate {
  public Endpoints init() {
    return new Endpoints();
  }

  public Endpoints add(Endpoints acc, Double value, Timestamp ts) {
    acc.add(value, ts);
    return acc;
  }

  public Double result(Endpoints acc) {
    return acc.ratePerSecond();
  }
}
