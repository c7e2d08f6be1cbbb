package io.edgetimedb.sql.limit;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.EngineSettings;
import io.edgetimedb.sql.EdgeSchemas;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.apache.calcite.DataContext;

/**
 * One execution of a query, as its guards ({@link EnumerableQueryGuard}) see it: when it must
 * stop (its statement's timeout, else {@code query.timeout}), whether it was cancelled, and the
 * rows its sorts, joins and set operations hold, against {@code query.max-rows-held}.
 *
 * <p>While writes arrive, a run gives way to ingestion: after each slice of work it pauses long
 * enough to stay within {@code query.cpu-percent-while-ingesting} of one core. Thread priorities
 * would say the same more cheaply, but the JVM ignores them on Linux unless run as root with
 * {@code -XX:ThreadPriorityPolicy=1}; pausing works everywhere and costs an idle box nothing.
 *
 * <p>Calcite makes one {@link DataContext} per execution and hands it to every operator, so the
 * run is found by it; plans are cached and shared between connections, so nothing per run can
 * live in the plan. Runs are kept weakly: one ends when its context is no longer referenced.
 */
final class QueryRun {
  /** Work between two looks at ingestion: short enough that writers wait little behind a query. */
  private static final long SLICE_NANOS = 10_000_000L;
  private static final LongAdder PAUSES = new LongAdder();
  private static final Map<DataContext, QueryRun> RUNS = Collections.synchronizedMap(new WeakHashMap<>());

  private final AtomicBoolean cancelled;
  private final long timeoutMillis;
  private final boolean serverTimeout;
  private final long deadlineNanos;
  private final long maxRowsHeld;
  private final AtomicLong rowsHeld = new AtomicLong();
  private final Database db;
  private final int cpuPercent;
  private long sliceStartNanos = System.nanoTime();

  private QueryRun(AtomicBoolean cancelled, long timeoutMillis, boolean serverTimeout, long maxRowsHeld, Database db) {
    this.cancelled = cancelled;
    this.db = db;
    this.cpuPercent = db == null ? 100 : (int) db.settings().longValue(EngineSettings.QUERY_CPU_PERCENT);
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
      return new QueryRun(cancelled, millis, false, maxRows, db);
    }
    long serverMillis = db == null ? 0 : db.settings().longValue(EngineSettings.QUERY_TIMEOUT);
    return new QueryRun(cancelled, serverMillis, true, maxRows, db);
  }

  /** Throws once the query was cancelled or its time is up; gives way to ingestion between slices. */
  void check() {
    if (cancelled.get()) {
      throw new QueryCancelledException("query cancelled");
    }
    long now = System.nanoTime();
    if (now > deadlineNanos) {
      throw new QueryCancelledException("query timed out after " + seconds(timeoutMillis) + " s"
          + (serverTimeout ? " (" + EngineSettings.QUERY_TIMEOUT + ")" : ""));
    }
    if (now - sliceStartNanos >= SLICE_NANOS) {
      giveWayToIngestion(now);
    }
  }

  /**
   * After a slice of work, pauses for as long as keeps the run within its share of a core, if a
   * write came in during the slice; a cancel during the pause is seen at the next check.
   */
  private void giveWayToIngestion(long now) {
    long worked = now - sliceStartNanos;
    if (cpuPercent < 100 && now - db.lastWriteNanos() < worked) {
      LockSupport.parkNanos(worked * (100 - cpuPercent) / cpuPercent);
      PAUSES.increment();
    }
    sliceStartNanos = System.nanoTime();
  }

  /** Pauses queries made to give way to ingestion since the JVM started (for tests and metrics). */
  static long pauses() {
    return PAUSES.sum();
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
