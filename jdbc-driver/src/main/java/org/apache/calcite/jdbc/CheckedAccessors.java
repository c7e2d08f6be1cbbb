package org.apache.calcite.jdbc;

import java.sql.SQLException;
import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.avatica.util.Cursor;

/**
 * A result set's column accessors, handed out only for an existing column while the cursor is on
 * a row. Avatica fetches an accessor for every column read and turns only an
 * IndexOutOfBoundsException into its own (state-less) error, so a SQLException thrown from
 * {@link #get} reaches the caller unchanged: 07009 (invalid descriptor index) for an ordinal out
 * of range, 24000 (invalid cursor state) without a current row. {@code List.get} cannot declare
 * a checked exception, hence the rethrow below.
 */
final class CheckedAccessors extends AbstractList<Cursor.Accessor> {
  static final String INVALID_DESCRIPTOR_INDEX = "07009";
  static final String INVALID_CURSOR_STATE = "24000";

  private final List<Cursor.Accessor> accessors;
  private final Supplier<RowPosition> position;

  CheckedAccessors(List<Cursor.Accessor> accessors, Supplier<RowPosition> position) {
    this.accessors = accessors;
    this.position = position;
  }

  @Override
  public Cursor.Accessor get(int index) {
    if (index < 0 || index >= accessors.size()) {
      throw rethrown(new SQLException("column " + (index + 1) + " does not exist: the result has "
          + accessors.size() + " columns", INVALID_DESCRIPTOR_INDEX));
    }
    RowPosition where = position.get();
    if (where != RowPosition.ON_ROW) {
      throw rethrown(new SQLException(where == RowPosition.BEFORE_FIRST
          ? "no current row: call next() before reading a column"
          : "no current row: the cursor is after the last row", INVALID_CURSOR_STATE));
    }
    return accessors.get(index);
  }

  @Override
  public int size() {
    return accessors.size();
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException rethrown(Throwable e) throws E {
    throw (E) e;
  }
}
