package io.edgetimedb.sql.limit;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.EngineSettings;
import io.edgetimedb.sql.EdgeSchemas;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.DataContext;

/**
 * One execution of a query, as its guards ({@link EnumerableQueryGuard}) see it: when it must
 * stop (its statement's timeout, else {@code query.timeout}), whether it was cancelled, and the
 * rows its sorts, joins and set operations hold, against {@code query.max-rows-held}.
 *
 * <p>Calcite makes one {@link DataContext} per execution and hands it to every operator, so the
 * run is found by it; plans are cached and shared between connections, so nothing per run can
 * live in the plan. Runs are kept weakly: one ends when its context is no longer referenced.
 */
final class QueryRun {
  private static final Map<DataContext, QueryRun> RUNS = Collections.synchronizedMap(new WeakHashMap<>());

  private final AtomicBoolean cancelled;
  private final long timeoutMillis;
  private final boolean serverTimeout;
  private final long deadlineNanos;
  private final long maxRowsHeld;
  private final AtomicLong rowsHeld = new AtomicLong();

  private QueryRun(AtomicBoolean cancelled, long timeoutMillis, boolean serverTimeout, long maxRowsHeld) {
    this.cancelled = cancelled;
    this.timeoutMillis = timeoutMillis;
    this.serverTimeout = serverTimeout;
    this.deadlineNanos = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000L : Long.MAX_VALUE;
    this.maxRowsHeld = maxRowsHeld;
  }

  /** The run of the execution {@code root} belongs to, started by the first guard that asks. */
  static QueryRun of(DataContext root) {
    return RUNS.computeIfAbsent(root, QueryRun::start);
  }

  private static QueryRun start(DataContext root) {
    Object flag = root.get(DataContext.Variable.CANCEL_FLAG.camelName);
    AtomicBoolean cancelled = flag instanceof AtomicBoolean f ? f : new AtomicBoolean();
    Object own = root.get(DataContext.Variable.TIMEOUT.camelName);
    Database db = root.getRootSchema() == null ? null : EdgeSchemas.database(root.getRootSchema());
    long maxRows = db == null ? Long.MAX_VALUE : db.settings().longValue(EngineSettings.QUERY_MAX_ROWS_HELD);
    if (own instanceof Long millis && millis > 0) {
      return new QueryRun(cancelled, millis, false, maxRows);
    }
    long serverMillis = db == null ? 0 : db.settings().longValue(EngineSettings.QUERY_TIMEOUT);
    return new QueryRun(cancelled, serverMillis, true, maxRows);
  }

  /** Throws once the query was cancelled or its time is up. */
  void check() {
    if (cancelled.get()) {
      throw new QueryCancelledException("query cancelled");
    }
    if (System.nanoTime() > deadlineNanos) {
      throw new QueryCancelledException("query timed out after " + seconds(timeoutMillis) + " s"
          + (serverTimeout ? " (" + EngineSettings.QUERY_TIMEOUT + ")" : ""));
    }
  }

  /** Counts one more row held by an operator of the query; throws past the limit. */
  void hold() {
    if (rowsHeld.incrementAndGet() > maxRowsHeld) {
      throw new QueryMemoryExceededException("the query would hold more than " + maxRowsHeld + " rows in memory ("
          + EngineSettings.QUERY_MAX_ROWS_HELD + ") in its sorts, joins and set operations; narrow it with "
          + "WHERE or LIMIT, or raise the setting");
    }
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
  }
}
