package io.edgetimedb.sql.table;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.index.TagPredicate;
import io.edgetimedb.engine.read.LatestRow;
import io.edgetimedb.engine.schema.FieldType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;

/**
 * Executes a scan that only has to feed {@code last(field, ts)}: instead of every row it yields,
 * for each selected series and each such field, the one row holding the field's newest value,
 * with the other fields NULL. ARG_MAX skips rows whose value is NULL, so over these rows it gives
 * what it gives over all of them, and series come in the same id order as a full scan, so even
 * ties between series resolve the same way.
 */
public final class LatestReader implements RowsReader {
  private final Database db;
  private final ScanSpec spec;
  private final List<Integer> lastFields;

  /** {@code lastFields} are output positions of the spec's FIELD columns whose last value is wanted. */
  public LatestReader(Database db, ScanSpec spec, List<Integer> lastFields) {
    this.db = db;
    this.spec = spec;
    this.lastFields = List.copyOf(lastFields);
  }

  @Override
  public Enumerable<Object[]> rows(DataContext root) {
    TagPredicate where = spec.tags() == null ? TagPredicate.all() : spec.tags().resolve(root);
    List<String> names = new ArrayList<>();
    for (int output : lastFields) {
      names.add(spec.output(output).name());
    }
    List<Object[]> rows = new ArrayList<>();
    for (LatestRow latest : db.latest(spec.columns().measurement(), where, names)) {
      for (int i = 0; i < lastFields.size(); i++) {
        if (latest.hasValue(i)) {
          rows.add(row(latest, i));
        }
      }
    }
    return Linq4j.asEnumerable(rows);
  }

  private Object[] row(LatestRow latest, int field) {
    Object[] row = new Object[spec.projection().size()];
    for (int i = 0; i < row.length; i++) {
      Column column = spec.output(i);
      row[i] = switch (column.kind()) {
        case TIME -> latest.timestamp(field);
        case TAG -> latest.tags().get(column.name());
        case FIELD -> i == lastFields.get(field) ? planned(latest.value(field), column) : null;
      };
    }
    return row;
  }

  /**
   * The value in the type the statement was planned with; as for a scan, a field widened to
   * VARCHAR since then is rendered, other changes need the statement prepared again.
   */
  private static Object planned(Object value, Column column) {
    FieldType declared = column.type();
    if (declared == FieldType.VARBINARY && value instanceof byte[] bytes) {
      return new ByteString(bytes);
    }
    if (declared == FieldType.VARCHAR || declared == typeOf(value)) {
      return declared == FieldType.VARCHAR ? value.toString() : value;
    }
    throw new IllegalStateException("field '" + column.name() + "' changed type from " + declared + " to "
        + typeOf(value) + " after the statement was prepared; prepare it again");
  }

  private static FieldType typeOf(Object value) {
    if (value instanceof Double) {
      return FieldType.DOUBLE;
    }
    if (value instanceof Long) {
      return FieldType.BIGINT;
    }
    return value instanceof Boolean ? FieldType.BOOLEAN : FieldType.VARCHAR;
  }
}
