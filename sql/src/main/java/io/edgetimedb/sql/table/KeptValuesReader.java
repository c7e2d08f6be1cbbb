package io.edgetimedb.sql.table;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;

/**
 * Executes a scan answered from the values each series keeps on its write path ({@link
 * LatestReader}, {@link NewestRowsReader}): generated code calls {@link #rows} once per execution.
 */
public interface KeptValuesReader {
  /** The rows, as arrays in the order of the scan's projection. */
  Enumerable<Object[]> rows(DataContext root);
}
