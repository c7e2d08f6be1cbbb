package io.edgetimedb.sql.plan;

import io.edgetimedb.sql.table.MeasurementTable;
import io.edgetimedb.sql.table.ScanSpec;
import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A scan of one measurement with everything pushed into it so far (see {@link ScanSpec}). It is
 * logical (Convention NONE), like the Logical* operators it absorbs, so the push-down rules see it
 * wherever those operators look for their input; {@link EnumerableEdgeScanRule} makes it
 * executable once it has grown.
 */
public final class EdgeTableScan extends TableScan {
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
    return new EdgeTableScan(cluster, ScanTraits.of(cluster, Convention.NONE, spec), table, measurement, spec);
  }

  /** The same scan with another spec; the collation trait follows the spec's order. */
  public EdgeTableScan with(ScanSpec newSpec) {
    return new EdgeTableScan(getCluster(), ScanTraits.of(getCluster(), Convention.NONE, newSpec), table, measurement,
        newSpec);
  }

  public ScanSpec spec() {
    return spec;
  }

  public MeasurementTable measurement() {
    return measurement;
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
    return ScanTraits.rowType(getCluster(), table, spec);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return ScanTraits.explain(super.explainTerms(pw), spec);
  }
}
