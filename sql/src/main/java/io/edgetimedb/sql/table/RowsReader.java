package io.edgetimedb.sql.table;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;

/**
 * Executes a scan of a measurement ({@link MeasurementReader}, and the scans answered from the
 * values each series keeps: {@link LatestReader}, {@link NewestRowsReader}); generated code calls
 * it once per execution, so parameters and the clock are read then.
 */
public interface RowsReader {
  /** The rows, as arrays in the order of the scan's projection. */
  Enumerable<Object[]> rows(DataContext root);

  /**
   * The rows of a one-column scan as plain values: Calcite's operators above a scan (a LIMIT
   * with OFFSET, for one) expect a single column unwrapped.
   */
  default Enumerable<Object> firstColumn(DataContext root) {
    return rows(root).select(row -> row[0]);
  }
}
