package io.edgetimedb.sql.system;

import io.edgetimedb.engine.Database;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A read-only table computed from the engine's state each time it is scanned. Subclasses declare
 * their columns and produce their rows; TIMESTAMP values are epoch milliseconds. Only types a
 * remote client can receive: Avatica's frames carry no MAP (nor any other Java collection).
 */
abstract class SystemTable extends AbstractTable implements ScannableTable {
  protected final Database db;
  private final List<String> names = new ArrayList<>();
  private final List<SqlTypeName> types = new ArrayList<>();

  SystemTable(Database db) {
    this.db = db;
  }

  /** Declares the next column; subclasses call it in their constructor. */
  protected final void column(String name, SqlTypeName type) {
    names.add(name);
    types.add(type);
  }

  /** The rows now, each in column order. */
  protected abstract List<Object[]> rows();

  @Override
  public final RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (int i = 0; i < names.size(); i++) {
      RelDataType type = switch (types.get(i)) {
        case TIMESTAMP -> typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 3);
        default -> typeFactory.createSqlType(types.get(i));
      };
      builder.add(names.get(i), typeFactory.createTypeWithNullability(type, true));
    }
    return builder.build();
  }

  @Override
  public final Enumerable<Object[]> scan(DataContext root) {
    return Linq4j.asEnumerable(rows());
  }
}
