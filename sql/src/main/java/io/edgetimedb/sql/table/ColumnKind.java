package io.edgetimedb.sql.table;

/** Where a column of a measurement table comes from in the engine. */
public enum ColumnKind {
  /** The time column {@code ts}. */
  TIME,
  /** A tag: identifies the series. */
  TAG,
  /** A field: a value column. */
  FIELD
}
