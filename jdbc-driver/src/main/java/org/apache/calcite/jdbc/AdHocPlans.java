package org.apache.calcite.jdbc;

import io.edgetimedb.sql.cache.PlanCache;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The plans of the ad-hoc queries of one open database, shared by all its connections (BI tools
 * and the remote server open many). A plan is kept without the connection that made it: each
 * run gets a copy bound to the running connection's root schema, so it reads that connection's
 * tables and session and keeps working after the planning connection closed. The cached
 * signature still refers to the planning connection's root schema (Calcite keeps its generated
 * code private to it), but nothing runs against that schema; the objects the code itself holds
 * (scan specs and the database) belong to the database, whose close drops the cache.
 */
public final class AdHocPlans {
  /** Plans kept per database; a plan is a few tens of kB of generated code. */
  public static final int CAPACITY = 256;

  /** A normalised text that does not plan is remembered as empty, so it is not tried again. */
  private final PlanCache<Optional<CalcitePrepare.CalciteSignature<Object>>> plans = new PlanCache<>(CAPACITY);

  /** The plan of the key, made by {@code planner} on a miss; empty when the text does not plan. */
  Optional<CalcitePrepare.CalciteSignature<Object>> plan(PlanCache.Key key,
      Supplier<CalcitePrepare.CalciteSignature<Object>> planner) {
    return plans.plan(key, () -> {
      try {
        return Optional.of(planner.get());
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    });
  }

  /**
   * The plan as the running connection's: its DataContext (parameters, time zone, user, tables)
   * is built from this root schema. The limit of rows stays applied by the cached plan.
   */
  static CalcitePrepare.CalciteSignature<Object> boundTo(CalcitePrepare.CalciteSignature<Object> plan,
      CalciteSchema rootSchema) {
    return new CalcitePrepare.CalciteSignature<>(plan.sql, plan.parameters, plan.internalParameters, plan.rowType,
        plan.columns, plan.cursorFactory, rootSchema, plan.getCollationList(), -1, plan::enumerable,
        plan.statementType);
  }

  /** How many plans were made, the misses (including texts that did not plan). */
  public long plansMade() {
    return plans.plansMade();
  }
}
