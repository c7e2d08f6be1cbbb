package io.edgetimedb.sql.table;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.write.WriteResult;
import io.edgetimedb.sql.write.BadValueException;
import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import org.apache.calcite.avatica.util.ByteString;

/**
 * The collection Calcite's INSERT plan adds rows to: rows collect in one {@link PointBatch} and
 * reach the engine in a single write. Calcite reads {@link #size()} before and after adding the
 * rows and reports the difference as the update count; the second call is where the batch is
 * written, so size() flushes first. Refused rows fail the statement with their indexes; every
 * other row of the statement is written (see docs/sql-dialect.md, "Writing").
 */
public final class PointWriter extends AbstractCollection<Object[]> {
  private final Database db;
  private final MeasurementColumns columns;
  private final PointBatch batch;
  private long written;

  /** @param source who writes ({@code jdbc:<user>}), for the schema history and {@code sys.sources} */
  public PointWriter(Database db, MeasurementColumns columns, String source) {
    this.db = db;
    this.columns = columns;
    this.batch = new PointBatch().source(source);
  }

  /**
   * Adds a row in table column order: ts millis, tags, fields in their Calcite representation.
   * Every INSERT comes through here, so here the engine's "no timestamp" instant is refused: the
   * engine would give the row the time it arrived.
   */
  @Override
  public boolean add(Object[] row) {
    long ts = (Long) row[0];
    String reserved = PointBatch.reservedTimestampProblem(ts);
    if (reserved != null) {
      throw new BadValueException("timestamp " + ts + " for column 'ts' " + reserved, "22008");
    }
    batch.point(columns.measurement(), ts);
    for (int i = 1; i < row.length; i++) {
      Object v = row[i];
      if (v != null) {
        addColumn(columns.get(i), v);
      }
    }
    return true;
  }

  private void addColumn(Column column, Object v) {
    if (column.kind() == ColumnKind.TAG) {
      batch.tag(column.name(), (String) v);
      return;
    }
    switch (column.type()) {
      case DOUBLE -> batch.field(column.name(), ((Number) v).doubleValue());
      case BIGINT -> batch.field(column.name(), ((Number) v).longValue());
      case BOOLEAN -> batch.field(column.name(), (Boolean) v);
      case VARCHAR -> batch.field(column.name(), (String) v);
      case VARBINARY -> batch.field(column.name(), ((ByteString) v).getBytes());
    }
  }

  /** Rows written so far, after writing the pending ones. */
  @Override
  public int size() {
    if (batch.size() > 0) {
      WriteResult result = db.write(batch);
      batch.clear();
      written += result.accepted();
      if (!result.allAccepted()) {
        throw new RowsRefusedException(result);
      }
    }
    return (int) Math.min(written, Integer.MAX_VALUE);
  }

  /** Calcite's fallback for a DELETE whose condition the engine cannot evaluate by series and time. */
  @Override
  public boolean removeAll(Collection<?> rows) {
    throw new UnsupportedDeleteException();
  }

  @Override
  public Iterator<Object[]> iterator() {
    throw new UnsupportedOperationException("a measurement is read with SELECT, not through its writer");
  }
}
