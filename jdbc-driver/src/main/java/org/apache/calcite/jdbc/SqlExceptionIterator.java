package org.apache.calcite.jdbc;

import java.sql.SQLException;
import java.util.Iterator;
import java.util.function.Function;

/**
 * An iterator over result rows whose runtime failures surface as {@link SQLException}s. The
 * caller, Avatica's ResultSet.next(), declares SQLException but does not convert what the
 * iterator throws, so the checked exception is thrown without being declared here.
 */
final class SqlExceptionIterator implements Iterator<Object> {
  private final Iterator<Object> rows;
  private final Function<RuntimeException, SQLException> translation;

  SqlExceptionIterator(Iterator<Object> rows, Function<RuntimeException, SQLException> translation) {
    this.rows = rows;
    this.translation = translation;
  }

  @Override
  public boolean hasNext() {
    try {
      return rows.hasNext();
    } catch (RuntimeException e) {
      throw SqlExceptionIterator.<RuntimeException>undeclared(translation.apply(e));
    }
  }

  @Override
  public Object next() {
    try {
      return rows.next();
    } catch (RuntimeException e) {
      throw SqlExceptionIterator.<RuntimeException>undeclared(translation.apply(e));
    }
  }

  /** Throws a checked exception past the compiler's check: generics are erased at run time. */
  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T undeclared(Throwable e) throws T {
    throw (T) e;
  }
}
