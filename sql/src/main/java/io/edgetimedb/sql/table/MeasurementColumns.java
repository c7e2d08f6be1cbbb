package io.edgetimedb.sql.table;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.FieldInfo;
import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.schema.NameRules;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The columns of a measurement table as of one moment: {@code ts}, then the tags (sorted), then
 * the fields in the order they appeared. A statement works with the snapshot taken when it was
 * planned; the next statement takes a new one and so sees columns added since.
 */
public record MeasurementColumns(String measurement, List<Column> columns) {
  public MeasurementColumns {
    columns = List.copyOf(columns);
  }

  /** The measurement's columns now. */
  public static MeasurementColumns of(Database db, String measurement) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column(NameRules.TIME_COLUMN, ColumnKind.TIME, null));
    for (String tag : db.tagKeys(measurement)) {
      columns.add(new Column(tag, ColumnKind.TAG, null));
    }
    for (FieldInfo field : db.fields(measurement)) {
      columns.add(new Column(field.name(), ColumnKind.FIELD, field.type()));
    }
    return new MeasurementColumns(measurement, columns);
  }

  public Column get(int index) {
    return columns.get(index);
  }

  public int size() {
    return columns.size();
  }

  /** The index of the column with exactly this name, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** {@code ts TIMESTAMP NOT NULL}, tags VARCHAR, fields by type; all but {@code ts} nullable. */
  public RelDataType rowType(RelDataTypeFactory types) {
    RelDataTypeFactory.Builder builder = types.builder();
    for (Column c : columns) {
      RelDataType type = switch (c.kind()) {
        case TIME -> types.createSqlType(SqlTypeName.TIMESTAMP, 3);
        case TAG -> types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR), true);
        case FIELD -> types.createTypeWithNullability(types.createSqlType(sqlType(c.type())), true);
      };
      builder.add(c.name(), type);
    }
    return builder.build();
  }

  /** The SQL type of a field type. */
  public static SqlTypeName sqlType(FieldType type) {
    return switch (type) {
      case DOUBLE -> SqlTypeName.DOUBLE;
      case BIGINT -> SqlTypeName.BIGINT;
      case BOOLEAN -> SqlTypeName.BOOLEAN;
      case VARCHAR -> SqlTypeName.VARCHAR;
      case VARBINARY -> SqlTypeName.VARBINARY;
    };
  }
}
