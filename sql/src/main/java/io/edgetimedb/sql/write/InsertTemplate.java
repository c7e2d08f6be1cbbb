package io.edgetimedb.sql.write;

import io.edgetimedb.engine.Database;
import io.edgetimedb.sql.ddl.UnknownNameException;
import io.edgetimedb.sql.table.Column;
import io.edgetimedb.sql.table.ColumnKind;
import io.edgetimedb.sql.table.MeasurementColumns;
import io.edgetimedb.sql.table.PointWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.util.TimestampString;

/**
 * An {@code INSERT INTO m [(columns)] VALUES (...), ...} whose values are all literals or
 * parameters: written straight into one engine batch, without planning per statement or
 * executing a plan per row. PreparedStatement batches and multi-row VALUES take this path;
 * anything else (expressions, INSERT ... SELECT) goes through Calcite's plan.
 */
public final class InsertTemplate {
  /** Marks a value that is an expression rather than a literal. */
  private static final Object NOT_A_LITERAL = new Object();

  /** Where a value comes from: a literal (already converted) or a parameter index. */
  private record Source(Object literal, int parameter) {}

  private final Database db;
  private final MeasurementColumns table;
  private final int[] columns;
  private final List<Source[]> rows;
  private final int parameterCount;
  private final String source;

  private InsertTemplate(Database db, MeasurementColumns table, int[] columns, List<Source[]> rows,
      int parameterCount, String source) {
    this.db = db;
    this.source = source;
    this.table = table;
    this.columns = columns;
    this.rows = rows;
    this.parameterCount = parameterCount;
  }

  /**
   * The template of a parsed statement, or empty when it is not a plain INSERT ... VALUES.
   *
   * @param source who writes ({@code jdbc:<user>}), for the schema history and {@code sys.sources}
   */
  public static Optional<InsertTemplate> of(Database db, SqlNode statement, String source) {
    if (!(statement instanceof SqlInsert insert) || !(insert.getTargetTable() instanceof SqlIdentifier target)
        || insert.getSource().getKind() != SqlKind.VALUES) {
      return Optional.empty();
    }
    String measurement = target.names.get(target.names.size() - 1);
    if (!db.measurements().contains(measurement)) {
      throw UnknownNameException.measurement(measurement);
    }
    MeasurementColumns table = MeasurementColumns.of(db, measurement);
    int[] columns = targetColumns(insert, table);
    List<Source[]> rows = new ArrayList<>();
    int[] parameters = {0};
    for (SqlNode row : ((SqlBasicCall) insert.getSource()).getOperandList()) {
      Source[] sources = sources((SqlBasicCall) row, table, columns, rows.size(), parameters);
      if (sources == null) {
        return Optional.empty();
      }
      rows.add(sources);
    }
    return Optional.of(new InsertTemplate(db, table, columns, rows, parameters[0], source));
  }

  private static int[] targetColumns(SqlInsert insert, MeasurementColumns table) {
    if (insert.getTargetColumnList() == null) {
      int[] all = new int[table.size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    List<SqlNode> names = insert.getTargetColumnList().getList();
    int[] columns = new int[names.size()];
    boolean time = false;
    for (int i = 0; i < columns.length; i++) {
      String name = ((SqlIdentifier) names.get(i)).getSimple();
      columns[i] = table.indexOf(name);
      if (columns[i] < 0) {
        throw UnknownNameException.column(name, table.measurement());
      }
      time |= table.get(columns[i]).kind() == ColumnKind.TIME;
    }
    if (!time) {
      throw new BadValueException("INSERT INTO " + table.measurement() + " needs a value for column 'ts'", "23502");
    }
    return columns;
  }

  /** The value sources of one VALUES row, or null when a value is an expression. */
  private static Source[] sources(SqlBasicCall row, MeasurementColumns table, int[] columns, int rowIndex,
      int[] parameters) {
    if (row.operandCount() != columns.length) {
      throw new BadValueException("row " + rowIndex + " has " + row.operandCount() + " values for "
          + columns.length + " columns", "21S01");
    }
    Source[] sources = new Source[columns.length];
    for (int i = 0; i < columns.length; i++) {
      SqlNode value = row.operand(i);
      if (value instanceof SqlDynamicParam param) {
        sources[i] = new Source(null, param.getIndex());
        parameters[0] = Math.max(parameters[0], param.getIndex() + 1);
      } else if (literal(value) != NOT_A_LITERAL) {
        sources[i] = new Source(ColumnValues.convert(table.get(columns[i]), literal(value), rowIndex), -1);
      } else {
        return null;
      }
    }
    return sources;
  }

  /** The Java value of a literal (a negated number counts), or NOT_A_LITERAL. */
  private static Object literal(SqlNode node) {
    if (node instanceof SqlBasicCall call && call.getKind() == SqlKind.MINUS_PREFIX
        && call.operand(0) instanceof SqlLiteral l && l.getValue() instanceof BigDecimal d) {
      return d.negate();
    }
    if (!(node instanceof SqlLiteral literal)) {
      return NOT_A_LITERAL;
    }
    return switch (literal.getTypeName()) {
      case NULL -> null;
      case TIMESTAMP -> literal.getValueAs(TimestampString.class).getMillisSinceEpoch();
      case CHAR, VARCHAR -> literal.getValueAs(String.class);
      case BOOLEAN -> literal.booleanValue();
      case DECIMAL, DOUBLE, REAL, FLOAT, INTEGER, BIGINT -> literal.getValueAs(BigDecimal.class);
      case BINARY, VARBINARY -> literal.getValueAs(byte[].class);
      default -> NOT_A_LITERAL;
    };
  }

  public int parameterCount() {
    return parameterCount;
  }

  /**
   * Writes one point per VALUES row and parameter row, all in one engine batch. Returns how
   * many were written; refused rows fail with {@link io.edgetimedb.sql.table.RowsRefusedException}
   * naming their 0-based indexes, and every other row is written.
   */
  public long write(List<List<Object>> parameterRows) {
    PointWriter writer = new PointWriter(db, table, source);
    List<List<Object>> sets = parameterCount == 0 ? List.of(List.of()) : parameterRows;
    int index = 0;
    for (List<Object> parameters : sets) {
      for (Source[] row : rows) {
        writer.add(row(row, parameters, index++));
      }
    }
    return writer.size();
  }

  private Object[] row(Source[] sources, List<Object> parameters, int index) {
    Object[] row = new Object[table.size()];
    for (int i = 0; i < sources.length; i++) {
      Source s = sources[i];
      Column column = table.get(columns[i]);
      row[columns[i]] = s.parameter < 0 ? s.literal : ColumnValues.convert(column, parameter(parameters, s, index),
          index);
    }
    if (row[0] == null) {
      throw new BadValueException("row " + index + ": column 'ts' must not be NULL", "23502");
    }
    return row;
  }

  private static Object parameter(List<Object> parameters, Source s, int index) {
    if (s.parameter >= parameters.size()) {
      throw new BadValueException("row " + index + ": parameter " + (s.parameter + 1) + " is not set", "07001");
    }
    return parameters.get(s.parameter);
  }
}
