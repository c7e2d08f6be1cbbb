package io.edgetimedb.sql.plan;

import io.edgetimedb.sql.table.MeasurementReader;
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
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * A scan of one measurement with everything pushed into it so far (see {@link ScanSpec}). It is
 * directly executable: the generated code hands the spec to a {@link MeasurementReader}, which
 * reads the parameters of the execution and asks the engine.
 */
public final class EdgeTableScan extends TableScan implements EnumerableRel {
  /** Rows assumed in a measurement: planning only compares scans of the same table. */
  private static final double BASE_ROWS = 1_000_000;

  private final MeasurementTable measurement;
  private final ScanSpec spec;

  private EdgeTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, MeasurementTable measurement,
      ScanSpec spec) {
    super(cluster, traits, List.of(), table);
    this.measurement = measurement;
    this.spec = spec;
  }

  public static EdgeTableScan create(RelOptCluster cluster, RelOptTable table, MeasurementTable measurement,
      ScanSpec spec) {
    return new EdgeTableScan(cluster, traitsOf(cluster, spec), table, measurement, spec);
  }

  /** The same scan with another spec; the collation trait follows the spec's order. */
  public EdgeTableScan with(ScanSpec newSpec) {
    return new EdgeTableScan(getCluster(), traitsOf(getCluster(), newSpec), table, measurement, newSpec);
  }

  private static RelTraitSet traitsOf(RelOptCluster cluster, ScanSpec spec) {
    RelTraitSet traits = cluster.traitSetOf(EnumerableConvention.INSTANCE);
    int ts = spec.timeOutput();
    if (spec.order() == ScanSpec.Order.SERIES || ts < 0) {
      return traits;
    }
    RelFieldCollation.Direction direction = spec.order() == ScanSpec.Order.ASCENDING
        ? RelFieldCollation.Direction.ASCENDING : RelFieldCollation.Direction.DESCENDING;
    RelCollation collation = RelCollations.of(new RelFieldCollation(ts, direction));
    return traits.replaceIf(RelCollationTraitDef.INSTANCE, () -> collation);
  }

  public ScanSpec spec() {
    return spec;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new EdgeTableScan(getCluster(), traitSet, table, measurement, spec);
  }

  @Override
  public void register(RelOptPlanner planner) {
    for (var rule : PushDownRules.ALL) {
      planner.addRule(rule);
    }
  }

  @Override
  public RelDataType deriveRowType() {
    RelDataType full = table.getRowType();
    RelDataTypeFactory.Builder builder = getCluster().getTypeFactory().builder();
    for (int column : spec.projection()) {
      builder.add(full.getFieldList().get(column));
    }
    return builder.build();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("columns", spec.outputNames())
        .itemIf("filter", spec.filterString(), spec.filterString() != null)
        .itemIf("order", spec.order() == ScanSpec.Order.ASCENDING ? "ts" : "ts DESC",
            spec.order() != ScanSpec.Order.SERIES)
        .itemIf("limit", spec.limit(), spec.limit() != null);
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
    // Always arrays, even for one column: the reader produces Object[] rows.
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
    Expression reader = implementor.stash(new MeasurementReader(measurement.database(), spec),
        MeasurementReader.class);
    Expression rows = Expressions.call(reader, "rows", implementor.getRootExpression());
    return implementor.result(physType, Blocks.toBlock(rows));
  }
}
