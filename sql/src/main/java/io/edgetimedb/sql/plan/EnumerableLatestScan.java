package io.edgetimedb.sql.plan;

import io.edgetimedb.sql.table.LatestReader;
import io.edgetimedb.sql.table.MeasurementTable;
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
 * A scan that feeds only {@code last(field, ts)} aggregates: one row per series and field, read
 * from the last values the engine keeps on its write path (see {@link LatestReader}). It has the
 * row type of the scan it replaces, so the aggregate above it stays as it was.
 */
final class EnumerableLatestScan extends TableScan implements EnumerableRel {
  /** Series assumed in a measurement: a handful of rows per series against a full scan's million. */
  private static final double SERIES = 1_000;

  private final MeasurementTable measurement;
  private final ScanSpec spec;
  private final List<Integer> lastFields;

  private EnumerableLatestScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
      MeasurementTable measurement, ScanSpec spec, List<Integer> lastFields) {
    super(cluster, traits, List.of(), table);
    this.measurement = measurement;
    this.spec = spec;
    this.lastFields = List.copyOf(lastFields);
  }

  /** Replaces a scan by one that yields only the newest row of each of the given field outputs. */
  static EnumerableLatestScan of(EdgeTableScan scan, List<Integer> lastFields) {
    RelTraitSet traits = ScanTraits.of(scan.getCluster(), EnumerableConvention.INSTANCE, scan.spec());
    return new EnumerableLatestScan(scan.getCluster(), traits, scan.getTable(), scan.measurement(), scan.spec(),
        lastFields);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new EnumerableLatestScan(getCluster(), traitSet, table, measurement, spec, lastFields);
  }

  @Override
  public RelDataType deriveRowType() {
    return ScanTraits.rowType(getCluster(), table, spec);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return ScanTraits.explain(super.explainTerms(pw), spec).item("latestOf", ScanTraits.names(spec, lastFields));
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return SERIES * lastFields.size();
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    return planner.getCostFactory().makeCost(rows, rows, rows);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
    Expression reader = implementor.stash(new LatestReader(measurement.database(), spec, lastFields),
        LatestReader.class);
    Expression rows = Expressions.call(reader, "rows", implementor.getRootExpression());
    return implementor.result(physType, Blocks.toBlock(rows));
  }
}
