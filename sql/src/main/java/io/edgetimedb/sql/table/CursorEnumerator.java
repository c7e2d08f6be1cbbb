package io.edgetimedb.sql.table;

import io.edgetimedb.engine.read.PointCursor;
import org.apache.calcite.linq4j.Enumerator;

/** Rows of an engine cursor as a Calcite enumerator, stopping after a limit. */
final class CursorEnumerator implements Enumerator<Object[]> {
  private final PointCursor cursor;
  private final RowLayout layout;
  private final long limit;
  private long returned;
  private Object[] current;

  /** {@code limit} negative means no limit. */
  CursorEnumerator(PointCursor cursor, RowLayout layout, long limit) {
    this.cursor = cursor;
    this.layout = layout;
    this.limit = limit;
  }

  @Override
  public boolean moveNext() {
    if ((limit >= 0 && returned >= limit) || !cursor.next()) {
      current = null;
      return false;
    }
    returned++;
    current = layout.row(cursor);
    return true;
  }

  @Override
  public Object[] current() {
    return current;
  }

  long timestamp() {
    return cursor.timestamp();
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("an engine cursor reads forward only");
  }

  @Override
  public void close() {
    cursor.close();
  }
}
