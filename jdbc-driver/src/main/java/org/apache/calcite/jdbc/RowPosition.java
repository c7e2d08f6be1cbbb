package org.apache.calcite.jdbc;

/** Where a result set's cursor stands; columns can be read only {@link #ON_ROW}. */
enum RowPosition {
  BEFORE_FIRST,
  ON_ROW,
  AFTER_LAST
}
