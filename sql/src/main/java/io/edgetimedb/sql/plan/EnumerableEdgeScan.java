package io.edgetimedb.sql.plan;

import io.edgetimedb.sql.table.MeasurementReader;
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
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The executable form of an {@link EdgeTableScan}: the generated code hands the spec to a
 * {@link MeasurementReader}, which reads the parameters of the execution and asks the engine.
 */
final class EnumerableEdgeScan extends TableScan implements EnumerableRel {
  /** Rows assumed in a measurement: planning only compares scans of the same table. */
  private static final double BASE_ROWS = 1_000_000;

  private final MeasurementTable measurement;
  private final ScanSpec spec;

  EnumerableEdgeScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, MeasurementTable measurement,
      ScanSpec spec) {
    super(cluster, traits, List.of(), table);
    this.measurement = measurement;
    this.spec = spec;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new EnumerableEdgeScan(getCluster(), traitSet, table, measurement, spec);
  }

  @Override
  public RelDataType deriveRowType() {
    return ScanTraits.rowType(getCluster(), table, spec);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return ScanTraits.explain(super.explainTerms(pw), spec);
  }

  /** Fewer rows and fewer columns cost less, so every pushed operator wins over doing it above. */
  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double rows = BASE_ROWS;
    if (!spec.time().isAll()) {
      rows *= 0.01;
    }
    if (spec.tags() != null) {
      rows *= 0.1;
    }
    if (spec.limit() != null) {
      rows = Math.min(rows, 10);
    }
    return rows;
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double width = (spec.projection().size() + 1.0) / (spec.columns().size() + 1.0);
    double rows = estimateRowCount(mq);
    return planner.getCostFactory().makeCost(rows * width, rows * width, rows * width);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    return ScanTraits.implement(implementor, getRowType(), new MeasurementReader(measurement.database(), spec));
  }
}
