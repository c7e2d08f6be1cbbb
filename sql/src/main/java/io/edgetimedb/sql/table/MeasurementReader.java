package io.edgetimedb.sql.table;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.index.TagPredicate;
import io.edgetimedb.engine.read.ReadRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * Executes a {@link ScanSpec} against the engine. Generated code calls {@link #rows} once per
 * execution, so parameter values are read then and a prepared plan is reused as it is.
 */
public final class MeasurementReader implements RowsReader {
  private final Database db;
  private final ScanSpec spec;

  public MeasurementReader(Database db, ScanSpec spec) {
    this.db = db;
    this.spec = spec;
  }

  @Override
  public Enumerable<Object[]> rows(DataContext root) {
    long[] range = spec.time().resolve(root);
    long limit = limit(root);
    if (range == null || limit == 0) {
      return Linq4j.emptyEnumerable();
    }
    RowLayout layout = RowLayout.of(spec);
    ReadRequest request = request(spec, layout, range, root);
    if (spec.order() == ScanSpec.Order.SERIES) {
      return streaming(request, layout, limit);
    }
    return latest(request, layout, limit);
  }

  /** The engine read of the spec's series, columns and resolved time range, in series order. */
  static ReadRequest request(ScanSpec spec, RowLayout layout, long[] range, DataContext root) {
    TagPredicate where = spec.tags() == null ? TagPredicate.all() : spec.tags().resolve(root);
    return ReadRequest.of(spec.columns().measurement()).where(where).fields(layout.fieldNames())
        .tagKeys(layout.tagKeys()).timeRange(range[0], range[1]);
  }

  private long limit(DataContext root) {
    if (spec.limit() == null) {
      return -1;
    }
    Object v = spec.limit().value(root);
    if (!(v instanceof Number n) || n.longValue() < 0) {
      throw new IllegalArgumentException("LIMIT must be a non-negative integer, was " + v);
    }
    return n.longValue();
  }

  /** Rows as the engine yields them; nothing is held beyond the current chunk. */
  private Enumerable<Object[]> streaming(ReadRequest request, RowLayout layout, long limit) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new CursorEnumerator(db.read(request), layout, limit);
      }
    };
  }

  /**
   * ORDER BY ts [DESC] LIMIT n: the engine returns at most n rows of each series, each series
   * already in the wanted order, so the answer is the first n of the merged few.
   */
  private Enumerable<Object[]> latest(ReadRequest request, RowLayout layout, long limit) {
    boolean descending = spec.order() == ScanSpec.Order.DESCENDING;
    List<long[]> keys = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    try (CursorEnumerator rowsOfSeries =
        new CursorEnumerator(db.read(request.descending(descending).limitPerSeries(limit)), layout, -1)) {
      while (rowsOfSeries.moveNext()) {
        keys.add(new long[] {rowsOfSeries.timestamp(), rows.size()});
        rows.add(rowsOfSeries.current());
      }
    }
    Comparator<long[]> byTime = Comparator.comparingLong(k -> k[0]);
    keys.sort(descending ? byTime.reversed() : byTime);
    List<Object[]> out = new ArrayList<>();
    for (int i = 0; i < keys.size() && (limit < 0 || i < limit); i++) {
      out.add(rows.get((int) keys.get(i)[1]));
    }
    return Linq4j.asEnumerable(out);
  }
}
