package io.edgetimedb.sql.table;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.read.ReadRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;

/**
 * Executes "the newest (or oldest) row of each group of series": {@code ROW_NUMBER() OVER
 * (PARTITION BY tag... ORDER BY ts DESC) = 1}. The engine hands over one row per series from
 * the right end (the newest from the values its write path keeps, without reading chunks); of
 * the series that share the partition's tag values, the row with the latest (earliest) time
 * wins, the lowest series id on a tie. Every series is one row here, against every row of every
 * series for a window over a scan.
 */
public final class NewestRowsReader implements RowsReader {
  private final Database db;
  private final ScanSpec spec;
  private final int[] partitionOutputs;
  private final boolean newest;

  /**
   * @param spec the scan: its columns, tags and time range; its order and limit are not used
   * @param partitionOutputs output positions of the tag columns the rows are grouped by
   * @param newest the newest row of each group, else the oldest
   */
  public NewestRowsReader(Database db, ScanSpec spec, List<Integer> partitionOutputs, boolean newest) {
    this.db = db;
    this.spec = spec;
    this.partitionOutputs = partitionOutputs.stream().mapToInt(Integer::intValue).toArray();
    this.newest = newest;
  }

  /** One row per group. */
  @Override
  public Enumerable<Object[]> rows(DataContext root) {
    long[] range = spec.time().resolve(root);
    if (range == null) {
      return Linq4j.emptyEnumerable();
    }
    RowLayout layout = RowLayout.of(spec);
    ReadRequest request = MeasurementReader.request(spec, layout, range, root).descending(newest).limitPerSeries(1);
    Map<List<Object>, Winner> winners = new LinkedHashMap<>();
    try (CursorEnumerator rowsOfSeries = new CursorEnumerator(db.read(request), layout, -1)) {
      while (rowsOfSeries.moveNext()) {
        Winner candidate = new Winner(rowsOfSeries.timestamp(), rowsOfSeries.current());
        winners.merge(groupOf(candidate.row()), candidate, this::preferred);
      }
    }
    return Linq4j.asEnumerable(winners.values().stream().map(Winner::row).toList());
  }

  /** The series row that represents its group so far. */
  private record Winner(long ts, Object[] row) {}

  /** The newer (older) of two rows; the one met first, of the lower series id, on a tie. */
  private Winner preferred(Winner held, Winner candidate) {
    return (newest ? candidate.ts() > held.ts() : candidate.ts() < held.ts()) ? candidate : held;
  }

  /** The partition's tag values; a series without a tag is in the group of NULL. */
  private List<Object> groupOf(Object[] row) {
    Object[] key = new Object[partitionOutputs.length];
    for (int i = 0; i < key.length; i++) {
      key[i] = row[partitionOutputs[i]];
    }
    return Arrays.asList(key);
  }
}
