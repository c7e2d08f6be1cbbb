package io.edgetimedb.sql.table;

import io.edgetimedb.engine.Database;
import io.edgetimedb.sql.plan.EdgeTableScan;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import org.apache.calcite.adapter.java.AbstractQueryableTable;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.linq4j.Queryable;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalTableModify;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ModifiableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.TranslatableTable;

/**
 * A measurement as a SQL table. Scans become an {@link EdgeTableScan} that push-down rules grow;
 * INSERT goes to a {@link PointWriter}. The columns are those of the moment the table was looked
 * up, i.e. when the statement was planned.
 */
public final class MeasurementTable extends AbstractQueryableTable implements TranslatableTable, ModifiableTable {
  private final Database db;
  private final MeasurementColumns columns;
  private final String writeSource;

  /** @param writeSource what INSERTs through this table are recorded as ({@code jdbc:<user>}) */
  public MeasurementTable(Database db, MeasurementColumns columns, String writeSource) {
    super(Object[].class);
    this.db = db;
    this.columns = columns;
    this.writeSource = writeSource;
  }

  public Database database() {
    return db;
  }

  public MeasurementColumns columns() {
    return columns;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return columns.rowType(typeFactory);
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return EdgeTableScan.create(context.getCluster(), relOptTable, this, ScanSpec.all(columns));
  }

  @Override
  public Collection<Object[]> getModifiableCollection() {
    return new PointWriter(db, columns, writeSource);
  }

  @Override
  public TableModify toModificationRel(RelOptCluster cluster, RelOptTable table, Prepare.CatalogReader catalogReader,
      RelNode child, TableModify.Operation operation, List<String> updateColumnList,
      List<RexNode> sourceExpressionList, boolean flattened) {
    return LogicalTableModify.create(table, catalogReader, child, operation, updateColumnList, sourceExpressionList,
        flattened);
  }

  /** Not used: scans go through {@link #toRel}; Calcite's interface requires it. */
  @Override
  public <T> Queryable<T> asQueryable(QueryProvider queryProvider, SchemaPlus schema, String tableName) {
    throw new UnsupportedOperationException("measurement tables are scanned through EdgeTableScan");
  }

  @Override
  public Type getElementType() {
    return Object[].class;
  }
}
