package io.edgetimedb.sql.plan;

import io.edgetimedb.sql.table.MeasurementTable;
import io.edgetimedb.sql.table.NewestRowsReader;
import io.edgetimedb.sql.table.ScanSpec;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
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
 * A scan that yields only the newest (or oldest) row of each group of series, the rows a
 * {@code ROW_NUMBER() OVER (PARTITION BY tags ORDER BY ts DESC) = 1} keeps (see {@link
 * NewestRowsReader}). It has the row type of the scan it replaces.
 */
final class EnumerableNewestRowsScan extends TableScan implements EnumerableRel {
  /** Series assumed in a measurement, as for {@link EnumerableLatestScan}. */
  private static final double SERIES = 1_000;

  private final MeasurementTable measurement;
  private final ScanSpec spec;
  private final List<Integer> partitionOutputs;
  private final boolean newest;

  private EnumerableNewestRowsScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
      MeasurementTable measurement, ScanSpec spec, List<Integer> partitionOutputs, boolean newest) {
    super(cluster, traits, List.of(), table);
    this.measurement = measurement;
    this.spec = spec;
    this.partitionOutputs = List.copyOf(partitionOutputs);
    this.newest = newest;
  }

  /** Replaces a scan by one that yields the newest (oldest) row per group of the given tag outputs. */
  static EnumerableNewestRowsScan of(EdgeTableScan scan, List<Integer> partitionOutputs, boolean newest) {
    RelTraitSet traits = ScanTraits.of(scan.getCluster(), EnumerableConvention.INSTANCE, scan.spec());
    return new EnumerableNewestRowsScan(scan.getCluster(), traits, scan.getTable(), scan.measurement(), scan.spec(),
        partitionOutputs, newest);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new EnumerableNewestRowsScan(getCluster(), traitSet, table, measurement, spec, partitionOutputs, newest);
  }

  @Override
  public RelDataType deriveRowType() {
    return ScanTraits.rowType(getCluster(), table, spec);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return ScanTraits.explain(super.explainTerms(pw), spec).item(newest ? "newestRowPer" : "oldestRowPer", ScanTraits.names(spec, partitionOutputs));
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return SERIES;
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    return planner.getCostFactory().makeCost(rows, rows, rows);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
    Expression reader = implementor.stash(
        new NewestRowsReader(measurement.database(), spec, partitionOutputs, newest), NewestRowsReader.class);
    Expression rows = Expressions.call(reader, "rows", implementor.getRootExpression());
    return implementor.result(physType, Blocks.toBlock(rows));
  }
}
