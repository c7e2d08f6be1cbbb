package io.edgetimedb.sql.cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The plans of ad-hoc queries, by (schema version, normalised text, literal kinds, row limit),
 * least recently used first out once full. A plan made under an older schema version is never
 * returned, because the statement may resolve differently now (a new column behind {@code *},
 * a widened field type); such entries age out. One cache serves one connection; a connection
 * used from several threads plans one statement at a time through it.
 *
 * @param <P> the plan
 */
public final class PlanCache<P> {
  private final Map<Key, P> plans;
  private long plansMade;

  /** What makes two statements share a plan. */
  private record Key(long schemaVersion, String sql, List<Literal.Kind> kinds, long maxRows) {}

  public PlanCache(int capacity) {
    this.plans = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, P> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The cached plan of the query, or the one {@code planner} makes, which is then cached. */
  public synchronized P plan(long schemaVersion, NormalisedQuery query, long maxRows, Supplier<P> planner) {
    Key key = new Key(schemaVersion, query.sql(), query.kinds(), maxRows);
    P plan = plans.get(key);
    if (plan == null) {
      plan = planner.get();
      plansMade++;
      plans.put(key, plan);
    }
    return plan;
  }

  /** How many plans this cache had to make: the misses. */
  public synchronized long plansMade() {
    return plansMade;
  }

  public synchronized int size() {
    return plans.size();
  }
}
