package io.edgetimedb.sql.limit;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * The rows passing a guard, as the generated code of {@link EnumerableQueryGuard} calls them: every
 * {@value #CHECK_EVERY} rows (and at the first) the run is checked for a cancel or its deadline,
 * and rows going into an operator that holds them are counted against the run's limit.
 */
public final class GuardedRows {
  /** A cancel or timeout is seen within this many rows: a few microseconds of work. */
  private static final int CHECK_EVERY = 256;

  private GuardedRows() {}

  /** Rows checked for a cancel or timeout. */
  public static <T> Enumerable<T> watched(Enumerable<T> rows, DataContext root) {
    return guarded(rows, root, false);
  }

  /** Rows checked and counted: they go into a sort, a join's inner side, a window or a set operation. */
  public static <T> Enumerable<T> held(Enumerable<T> rows, DataContext root) {
    return guarded(rows, root, true);
  }

  private static <T> Enumerable<T> guarded(Enumerable<T> rows, DataContext root, boolean held) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<T> enumerator() {
        QueryRun run = QueryRun.of(root);
        run.check();
        return new Guarded<>(rows.enumerator(), run, held);
      }
    };
  }

  private static final class Guarded<T> implements Enumerator<T> {
    private final Enumerator<T> rows;
    private final QueryRun run;
    private final boolean held;
    private int untilCheck;

    Guarded(Enumerator<T> rows, QueryRun run, boolean held) {
      this.rows = rows;
      this.run = run;
      this.held = held;
    }

    @Override
    public T current() {
      return rows.current();
    }

    @Override
    public boolean moveNext() {
      if (--untilCheck < 0) {
        run.check();
        untilCheck = CHECK_EVERY;
      }
      boolean more = rows.moveNext();
      if (more && held) {
        run.hold();
      }
      return more;
    }

    @Override
    public void reset() {
      rows.reset();
    }

    @Override
    public void close() {
      rows.close();
    }
  }
}
