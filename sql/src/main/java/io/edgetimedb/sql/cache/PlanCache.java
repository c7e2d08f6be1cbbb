package io.edgetimedb.sql.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The plans of ad-hoc queries, by {@link Key}, least recently used first out once full. A plan
 * made under an older schema version is never returned, because the statement may resolve
 * differently now (a new column behind {@code *}, a widened field type); such entries age out.
 *
 * <p>One cache serves every connection of a database, from any thread. The lock guards only
 * the map: planning, which takes milliseconds, runs outside it, so a lookup never waits for
 * another statement's planning. Two threads missing the same key both plan; the first plan
 * stored is kept and returned to both.
 *
 * @param <P> the plan
 */
public final class PlanCache<P> {
  private final Map<Key, P> plans;
  private final AtomicLong plansMade = new AtomicLong();

  /**
   * What makes two statements share a plan.
   *
   * @param schemaVersion the database's schema version when planned
   * @param settings what of the connection can change a plan's meaning (its properties, its
   *     current schema), as one string
   * @param sql the normalised text
   * @param maxRows the statement's row limit, which Calcite builds into the plan
   */
  public record Key(long schemaVersion, String settings, String sql, long maxRows) {}

  public PlanCache(int capacity) {
    this.plans = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, P> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The cached plan for the key, or the one {@code planner} makes now, which is then cached. */
  public P plan(Key key, Supplier<P> planner) {
    P cached = cached(key);
    if (cached != null) {
      return cached;
    }
    P made = planner.get();
    plansMade.incrementAndGet();
    synchronized (plans) {
      P first = plans.putIfAbsent(key, made);
      return first == null ? made : first;
    }
  }

  private P cached(Key key) {
    synchronized (plans) {
      return plans.get(key);
    }
  }

  /** How many plans this cache had to make: the misses. */
  public long plansMade() {
    return plansMade.get();
  }

  public int size() {
    synchronized (plans) {
      return plans.size();
    }
  }
}
