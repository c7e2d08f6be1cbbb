package io.edgetimedb.sql.plan;

import io.edgetimedb.sql.table.RowsReader;
import io.edgetimedb.sql.table.MeasurementTable;
import io.edgetimedb.sql.table.ScanSpec;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A scan answered from the values each series keeps on its write path: a few rows per series
 * instead of every row. It has the row type of the scan it replaces, so what is above it stays
 * as it was; subclasses say which rows ({@link #reader}) and how EXPLAIN names them.
 */
abstract class EnumerableKeptValuesScan extends TableScan implements EnumerableRel {
  /** Series assumed in a measurement: a handful of rows per series against a full scan's million. */
  private static final double SERIES = 1_000;

  final MeasurementTable measurement;
  final ScanSpec spec;

  EnumerableKeptValuesScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, MeasurementTable measurement,
      ScanSpec spec) {
    super(cluster, traits, List.of(), table);
    this.measurement = measurement;
    this.spec = spec;
  }

  /** What computes the rows when the statement runs. */
  abstract RowsReader reader();

  /** Rows each series yields at most. */
  abstract int rowsPerSeries();

  @Override
  public RelDataType deriveRowType() {
    return ScanTraits.rowType(getCluster(), table, spec);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return SERIES * rowsPerSeries();
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    return planner.getCostFactory().makeCost(rows, rows, rows);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    return ScanTraits.implement(implementor, getRowType(), reader());
  }
}
